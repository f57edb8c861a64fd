package io.broadsheet.aws;

import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.pipeline.ArticleTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The article table on DynamoDB: conditional writes for versions, the {@code byDate} index for listing. */
public final class DynamoArticleTable implements ArticleTable {

    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoArticleTable(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    @Override
    public Optional<ArticleRecord> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of(ArticleItems.ID, AttributeValue.fromS(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ArticleItems.fromItem(item));
    }

    @Override
    public boolean insert(ArticleRecord record) {
        try {
            dynamo.putItem(b -> b.tableName(tableName).item(ArticleItems.toItem(record))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", ArticleItems.ID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean replace(ArticleRecord record, long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(tableName).item(ArticleItems.toItem(record))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", ArticleItems.VERSION))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String id, Long expectedVersion) {
        try {
            dynamo.deleteItem(b -> {
                b.tableName(tableName).key(Map.of(ArticleItems.ID, AttributeValue.fromS(id)));
                if (expectedVersion == null) {
                    b.conditionExpression("attribute_exists(#id)").expressionAttributeNames(Map.of("#id", ArticleItems.ID));
                } else {
                    b.conditionExpression("#v = :expected")
                            .expressionAttributeNames(Map.of("#v", ArticleItems.VERSION))
                            .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(expectedVersion.toString())));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public ArticlePage list(ArticleQuery query) {
        List<ArticleRecord> items = new ArrayList<>();
        Map<String, AttributeValue> start = decodeCursor(query.cursor());
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(tableName)
                    .indexName(ArticleItems.BY_DATE_INDEX)
                    .keyConditionExpression("#feed = :feed")
                    .scanIndexForward(false)
                    .limit(query.limit() - items.size());
            Map<String, String> names = new HashMap<>(Map.of("#feed", ArticleItems.FEED));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":feed", AttributeValue.fromS(ArticleItems.FEED_ALL)));
            List<String> filters = new ArrayList<>();
            if (query.tag() != null) {
                filters.add("contains(#tags, :tag)");
                names.put("#tags", ArticleItems.TAGS);
                values.put(":tag", AttributeValue.fromS(query.tag()));
            }
            if (query.sentimentLabel() != null) {
                filters.add("#label = :label");
                names.put("#label", ArticleItems.SENTIMENT_LABEL);
                values.put(":label", AttributeValue.fromS(query.sentimentLabel()));
            }
            if (!filters.isEmpty()) {
                request.filterExpression(String.join(" AND ", filters));
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.expressionAttributeNames(names).expressionAttributeValues(values).build());
            response.items().forEach(item -> items.add(ArticleItems.fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() < query.limit());
        return new ArticlePage(items, encodeCursor(start));
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        if (key == null) {
            return null;
        }
        String raw = key.get(ArticleItems.ID).s() + "\n" + key.get(ArticleItems.SORT_KEY).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cursor", e);
        }
        String[] parts = raw.split("\n", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("invalid cursor");
        }
        return Map.of(ArticleItems.ID, AttributeValue.fromS(parts[0]),
                ArticleItems.SORT_KEY, AttributeValue.fromS(parts[1]),
                ArticleItems.FEED, AttributeValue.fromS(ArticleItems.FEED_ALL));
    }
}
