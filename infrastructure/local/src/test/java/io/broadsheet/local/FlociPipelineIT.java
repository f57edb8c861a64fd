package io.broadsheet.local;

import io.broadsheet.local.container.ContainerCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The end-to-end scenario on Floci (skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class FlociPipelineIT extends PipelineScenario {

    private static ContainerCloud cloud;
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        cloud = ContainerCloud.start(CloudOptions.embedded().withBackend(Backend.FLOCI));
        s3 = CloudClients.s3(cloud);
        dynamoDb = CloudClients.dynamoDb(cloud);
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
