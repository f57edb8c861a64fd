package io.broadsheet.core.model;

import java.time.Instant;
import java.util.List;

/**
 * The structured record kept in the article table: metadata, the analysis, and pointers to the body.
 * The page is {@code <id>.html} (see {@link ArticleKeys}), so a changed title never moves it.
 * The body itself stays in S3 ({@code parsedKey}) so the item stays far below DynamoDB's 400 KB.
 *
 * @param id          article id
 * @param version     1 on creation, +1 on every change of content; the optimistic-lock value
 * @param contentHash hash of the parsed content the analysis was made from
 * @param sourceKey   the original upload's key (kept on unpublish)
 * @param sourceSequencer the S3 sequencer of the upload this version came from, or {@code null}
 * @param parsedKey   key of the parsed article JSON
 * @param title       headline
 * @param author      byline name or {@code null}
 * @param authorRole  byline role/outlet or {@code null}
 * @param publishedAt publication time or {@code null}
 * @param tags        tags
 * @param analysis    the analysis
 * @param createdAt   when version 1 was written
 * @param updatedAt   when this version was written
 */
public record ArticleRecord(
        String id,
        long version,
        String contentHash,
        String sourceKey,
        String sourceSequencer,
        String parsedKey,
        String title,
        String author,
        String authorRole,
        Instant publishedAt,
        List<String> tags,
        Analysis analysis,
        Instant createdAt,
        Instant updatedAt) {

    public ArticleRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The date a reader should see: publication, or else the last update. */
    public Instant displayDate() {
        return publishedAt != null ? publishedAt : updatedAt;
    }

    /** The same record as the next version, for a change of content. */
    public ArticleRecord nextVersion(ArticleRecord changed) {
        return new ArticleRecord(id, version + 1, changed.contentHash, changed.sourceKey, changed.sourceSequencer,
                changed.parsedKey, changed.title, changed.author, changed.authorRole,
                changed.publishedAt, changed.tags, changed.analysis, createdAt, changed.updatedAt);
    }
}
