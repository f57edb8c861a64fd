package io.broadsheet.local.embedded.dynamodb;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.broadsheet.local.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stream records for dynalite writes, through the real DynamoDB API, as Lambda would receive them. */
class DynamoStreamProxyIT {

    private static final String TABLE = "things";
    private static DynaliteProcess dynalite;
    private static DynamoStreamProxy proxy;
    private static DynamoDbClient client;
    private static final List<ObjectNode> records = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        dynalite = DynaliteProcess.start(Path.of(""), null);
        proxy = new DynamoStreamProxy(dynalite.endpoint(), "us-east-1", "000000000000",
                Map.of(TABLE, "NEW_AND_OLD_IMAGES"), (table, record) -> records.add(record));
        client = DynamoDbClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")));
    }

    @AfterAll
    static void stop() {
        client.close();
        proxy.close();
        dynalite.close();
    }

    @BeforeEach
    void clear() {
        records.clear();
    }

    @Test
    void writes_produceInsertModifyRemove_withBothImages() {
        put("a", "1");
        put("a", "2");
        client.deleteItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("a"))));

        List<DynamodbEvent.DynamodbStreamRecord> decoded = decode();
        assertThat(decoded).extracting(DynamodbEvent.DynamodbStreamRecord::getEventName)
                .containsExactly("INSERT", "MODIFY", "REMOVE");
        var modify = decoded.get(1).getDynamodb();
        assertThat(modify.getOldImage().get("v").getS()).isEqualTo("1");
        assertThat(modify.getNewImage().get("v").getS()).isEqualTo("2");
        assertThat(modify.getKeys().get("id").getS()).isEqualTo("a");
        assertThat(modify.getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(decoded.get(2).getDynamodb().getOldImage().get("v").getS()).isEqualTo("2");
        assertThat(decoded.get(2).getDynamodb().getNewImage()).isNull();
        assertThat(decoded).extracting(r -> r.getDynamodb().getSequenceNumber()).isSorted();
        assertThat(decoded.getFirst().getEventSourceARN()).startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/things/stream/");
    }

    @Test
    void writesThatChangeNothing_orFailTheirCondition_produceNoRecord() {
        put("b", "1");
        records.clear();

        put("b", "1");
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE).item(item("b", "9")).conditionExpression("attribute_not_exists(id)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        client.deleteItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("nothing-here"))));

        assertThat(records).isEmpty();
    }

    @Test
    void batchWrite_producesOneRecordPerItem() {
        client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item("c", "1"))).build(),
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item("d", "1"))).build()))));

        assertThat(decode()).extracting(r -> r.getDynamodb().getKeys().get("id").getS()).containsExactlyInAnyOrder("c", "d");
    }

    private static void put(String id, String value) {
        client.putItem(b -> b.tableName(TABLE).item(item(id, value)));
    }

    private static Map<String, AttributeValue> item(String id, String value) {
        return Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(value));
    }

    private static List<DynamodbEvent.DynamodbStreamRecord> decode() {
        ObjectNode event = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        records.forEach(event.putArray("Records")::add);
        if (!event.has("Records")) {
            return List.of();
        }
        return LambdaEventSerializers.serializerFor(DynamodbEvent.class, DynamoStreamProxyIT.class.getClassLoader())
                .fromJson(event.toString()).getRecords();
    }
}
