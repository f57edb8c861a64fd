package io.broadsheet.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void s3ObjectCreated_encodesTheKeyAsS3Does_andStripsEtagQuotes() throws Exception {
        JsonNode record = json.readTree(LambdaEvents.s3ObjectCreated("articles", "incoming/news/Tram lines ü.md", 42,
                "\"abc\"", "0062E8")).path("Records").get(0);

        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.at("/s3/bucket/name").asText()).isEqualTo("articles");
        assertThat(record.at("/s3/object/key").asText()).isEqualTo("incoming/news/Tram+lines+%C3%BC.md");
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(42);
        assertThat(record.at("/s3/object/eTag").asText()).isEqualTo("abc");
        assertThat(record.at("/s3/object/sequencer").asText()).isEqualTo("0062E8");
    }

    @Test
    void dynamoInsert_writesTheItemInStreamJson() throws Exception {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("a-1"));
        item.put("version", AttributeValue.fromN("3"));
        item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("Budget"))));
        item.put("meta", AttributeValue.fromM(Map.of("ok", AttributeValue.fromBool(true))));

        JsonNode record = json.readTree(LambdaEvents.dynamoInsert("articles", item, "id", "7")).path("Records").get(0);

        assertThat(record.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.at("/dynamodb/Keys/id/S").asText()).isEqualTo("a-1");
        assertThat(record.at("/dynamodb/NewImage/version/N").asText()).isEqualTo("3");
        assertThat(record.at("/dynamodb/NewImage/tags/L/0/S").asText()).isEqualTo("Budget");
        assertThat(record.at("/dynamodb/NewImage/meta/M/ok/BOOL").asBoolean()).isTrue();
        assertThat(record.at("/dynamodb/SequenceNumber").asText()).isEqualTo("7");
    }

    @Test
    void apiGatewayGet_isAProxyRequestForThePath() throws Exception {
        JsonNode event = json.readTree(LambdaEvents.apiGatewayGet("/articles/a-1"));

        assertThat(event.path("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.path("path").asText()).isEqualTo("/articles/a-1");
        assertThat(event.at("/pathParameters/proxy").asText()).isEqualTo("articles/a-1");
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("Prod");
    }

    @Test
    void statusCode_readsTheProxyResponse_orMinusOne() {
        assertThat(LambdaEvents.statusCode("{\"statusCode\":404,\"body\":\"\"}")).isEqualTo(404);
        assertThat(LambdaEvents.statusCode("not json")).isEqualTo(-1);
    }
}
