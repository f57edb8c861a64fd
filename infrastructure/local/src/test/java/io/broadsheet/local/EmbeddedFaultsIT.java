package io.broadsheet.local;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.local.embedded.EmbeddedCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults of the embedded cloud: after recovery each article is still published exactly once. */
class EmbeddedFaultsIT {

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

    @Test
    void upload_isPublishedOnce_whenS3ThrottlesTheFunctionsReads() throws Exception {
        // GIVEN S3 answers the next reads with 503 SlowDown, more than one invocation's SDK retries absorb
        Path sample = SampleArticles.all().getFirst();
        String key = "incoming/faults-" + sample.getFileName();
        cloud.s3Faults().failNext(0, 4);

        // WHEN the article is uploaded
        s3.putObject(b -> b.bucket(cloud.articlesBucket()).key(key), RequestBody.fromFile(sample));

        // THEN the pipeline drains, the faults were hit, and one record of version 1 and one page exist
        assertThat(cloud.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(cloud.s3Faults().injectedFaults()).isEqualTo(4);
        String id = ArticleIds.fromSourceKey(key);
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(cloud.tableName())
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
        assertThat(item).isNotEmpty();
        assertThat(item.get("version").n()).isEqualTo("1");
        assertThat(s3.headObject(b -> b.bucket(cloud.siteBucket()).key(id + ".html")).contentLength()).isPositive();
    }
}
