package io.broadsheet.local;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.local.embedded.EmbeddedCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --data DIR}: objects, records and pages survive a restart of the embedded cloud. */
class DataDirIT {

    @TempDir
    Path data;

    @Test
    void state_survivesRestart_withDataDir() throws Exception {
        Path sample = SampleArticles.all().getFirst();
        String key = "incoming/" + sample.getFileName();
        String id = ArticleIds.fromSourceKey(key);
        CloudOptions options = CloudOptions.embedded().withDataDir(data);
        try (EmbeddedCloud cloud = EmbeddedCloud.start(options); S3Client s3 = CloudClients.s3(cloud)) {
            s3.putObject(b -> b.bucket(cloud.articlesBucket()).key(key), RequestBody.fromFile(sample));
            assertThat(cloud.awaitIdle(Duration.ofMinutes(2))).isTrue();
        }

        try (EmbeddedCloud cloud = EmbeddedCloud.start(options); S3Client s3 = CloudClients.s3(cloud);
             DynamoDbClient dynamo = CloudClients.dynamoDb(cloud)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(cloud.siteBucket()).key(id + ".html")).asUtf8String()).contains("<h1>");
            assertThat(dynamo.getItem(b -> b.tableName(cloud.tableName()).key(Map.of("id", AttributeValue.fromS(id)))).item())
                    .containsKey("version");
        }
    }
}
