package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ErrorRecord;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ParsedArticle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The analyze step: {@code parsed/<id>.json} becomes the article's record. Writes are conditional
 * (insert-if-absent, replace-if-version), so duplicate and out-of-order events change nothing and
 * concurrent ones cannot lose an update. The idempotency key is the content hash (same content:
 * nothing to write), the record's version (the optimistic lock) and the upload's S3 sequencer
 * (an older upload never replaces a newer one).
 */
public final class AnalyzeArticleService {

    private static final int MAX_ATTEMPTS = 5;
    /** Below DynamoDB's 400 KB item limit, with room for the attribute names and the index keys. */
    static final int MAX_RECORD_BYTES = 350_000;

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

    /**
     * CREATED and UPDATED wrote a version; UNCHANGED (same content hash) and STALE (an older upload
     * than the record's, by sequencer) wrote nothing; MISSING: the parsed article is gone;
     * REJECTED: it cannot be read, or its record would exceed the table's item size; retrying would
     * not change that, so an error record says so.
     */
    public enum Result { CREATED, UPDATED, UNCHANGED, STALE, MISSING, REJECTED }

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
            return reject(object.get(), new ArticleRejectedException(RejectionReason.MALFORMED,
                    "unreadable parsed article " + parsedKey + ": " + e.getMessage()));
        }
        try {
            return write(parsedKey, parsed);
        } catch (ArticleRejectedException e) {
            return reject(object.get(), e);
        }
    }

    private Outcome write(String parsedKey, ParsedArticle parsed) {
        ArticleRecord candidate = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<ArticleRecord> current = table.find(parsed.id());
            if (current.isPresent()) {
                ArticleRecord stored = current.get();
                if (stored.contentHash().equals(parsed.contentHash())) {
                    return new Outcome(parsedKey, parsed.id(), Result.UNCHANGED, stored.version());
                }
                if (Sequencers.isOlder(parsed.source().sequencer(), stored.sourceSequencer())) {
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

    private Outcome reject(ObjectStore.StoredObject parsedObject, ArticleRejectedException e) {
        String errorKey = ArticleKeys.rejectedKey(parsedObject.key());
        String etag = parsedObject.etag() == null ? null : parsedObject.etag().replace("\"", "");
        ErrorRecord error = new ErrorRecord(e.reason(), e.getMessage(), parsedObject.key(),
                etag, null, clock.instant());
        articles.put(errorKey, ArticleJson.write(error), "application/json", null);
        return new Outcome(parsedObject.key(), null, Result.REJECTED, 0);
    }

    private ArticleRecord recordOf(String parsedKey, ParsedArticle parsed) {
        Article article = parsed.article();
        Analysis analysis = analyzer.analyze(article);
        Instant now = clock.instant();
        ArticleRecord record = new ArticleRecord(parsed.id(), 1, parsed.contentHash(), parsed.source().key(),
                parsed.source().sequencer(), parsedKey, article.title(), article.author(),
                article.authorRole(), article.publishedAt(), article.tags(), analysis, now, now);
        int size = ArticleJson.write(record).length;
        if (size > MAX_RECORD_BYTES) {
            // DynamoDB would refuse the item on every retry: a permanent failure, not a transient one.
            throw new ArticleRejectedException(RejectionReason.TOO_LARGE, "the record of " + parsed.id() + " would be "
                    + size + " bytes; the table's limit is " + MAX_RECORD_BYTES);
        }
        return record;
    }
}
