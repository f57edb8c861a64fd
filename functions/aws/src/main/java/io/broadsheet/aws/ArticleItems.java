package io.broadsheet.aws;

import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ArticleJson;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DynamoDB item shape of an {@link ArticleRecord}. Top-level attributes for what is queried or
 * filtered (version, dates, tags, sentiment label); the analysis as one JSON string.
 */
public final class ArticleItems {

    public static final String ID = "id";
    public static final String VERSION = "version";
    /** Partition key of the {@link #BY_DATE_INDEX}: one constant feed, sorted by date. */
    public static final String FEED = "feed";
    public static final String FEED_ALL = "all";
    /** Sort key of the {@link #BY_DATE_INDEX}: display date (ISO) then id, so equal dates still sort stably. */
    public static final String SORT_KEY = "sortKey";
    public static final String BY_DATE_INDEX = "byDate";
    public static final String TAGS = "tags";
    public static final String SENTIMENT_LABEL = "sentimentLabel";

    private ArticleItems() {
    }

    public static Map<String, AttributeValue> toItem(ArticleRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(r.id()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(r.version())));
        item.put("contentHash", s(r.contentHash()));
        item.put("sourceKey", s(r.sourceKey()));
        putIfPresent(item, "sourceSequencer", r.sourceSequencer());
        item.put("parsedKey", s(r.parsedKey()));
        item.put("title", s(r.title()));
        putIfPresent(item, "author", r.author());
        putIfPresent(item, "authorRole", r.authorRole());
        if (r.publishedAt() != null) {
            item.put("publishedAt", s(r.publishedAt().toString()));
        }
        item.put(TAGS, AttributeValue.fromL(r.tags().stream().map(ArticleItems::s).toList()));
        item.put(SENTIMENT_LABEL, s(r.analysis().sentiment().label()));
        if (r.analysis().sentiment().score() != null) {
            item.put("sentimentScore", AttributeValue.fromN(r.analysis().sentiment().score().toString()));
        }
        item.put("analysis", s(ArticleJson.writeString(r.analysis())));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put("updatedAt", s(r.updatedAt().toString()));
        item.put(FEED, s(FEED_ALL));
        item.put(SORT_KEY, s(sortKey(r)));
        return item;
    }

    /**
     * The record an item holds.
     *
     * @throws MalformedItemException when a required attribute is missing or unreadable (an item
     *                                written by something else than {@link #toItem}); the message names it
     */
    public static ArticleRecord fromItem(Map<String, AttributeValue> item) {
        String id = required(item, ID);
        try {
            return new ArticleRecord(
                    id,
                    Long.parseLong(requiredNumber(item, VERSION)),
                    required(item, "contentHash"),
                    required(item, "sourceKey"),
                    str(item, "sourceSequencer"),
                    required(item, "parsedKey"),
                    required(item, "title"),
                    str(item, "author"),
                    str(item, "authorRole"),
                    instant(item, "publishedAt"),
                    item.containsKey(TAGS) ? item.get(TAGS).l().stream().map(AttributeValue::s).toList() : List.of(),
                    ArticleJson.read(required(item, "analysis"), Analysis.class),
                    instant(item, "createdAt"),
                    instant(item, "updatedAt"));
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedItemException("unreadable article item " + id + ": " + e.getMessage(), e);
        }
    }

    static String sortKey(ArticleRecord r) {
        return r.displayDate() + "#" + r.id();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String required(Map<String, AttributeValue> item, String name) {
        String value = str(item, name);
        if (value == null) {
            throw new MalformedItemException("article item " + str(item, ID) + " has no string attribute '" + name + "'");
        }
        return value;
    }

    private static String requiredNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new MalformedItemException("article item " + str(item, ID) + " has no number attribute '" + name + "'");
        }
        return value.n();
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = str(item, name);
        return value == null ? null : Instant.parse(value);
    }

    /** An item that is not an article record: a permanent failure, retrying cannot fix it. */
    public static final class MalformedItemException extends IllegalArgumentException {
        MalformedItemException(String message) {
            super(message);
        }

        MalformedItemException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
