package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ContentHash;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.SourceRef;
import io.broadsheet.core.parse.ArticleParsers;

import java.time.Clock;
import java.util.Optional;

/**
 * The parse step: an upload under {@code incoming/} becomes {@code parsed/<id>.json}, or an error
 * record under {@code rejected/} when it can never be an article. The upload itself is never touched.
 */
public final class ParseArticleService {

    private static final String JSON = "application/json";

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

    /** Nothing to do: the upload is gone, or not an upload. */
    public record Skipped(String key, String why) implements Outcome {
    }

    public Outcome parse(Upload upload) {
        String key = upload.key();
        if (!key.startsWith(ArticleKeys.INCOMING)) {
            return new Skipped(key, "not under " + ArticleKeys.INCOMING);
        }
        try {
            if (key.contains("..") || key.endsWith("/")) {
                throw new ArticleRejectedException(RejectionReason.UNSAFE_KEY, "the key is not a plain file path: " + key);
            }
            Optional<ObjectStore.ObjectInfo> info = articles.head(key);
            if (info.isEmpty()) {
                return new Skipped(key, "the upload no longer exists");
            }
            if (info.get().size() > maxUploadBytes) {
                throw tooLarge(info.get().size());
            }
            ObjectStore.StoredObject object;
            try {
                object = articles.get(key, maxUploadBytes).orElse(null);
            } catch (ObjectStore.ObjectTooLargeException e) {
                throw tooLarge(-1);
            }
            if (object == null) {
                return new Skipped(key, "the upload no longer exists");
            }
            String fileName = key.substring(key.lastIndexOf('/') + 1);
            ArticleParsers.ParseResult result = parsers.parse(fileName, object.contentType(), object.content());
            String id = ArticleIds.fromSourceKey(key);
            String etag = upload.etag() != null ? upload.etag() : object.etag();
            ParsedArticle parsed = new ParsedArticle(id,
                    new SourceRef(key, etag, upload.sequencer(), result.format(), object.content().length),
                    result.article(), ContentHash.of(result.article()));
            String parsedKey = ArticleKeys.parsedKey(id);
            if (sameContentAlreadyParsed(parsedKey, parsed)) {
                return new Parsed(key, id, parsedKey, false);
            }
            articles.put(parsedKey, ArticleJson.write(parsed), JSON, null);
            return new Parsed(key, id, parsedKey, true);
        } catch (ArticleRejectedException e) {
            return reject(upload, e);
        }
    }

    private boolean sameContentAlreadyParsed(String parsedKey, ParsedArticle parsed) {
        return articles.get(parsedKey, Long.MAX_VALUE)
                .map(existing -> ArticleJson.read(existing.content(), ParsedArticle.class))
                .filter(existing -> existing.contentHash().equals(parsed.contentHash()))
                .isPresent();
    }

    private ArticleRejectedException tooLarge(long size) {
        return new ArticleRejectedException(RejectionReason.TOO_LARGE, "the upload is larger than the limit of "
                + maxUploadBytes + " bytes" + (size >= 0 ? " (" + size + " bytes)" : ""));
    }

    private Rejected reject(Upload upload, ArticleRejectedException e) {
        String errorKey = ArticleKeys.rejectedKey(upload.key());
        ErrorRecord error = new ErrorRecord(e.reason(), e.getMessage(), upload.key(), upload.etag(),
                upload.sequencer(), clock.instant());
        articles.put(errorKey, ArticleJson.write(error), JSON, null);
        return new Rejected(upload.key(), e.reason(), e.getMessage(), errorKey);
    }
}
