package io.broadsheet.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** The event documents AWS sends to each function, in AWS's own JSON shape. */
public final class LambdaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";

    private LambdaEvents() {
    }

    /** An {@code s3:ObjectCreated:Put} notification for one object (keys URL-encoded as S3 does). */
    public static String s3ObjectCreated(String bucket, String key, long size, String etag, String sequencer) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", REGION)
                .put("eventTime", Instant.now().toString())
                .put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity").put("principalId", "AWS:BENCH");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", "BENCH").put("x-amz-id-2", "BENCH");
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", "bench");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket)
                .putObject("ownerIdentity").put("principalId", "BENCH");
        s3.putObject("object")
                .put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                .put("size", size)
                .put("eTag", etag == null ? "" : etag.replace("\"", ""))
                .put("sequencer", sequencer);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    /** A DynamoDB stream record ({@code NEW_AND_OLD_IMAGES}) for an item that was just inserted. */
    public static String dynamoInsert(String table, Map<String, AttributeValue> item, String keyName, String sequenceNumber) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventID", sequenceNumber)
                .put("eventName", "INSERT")
                .put("eventVersion", "1.1")
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", REGION)
                .put("eventSourceARN", "arn:aws:dynamodb:" + REGION + ":000000000000:table/" + table
                        + "/stream/2026-01-01T00:00:00.000");
        ObjectNode dynamodb = record.putObject("dynamodb")
                .put("ApproximateCreationDateTime", Instant.now().getEpochSecond())
                .put("SequenceNumber", sequenceNumber)
                .put("SizeBytes", 1024)
                .put("StreamViewType", "NEW_AND_OLD_IMAGES");
        dynamodb.putObject("Keys").set(keyName, attribute(item.get(keyName)));
        ObjectNode image = dynamodb.putObject("NewImage");
        item.forEach((name, value) -> image.set(name, attribute(value)));
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    /** An API Gateway REST API (payload 1.0) proxy request without a body. */
    public static String apiGatewayGet(String path) {
        ObjectNode event = JSON.createObjectNode()
                .put("resource", "/{proxy+}")
                .put("path", path)
                .put("httpMethod", "GET")
                .put("isBase64Encoded", false);
        event.putObject("headers").put("Accept", "application/json").put("Host", "bench.execute-api.local");
        ObjectNode multi = event.putObject("multiValueHeaders");
        multi.putArray("Accept").add("application/json");
        multi.putArray("Host").add("bench.execute-api.local");
        event.putNull("queryStringParameters");
        event.putNull("multiValueQueryStringParameters");
        event.putObject("pathParameters").put("proxy", path.substring(1));
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext")
                .put("accountId", "000000000000")
                .put("resourceId", "bench")
                .put("stage", "Prod")
                .put("requestId", "bench-request")
                .put("resourcePath", "/{proxy+}")
                .put("httpMethod", "GET")
                .put("path", "/Prod" + path)
                .put("protocol", "HTTP/1.1")
                .put("apiId", "bench")
                .put("requestTimeEpoch", System.currentTimeMillis());
        context.putObject("identity").put("sourceIp", "127.0.0.1").put("userAgent", "broadsheet-bench");
        event.putNull("body");
        return event.toString();
    }

    /** The {@code statusCode} of an API Gateway proxy response, or -1 when the document has none. */
    public static int statusCode(String response) {
        try {
            return JSON.readTree(response).path("statusCode").asInt(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static ObjectNode attribute(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case B -> node.put("B", base64(value.b()));
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode array = node.putArray("BS");
                value.bs().forEach(b -> array.add(base64(b)));
            }
            case L -> {
                ArrayNode array = node.putArray("L");
                value.l().forEach(v -> array.add(attribute(v)));
            }
            case M -> {
                ObjectNode map = node.putObject("M");
                value.m().forEach((k, v) -> map.set(k, attribute(v)));
            }
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
