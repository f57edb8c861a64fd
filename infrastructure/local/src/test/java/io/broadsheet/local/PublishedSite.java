package io.broadsheet.local;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What the fault-injection tests check after recovery, read through the public APIs: an article is
 * published exactly once when it has one record at the expected version, one page showing that
 * version, and one entry in the index.
 */
final class PublishedSite implements AutoCloseable {

    private final LocalCloud cloud;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;

    PublishedSite(LocalCloud cloud) {
        this.cloud = cloud;
        this.s3 = CloudClients.s3(cloud);
        this.dynamoDb = CloudClients.dynamoDb(cloud);
    }

    /** Uploads a Markdown article under {@code incoming/}; its article id. */
    String upload(String key, String title, String body) {
        s3.putObject(b -> b.bucket(cloud.articlesBucket()).key(key).contentType("text/markdown"),
                RequestBody.fromString("# " + title + "\n\n" + body + "\n", StandardCharsets.UTF_8));
        return ArticleIds.fromSourceKey(key);
    }

    /** The version of the article's record, 0 when it has none. */
    long version(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(cloud.tableName())
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("version").n());
    }

    Optional<String> articlesObject(String key) {
        return object(cloud.articlesBucket(), key);
    }

    Optional<String> page(String id) {
        return object(cloud.siteBucket(), ArticleKeys.pageKey(id));
    }

    void assertPublishedOnce(String id, String title, long version) {
        assertThat(version(id)).as("version of %s's record", id).isEqualTo(version);
        Document page = Jsoup.parse(page(id).orElseThrow(() -> new AssertionError("no page for " + id)));
        assertThat(page.selectFirst("h1").text()).as("title on %s's page", id).isEqualTo(title);
        assertThat(object(cloud.siteBucket(), ArticleKeys.recordKey(id)).orElseThrow())
                .as("%s's published record", id).contains("\"version\":" + version);
        Document index = Jsoup.parse(object(cloud.siteBucket(), "index.html").orElseThrow());
        String pageKey = ArticleKeys.pageKey(id);
        assertThat(index.select("li.card h2 a").eachAttr("href")).as("index entries of %s", id)
                .filteredOn(href -> href.equals(pageKey) || href.endsWith("/" + pageKey)).hasSize(1);
    }

    /** Waits for a condition of the asynchronous pipeline, failing after {@code timeout}. */
    static void awaitUntil(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private Optional<String> object(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
    }
}
