package io.broadsheet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.broadsheet.aws.BroadsheetConfiguration;
import io.broadsheet.aws.PipelineFactory;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.pipeline.ObjectStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Submissions through the API become uploads like any other: stored under {@code incoming/api/},
 * so the same parse, analyze and publish functions take them from there. They are checked first
 * (size, type, fields, and a trial parse), so a client hears about a bad document now, as a 4xx,
 * instead of finding an error record later.
 */
@Singleton
public class ArticleSubmissions {

    static final String PREFIX = ArticleKeys.INCOMING + "api/";
    private static final Set<String> FIELDS = Set.of("title", "author", "publishedAt", "tags", "body");
    private static final int MAX_TITLE = 300;
    private static final int MAX_AUTHOR = 200;
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG = 60;
    private static final int MAX_SLUG = 30;

    private final ObjectStore articles;
    private final long maxBytes;
    private final ArticleParsers parsers = new ArticleParsers();
    private final SecureRandom random = new SecureRandom();

    public ArticleSubmissions(@Named(PipelineFactory.ARTICLES) ObjectStore articles, BroadsheetConfiguration config) {
        this.articles = articles;
        this.maxBytes = config.getMaxUploadBytes();
    }

    /** What was stored: the upload's key and the id the article will have. */
    public record Stored(String id, String sourceKey) {
    }

    public Stored submit(String contentType, byte[] body) {
        if (body.length > maxBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The document has " + body.length + " bytes; the limit is " + maxBytes + ".");
        }
        SourceFormat format = SourceFormat.fromMediaType(contentType).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json, text/plain, text/markdown or text/html."));
        byte[] document = format == SourceFormat.JSON ? normalisedJson(body) : body;
        String fileName = "submission." + format.extension();
        String title;
        try {
            title = parsers.parse(fileName, format.mediaType(), document).article().title();
        } catch (ArticleRejectedException e) {
            throw switch (e.reason()) {
                case TOO_LARGE -> new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
                case BINARY, UNSUPPORTED_FORMAT -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
                default -> ProblemException.invalid("body", e.reason().name().toLowerCase() + ": " + e.getMessage());
            };
        }
        String key = PREFIX + slug(title) + "-" + HexFormat.of().formatHex(randomBytes()) + "." + format.extension();
        articles.put(key, document, format.mediaType() + (format == SourceFormat.JSON ? "" : "; charset=utf-8"), null);
        return new Stored(ArticleIds.fromSourceKey(key), key);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String slug(String title) {
        String slug = ArticleIds.slugify(title);
        if (slug.length() > MAX_SLUG) {
            // Cut at a word boundary: the id keeps whole words of the title.
            int cut = slug.charAt(MAX_SLUG) == '-' ? MAX_SLUG : slug.lastIndexOf('-', MAX_SLUG);
            slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }

    /** The JSON submission checked field by field and written back in the shape the JSON parser reads. */
    private static byte[] normalisedJson(byte[] body) {
        JsonNode root;
        try {
            root = ArticleJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw ProblemException.invalid("body", "not readable");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError(name, "unknown field (accepted: title, author, publishedAt, tags, body)"));
            }
        });
        String title = text(root, "title", true, MAX_TITLE, errors);
        String author = text(root, "author", false, MAX_AUTHOR, errors);
        String body2 = text(root, "body", true, Integer.MAX_VALUE, errors);
        String publishedAt = text(root, "publishedAt", false, 64, errors);
        if (publishedAt != null && !isIsoDate(publishedAt)) {
            errors.add(new Problem.FieldError("publishedAt", "not an ISO-8601 date or date-time (e.g. 2025-09-05T08:00:00Z)"));
        }
        List<String> tags = tags(root, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().reason()
                    : errors.size() + " fields are not valid", errors);
        }
        ObjectNode normalised = ArticleJson.mapper().createObjectNode();
        normalised.put("title", title.strip());
        if (author != null) {
            normalised.put("author", author.strip());
        }
        if (publishedAt != null) {
            normalised.put("publishedAt", publishedAt.strip());
        }
        tags.forEach(normalised.putArray("tags")::add);
        normalised.put("body", body2);
        return ArticleJson.write(normalised);
    }

    private static String text(JsonNode root, String field, boolean required, int maxLength, List<Problem.FieldError> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return null;
        }
        String value = node.asText();
        if (required && value.isBlank()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
        } else if (value.length() > maxLength) {
            errors.add(new Problem.FieldError(field, "longer than " + maxLength + " characters"));
        }
        return value.isBlank() && !required ? null : value;
    }

    private static List<String> tags(JsonNode root, List<Problem.FieldError> errors) {
        JsonNode node = root.get("tags");
        List<String> tags = new ArrayList<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isArray()) {
            errors.add(new Problem.FieldError("tags", "must be an array of strings"));
            return tags;
        }
        if (node.size() > MAX_TAGS) {
            errors.add(new Problem.FieldError("tags", "more than " + MAX_TAGS + " tags"));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().length() > MAX_TAG) {
                errors.add(new Problem.FieldError("tags[" + i + "]", "must be a non-blank string of at most " + MAX_TAG + " characters"));
            } else {
                tags.add(tag.asText().strip());
            }
        }
        return tags;
    }

    private static boolean isIsoDate(String value) {
        String v = value.strip();
        try {
            Instant.parse(v);
            return true;
        } catch (DateTimeParseException notInstant) {
            try {
                OffsetDateTime.parse(v);
                return true;
            } catch (DateTimeParseException notOffset) {
                try {
                    LocalDate.parse(v);
                    return true;
                } catch (DateTimeParseException notDate) {
                    return false;
                }
            }
        }
    }
}
