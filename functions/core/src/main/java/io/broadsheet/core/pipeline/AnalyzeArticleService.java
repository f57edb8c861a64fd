package io.broadsheet.core.pipeline;

import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ParsedArticle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The analyze step: {@code parsed/<id>.json} becomes the article's record. Writes are conditional
 * (insert-if-absent, replace-if-version), so duplicate and out-of-order events change nothing and
 * concurrent ones cannot lose an update.
 */
public final class AnalyzeArticleService {

    private static final int MAX_ATTEMPTS = 5;

    private final ObjectStore articles;
    private final ArticleTable table;
    private final ArticleAnalyzer analyzer;
    private final Clock clock;

    public AnalyzeArticleService(ObjectStore articles, ArticleTable table, ArticleAnalyzer analyzer, Clock clock) {
        this.articles = articles;
        this.table = table;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    public enum Result { CREATED, UPDATED, UNCHANGED, STALE, MISSING }

    public record Outcome(String parsedKey, String id, Result result, long version) {
    }

    public Outcome analyze(String parsedKey) {
        Optional<ObjectStore.StoredObject> object = articles.get(parsedKey, Long.MAX_VALUE);
        if (object.isEmpty()) {
            return new Outcome(parsedKey, null, Result.MISSING, 0);
        }
        ParsedArticle parsed;
        try {
            parsed = ArticleJson.read(object.get().content(), ParsedArticle.class);
        } catch (RuntimeException e) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "unreadable parsed article " + parsedKey, e);
        }
        ArticleRecord candidate = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<ArticleRecord> current = table.find(parsed.id());
            if (current.isPresent()) {
                ArticleRecord stored = current.get();
                if (stored.contentHash().equals(parsed.contentHash())) {
                    return new Outcome(parsedKey, parsed.id(), Result.UNCHANGED, stored.version());
                }
                if (isOlder(parsed.source().sequencer(), stored.sourceSequencer())) {
                    return new Outcome(parsedKey, parsed.id(), Result.STALE, stored.version());
                }
                if (candidate == null) {
                    candidate = recordOf(parsedKey, parsed);
                }
                ArticleRecord next = stored.nextVersion(candidate);
                if (table.replace(next, stored.version())) {
                    return new Outcome(parsedKey, parsed.id(), Result.UPDATED, next.version());
                }
            } else {
                if (candidate == null) {
                    candidate = recordOf(parsedKey, parsed);
                }
                if (table.insert(candidate)) {
                    return new Outcome(parsedKey, parsed.id(), Result.CREATED, candidate.version());
                }
            }
        }
        throw new IllegalStateException("article " + parsed.id() + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    private ArticleRecord recordOf(String parsedKey, ParsedArticle parsed) {
        Article article = parsed.article();
        Analysis analysis = analyzer.analyze(article);
        Instant now = clock.instant();
        return new ArticleRecord(parsed.id(), 1, parsed.contentHash(), parsed.source().key(),
                parsed.source().sequencer(), parsedKey, article.title(), article.author(),
                article.authorRole(), article.publishedAt(), article.tags(), analysis, now, now);
    }

    /**
     * S3 sequencers are hex strings that order events for one key; compare them as numbers
     * (shorter ones are left-padded), and treat a missing one as unordered.
     */
    static boolean isOlder(String candidate, String stored) {
        if (candidate == null || stored == null) {
            return false;
        }
        int width = Math.max(candidate.length(), stored.length());
        String a = "0".repeat(width - candidate.length()) + candidate.toUpperCase();
        String b = "0".repeat(width - stored.length()) + stored.toUpperCase();
        return a.compareTo(b) < 0;
    }
}
