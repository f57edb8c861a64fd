package io.broadsheet.aws.snapstart;

import io.broadsheet.aws.DynamoArticleTable;
import io.broadsheet.aws.S3ObjectStore;
import io.broadsheet.core.pipeline.ArticleTable;
import io.broadsheet.core.pipeline.ObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in must answer every call of the adapters with a success the SDK accepts, or priming stops short. */
class LoopbackCloudTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));

    private LoopbackCloud cloud;

    @BeforeEach
    void start() throws IOException {
        cloud = LoopbackCloud.start();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void everyObjectStoreCall_succeeds() {
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(CREDENTIALS)
                .region(Region.EU_WEST_1).endpointOverride(cloud.endpoint()).forcePathStyle(true).build()) {
            ObjectStore store = new S3ObjectStore(s3, "priming");
            byte[] content = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

            store.put("k.json", content, "application/json", "max-age=60");
            assertThat(store.putIfMatch("k.json", content, "application/json", null)).isTrue();
            assertThat(store.putIfMatch("k.json", content, "application/json", "\"e\"")).isTrue();
            assertThat(store.head("k.json")).hasValueSatisfying(info -> assertThat(info.etag()).isNotBlank());
            assertThat(store.get("k.json", 1024)).hasValueSatisfying(object -> assertThat(object.content()).isNotEmpty());
            assertThat(store.list("any/")).isEmpty();
            store.delete("k.json");
        }
    }

    @Test
    void everyArticleTableCall_succeeds_onAnEmptyTable() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).credentialsProvider(CREDENTIALS)
                .region(Region.EU_WEST_1).endpointOverride(cloud.endpoint()).build()) {
            ArticleTable table = new DynamoArticleTable(dynamo, "priming");

            assertThat(table.find("absent")).isEmpty();
            assertThat(table.list(ArticleTable.ArticleQuery.all(10)).items()).isEmpty();
            assertThat(table.delete("absent", 1L)).isTrue();
        }
    }
}
