package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ErrorRecord;
import io.broadsheet.core.parse.UploadChecks;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ContentHash;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.model.SourceRef;
import io.broadsheet.core.parse.ArticleParsers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The parse step: an upload under {@code incoming/} becomes {@code parsed/<id>.json}, or an error
 * record under {@code rejected/} when it can never be an article. The upload itself is never touched.
 *
 * <p>Failures are of two kinds. Permanent ones (the bytes can never be an article) become an error
 * record and a normal return, so the platform does not retry them; everything else (the store
 * throttling or timing out) is thrown, so the event is retried and ends in the failure destination.
 *
 * <p>Events come at least once and in any order. An event whose ETag is no longer the object's is
 * skipped (the newer upload has its own event), and {@code parsed/<id>.json} is only replaced,
 * conditionally on what was read, by content that changed and whose upload is not older than the
 * one already parsed (by S3 sequencer).
 */
public final class ParseArticleService {

    private static final String JSON = "application/json";
    private static final int MAX_ATTEMPTS = 5;
    /** S3's limit on a key's length. */
    private static final int MAX_KEY_BYTES = 1024;

    private final ObjectStore articles;
    private final ArticleParsers parsers;
    private final long maxUploadBytes;
    private final Clock clock;

    public ParseArticleService(ObjectStore articles, ArticleParsers parsers, long maxUploadBytes, Clock clock) {
        this.articles = articles;
        this.parsers = parsers;
        this.maxUploadBytes = maxUploadBytes;
        this.clock = clock;
    }

    /** An object-created event, as the step needs it. */
    public record Upload(String key, String etag, String sequencer) {
    }

    public sealed interface Outcome {
        String key();
    }

    /** Parsed; {@code written} is false when an identical parsed article was already there. */
    public record Parsed(String key, String id, String parsedKey, boolean written) implements Outcome {
    }

    public record Rejected(String key, RejectionReason reason, String message, String errorKey) implements Outcome {
    }

    /** Nothing to do: the upload is gone, not an upload, or superseded by a newer one. */
    public record Skipped(String key, String why) implements Outcome {
    }

    public Outcome parse(Upload upload) {
        String key = upload.key();
        if (!key.startsWith(ArticleKeys.INCOMING)) {
            return new Skipped(key, "not under " + ArticleKeys.INCOMING);
        }
        if (key.endsWith("/")) {
            return new Skipped(key, "a folder marker (as the S3 console creates), not a file");
        }
        String etag = unquoted(upload.etag());
        try {
            UploadChecks.checkKey(key);
            Optional<ObjectStore.ObjectInfo> info = articles.head(key);
            if (info.isEmpty()) {
                return new Skipped(key, "the upload no longer exists");
            }
            if (etag == null) {
                etag = unquoted(info.get().etag());
            }
            if (isSuperseded(upload, info.get().etag())) {
                return superseded(key);
            }
            String fileName = key.substring(key.lastIndexOf('/') + 1);
            SourceFormat format = UploadChecks.format(fileName, info.get().contentType());
            UploadChecks.checkSize(info.get().size(), maxUploadBytes);
            Optional<ObjectStore.StoredObject> object = read(key);
            if (object.isEmpty()) {
                return new Skipped(key, "the upload no longer exists");
            }
            if (isSuperseded(upload, object.get().etag())) {
                return superseded(key);
            }
            if (upload.etag() == null) {
                etag = unquoted(object.get().etag());   // the bytes actually read, should they have changed since HEAD
            }
            ArticleParsers.ParseResult result = runParser(fileName, format, object.get().content());
            Article article = result.article();
            UploadChecks.checkArticle(article);
            String id = ArticleIds.fromSourceKey(key);
            ParsedArticle parsed = new ParsedArticle(id,
                    new SourceRef(key, etag, upload.sequencer(), result.format(), object.get().content().length),
                    article, ContentHash.of(article));
            Outcome outcome = write(parsed);
            if (outcome instanceof Parsed) {
                clearOlderRejection(upload);
            }
            return outcome;
        } catch (ArticleRejectedException e) {
            return reject(upload, etag, e);
        }
    }

    private Optional<ObjectStore.StoredObject> read(String key) {
        try {
            return articles.get(key, maxUploadBytes);
        } catch (ObjectStore.ObjectTooLargeException e) {
            // It grew between HEAD and GET; the read stopped at the limit.
            throw UploadChecks.tooLarge(-1, maxUploadBytes);
        }
    }

    /**
     * Parsers are functions of the bytes alone, so whatever they throw would be thrown again on
     * every retry: it is a permanent failure of this upload, not a reason for a retry storm.
     */
    private ArticleParsers.ParseResult runParser(String fileName, SourceFormat format, byte[] content) {
        try {
            return parsers.parse(fileName, format.mediaType(), content);
        } catch (ArticleRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            String detail = Objects.requireNonNullElse(e.getMessage(), "").lines().findFirst().orElse("");
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "the " + format.extension()
                    + " file cannot be read: " + e.getClass().getSimpleName()
                    + (detail.isEmpty() ? "" : ": " + truncate(detail, 200)), e);
        }
    }

    /** Replaces {@code parsed/<id>.json} only with changed content from an upload that is not older. */
    private Outcome write(ParsedArticle parsed) {
        String key = parsed.source().key();
        String parsedKey = ArticleKeys.parsedKey(parsed.id());
        byte[] json = ArticleJson.write(parsed);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<ObjectStore.StoredObject> existing = articles.get(parsedKey, Long.MAX_VALUE);
            Optional<ParsedArticle> current = existing.flatMap(ParseArticleService::readParsed);
            if (current.isPresent()) {
                if (Sequencers.isOlder(parsed.source().sequencer(), current.get().source().sequencer())) {
                    return new Skipped(key, "a newer upload of this key (sequencer "
                            + current.get().source().sequencer() + ") was already parsed");
                }
                if (current.get().contentHash().equals(parsed.contentHash())) {
                    return new Parsed(key, parsed.id(), parsedKey, false);
                }
            }
            String expectedEtag = existing.map(ObjectStore.StoredObject::etag).orElse(null);
            if (articles.putIfMatch(parsedKey, json, JSON, expectedEtag)) {
                return new Parsed(key, parsed.id(), parsedKey, true);
            }
        }
        throw new IllegalStateException(parsedKey + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /** A parsed article that cannot be read (written by an older release, say) is replaced. */
    private static Optional<ParsedArticle> readParsed(ObjectStore.StoredObject object) {
        try {
            return Optional.of(ArticleJson.read(object.content(), ParsedArticle.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isSuperseded(Upload upload, String currentEtag) {
        return upload.etag() != null && currentEtag != null && !unquoted(upload.etag()).equals(unquoted(currentEtag));
    }

    private static Skipped superseded(String key) {
        return new Skipped(key, "superseded: the key was overwritten after this event; the newer upload's event parses it");
    }

    /** S3 events carry ETags without quotes, HEAD and GET with them; records keep them without. */
    private static String unquoted(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /** The same upload rejected again (a duplicate event) keeps its first error record. */
    private Rejected reject(Upload upload, String etag, ArticleRejectedException e) {
        String errorKey = errorKey(upload.key());
        Optional<ErrorRecord> existing = readErrorRecord(errorKey);
        boolean sameUpload = existing.isPresent()
                && existing.get().reason() == e.reason()
                && Objects.equals(existing.get().etag(), etag)
                && Objects.equals(existing.get().sequencer(), upload.sequencer());
        if (!sameUpload) {
            ErrorRecord error = new ErrorRecord(e.reason(), e.getMessage(), upload.key(), etag,
                    upload.sequencer(), clock.instant());
            articles.put(errorKey, ArticleJson.write(error), JSON, null);
        }
        return new Rejected(upload.key(), e.reason(), e.getMessage(), errorKey);
    }

    /** A fixed re-upload removes the error record of an older, rejected upload of the same key. */
    private void clearOlderRejection(Upload upload) {
        String errorKey = errorKey(upload.key());
        readErrorRecord(errorKey)
                .filter(error -> !Sequencers.isOlder(upload.sequencer(), error.sequencer()))
                .ifPresent(error -> articles.delete(errorKey));
    }

    /**
     * {@code rejected/<path>.error.json}; for an unsafe key, whose path must not be reused (a
     * {@code ..} would climb out of {@code rejected/} on a file-backed store), or one too long to
     * mirror within S3's 1,024-byte keys, a name derived from its hash.
     */
    static String errorKey(String sourceKey) {
        String mirrored = ArticleKeys.rejectedKey(sourceKey);
        return UploadChecks.isSafeKey(sourceKey) && mirrored.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES
                ? mirrored
                : ArticleKeys.REJECTED + "unsafe-keys/" + ArticleIds.fromSourceKey(sourceKey) + ".error.json";
    }

    private Optional<ErrorRecord> readErrorRecord(String errorKey) {
        return articles.get(errorKey, Long.MAX_VALUE).flatMap(object -> {
            try {
                return Optional.of(ArticleJson.read(object.content(), ErrorRecord.class));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
