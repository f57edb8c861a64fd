package io.broadsheet.bench.coldstart.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Map;

/**
 * The floor of a function that talks to AWS: builds an S3 and a DynamoDB client the way the functions
 * do (UrlConnection HTTP client, explicit region and static credentials) and writes one object and
 * one item. No framework, no analysis: what is above this in a function is the project's own cost.
 *
 * <p>A Lambda entry point, so it reads its settings from the environment like the runtime gives them.
 */
public class SdkClientsHandler implements RequestHandler<Map<String, Object>, String> {

    private final S3Client s3;
    private final DynamoDbClient dynamo;
    private final String bucket;
    private final String table;

    public SdkClientsHandler() {
        Map<String, String> env = System.getenv();
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")));
        Region region = Region.of(env.get("AWS_REGION"));
        s3 = S3Client.builder().httpClient(http).credentialsProvider(credentials).region(region)
                .endpointOverride(URI.create(env.get("AWS_SERVICES_S3_ENDPOINT_OVERRIDE")))
                .forcePathStyle(true).build();
        dynamo = DynamoDbClient.builder().httpClient(http).credentialsProvider(credentials).region(region)
                .endpointOverride(URI.create(env.get("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE"))).build();
        bucket = env.get("BROADSHEET_ARTICLES_BUCKET");
        table = env.get("BROADSHEET_TABLE_NAME");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        String id = "baseline-" + context.getAwsRequestId();
        s3.putObject(b -> b.bucket(bucket).key("baseline/" + id + ".txt"), RequestBody.fromString("baseline"));
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "id", AttributeValue.fromS(id),
                "feed", AttributeValue.fromS("baseline"),
                "sortKey", AttributeValue.fromS(id))));
        return id;
    }
}
