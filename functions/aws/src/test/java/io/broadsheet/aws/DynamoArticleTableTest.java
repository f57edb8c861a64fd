package io.broadsheet.aws;

import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.pipeline.ArticleTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The requests the table sends (conditions, index, cursor), against a recording client; emulator runs are ITs. */
class DynamoArticleTableTest {

    /** Records requests; answers from what a test queued, or refuses conditional writes when told to. */
    static final class RecordingDynamo implements DynamoDbClient {
        final List<Object> requests = new ArrayList<>();
        final List<QueryResponse> queryResponses = new ArrayList<>();
        boolean conditionFails;
        Map<String, AttributeValue> item;

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            requests.add(request);
            if (conditionFails) {
                throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
            }
            return PutItemResponse.builder().build();
        }

        @Override
        public DeleteItemResponse deleteItem(DeleteItemRequest request) {
            requests.add(request);
            if (conditionFails) {
                throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
            }
            return DeleteItemResponse.builder().build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            requests.add(request);
            return GetItemResponse.builder().item(item).build();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            requests.add(request);
            return queryResponses.removeFirst();
        }
    }

    private final RecordingDynamo dynamo = new RecordingDynamo();
    private final DynamoArticleTable table = new DynamoArticleTable(dynamo, "articles");
    private final ArticleRecord record = ArticleItemsTest.record("tram-lines-1f3a9c0b", 2, Instant.parse("2025-09-05T00:00:00Z"));

    @Test
    void insert_writesOnlyIfNoRecordHasTheId() {
        assertThat(table.insert(record)).isTrue();

        PutItemRequest put = (PutItemRequest) dynamo.requests.getFirst();
        assertThat(put.tableName()).isEqualTo("articles");
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#id)");
        assertThat(put.item()).isEqualTo(ArticleItems.toItem(record));
    }

    @Test
    void insert_answersFalse_whenTheRecordExists() {
        dynamo.conditionFails = true;

        assertThat(table.insert(record)).isFalse();
    }

    @Test
    void replace_writesOnlyIfTheStoredVersionIsTheExpectedOne() {
        dynamo.conditionFails = true;

        assertThat(table.replace(record, 1)).isFalse();

        PutItemRequest put = (PutItemRequest) dynamo.requests.getFirst();
        assertThat(put.conditionExpression()).isEqualTo("#v = :expected");
        assertThat(put.expressionAttributeValues().get(":expected")).isEqualTo(AttributeValue.fromN("1"));
    }

    @Test
    void delete_withAVersion_isConditionalOnIt_andWithoutOne_onExistence() {
        table.delete("tram-lines-1f3a9c0b", 4L);
        table.delete("tram-lines-1f3a9c0b", null);

        DeleteItemRequest versioned = (DeleteItemRequest) dynamo.requests.get(0);
        DeleteItemRequest any = (DeleteItemRequest) dynamo.requests.get(1);
        assertThat(versioned.conditionExpression()).isEqualTo("#v = :expected");
        assertThat(versioned.expressionAttributeValues().get(":expected")).isEqualTo(AttributeValue.fromN("4"));
        assertThat(any.conditionExpression()).isEqualTo("attribute_exists(#id)");
    }

    @Test
    void find_readsConsistently_andMapsTheItem() {
        dynamo.item = ArticleItems.toItem(record);

        assertThat(table.find("tram-lines-1f3a9c0b")).contains(record);
        assertThat(((GetItemRequest) dynamo.requests.getFirst()).consistentRead()).isTrue();
    }

    @Test
    void find_isEmpty_whenThereIsNoItem() {
        assertThat(table.find("missing-00000000")).isEmpty();
    }

    @Test
    void list_queriesTheIndexNewestFirst_andItsCursorLeadsToTheNextPage() {
        Map<String, AttributeValue> last = Map.of(
                ArticleItems.ID, AttributeValue.fromS(record.id()),
                ArticleItems.SORT_KEY, AttributeValue.fromS("2025-09-05T00:00:00Z#" + record.id()),
                ArticleItems.FEED, AttributeValue.fromS(ArticleItems.FEED_ALL));
        dynamo.queryResponses.add(QueryResponse.builder().items(List.of(ArticleItems.toItem(record))).lastEvaluatedKey(last).build());
        dynamo.queryResponses.add(QueryResponse.builder().items(List.of()).build());

        ArticleTable.ArticlePage first = table.list(new ArticleTable.ArticleQuery(1, null, "Transit", "somewhat positive"));
        table.list(new ArticleTable.ArticleQuery(1, first.nextCursor(), null, null));

        QueryRequest q1 = (QueryRequest) dynamo.requests.get(0);
        assertThat(q1.indexName()).isEqualTo(ArticleItems.BY_DATE_INDEX);
        assertThat(q1.scanIndexForward()).isFalse();
        assertThat(q1.filterExpression()).isEqualTo("contains(#tags, :tag) AND #label = :label");
        assertThat(first.items()).containsExactly(record);
        assertThat(((QueryRequest) dynamo.requests.get(1)).exclusiveStartKey()).isEqualTo(last);
    }

    @Test
    void list_refusesACursorItDidNotGiveOut() {
        assertThatThrownBy(() -> table.list(new ArticleTable.ArticleQuery(5, "bm90LWEtY3Vyc29y", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.list(new ArticleTable.ArticleQuery(5, "%%%", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dynamo.requests).isEmpty();
    }
}
