package io.broadsheet.core.model;

/**
 * The normalised article written to {@code parsed/<id>.json}: the parse step's whole output and
 * the analyze step's whole input.
 *
 * <p>It carries no time stamp of its own, so parsing the same bytes twice writes identical JSON.
 *
 * @param id          the article id, derived from the source key (see {@link ArticleIds})
 * @param source      the upload it came from
 * @param article     the content
 * @param contentHash SHA-256 of the content (not of the raw bytes), see {@link ContentHash}
 */
public record ParsedArticle(String id, SourceRef source, Article article, String contentHash) {
}
