package io.broadsheet.local;

import io.broadsheet.local.embedded.EmbeddedCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The end-to-end scenario on the embedded backend: s3proxy, dynalite, functions in-process, no Docker. */
class EmbeddedPipelineIT extends PipelineScenario {

    private static EmbeddedCloud cloud;
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        cloud = EmbeddedCloud.start(CloudOptions.embedded());
        s3 = cloud.s3Client();
        dynamoDb = cloud.dynamoDbClient();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
            dynamoDb.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Override
    protected LocalCloud cloud() {
        return cloud;
    }

    @Override
    protected S3Client s3() {
        return s3;
    }

    @Override
    protected DynamoDbClient dynamoDb() {
        return dynamoDb;
    }
}
