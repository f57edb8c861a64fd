package io.broadsheet.local;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.SourceFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The end-to-end scenario every backend must pass, driven only through the public AWS APIs (S3,
 * DynamoDB) and HTTP, exactly as a user or a client would. One subclass per backend supplies the cloud.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineScenario {

    private static final Duration SETTLE = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalCloud cloud;
    private S3Client s3;
    private DynamoDbClient dynamoDb;

    /** Starts the backend the scenario runs on; called once per class, closed after it. */
    protected abstract LocalCloud startCloud();

    @BeforeAll
    void startBackend() {
        cloud = startCloud();
        s3 = CloudClients.s3(cloud);
        dynamoDb = CloudClients.dynamoDb(cloud);
    }

    @AfterAll
    void stopBackend() {
        if (s3 != null) {
            s3.close();
            dynamoDb.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    protected LocalCloud cloud() {
        return cloud;
    }

    protected S3Client s3() {
        return s3;
    }

    protected DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Test
    void upload_publishesEveryFormat_withPageAnatomyAndRecord() throws Exception {
        // GIVEN the sample articles, one or more per accepted format
        List<Path> samples = SampleArticles.all();
        assertThat(samples).extracting(p -> SourceFormat.fromFileName(p.getFileName().toString()).orElseThrow())
                .contains(SourceFormat.TEXT, SourceFormat.MARKDOWN, SourceFormat.HTML, SourceFormat.JSON);

        // WHEN each is uploaded under incoming/
        List<String> ids = new ArrayList<>();
        for (Path sample : samples) {
            ids.add(upload("incoming/samples/" + sample.getFileName(), sample));
        }

        // THEN every page is published with every section of the page anatomy, and its record
        for (String id : ids) {
            String html = eventually(() -> siteObject(id + ".html"), "page " + id);
            Document page = Jsoup.parse(html);
            assertThat(page.select("h1").text()).as("title of %s", id).isNotBlank();
            assertThat(page.text()).as("sections of %s", id).contains("Highlights", "Sentiment", "Key insights");
            assertThat(page.select("table").text()).as("insights table of %s", id).contains("Aspect");
            assertThat(page.select("p").size()).as("article text of %s", id).isGreaterThanOrEqualTo(3);
            assertThat(eventually(() -> siteObject("articles/" + id + ".json"), "record " + id)).contains(id);
        }
        assertThat(siteObject("index.html")).isPresent();
        assertThat(cloud().failures()).isEmpty();
    }

    @Test
    void upload_withSpacesAndAccentsInKey_isPublished() throws Exception {
        // S3 notifications carry the key form-encoded ("+" for a space): the functions must decode it
        Path sample = SampleArticles.all().getFirst();
        String key = "incoming/news desk/Café report " + sample.getFileName();

        String id = upload(key, sample);

        assertThat(eventually(() -> siteObject(id + ".html"), "page " + id)).contains("<h1");
    }

    @Test
    void api_answersOverHttp() throws Exception {
        HttpResponse<String> health = get("health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void api_servesEveryPublishedRecord() throws Exception {
        assumeTrue(get("articles").statusCode() != 404, "the api function has no /articles routes yet");
        Path sample = SampleArticles.all().getFirst();
        String id = upload("incoming/api/" + sample.getFileName(), sample);
        eventually(() -> siteObject(id + ".html"), "page " + id);

        HttpResponse<String> record = get("articles/" + id);

        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains(id);
    }

    @Test
    void reupload_ofSameBytes_createsNoNewVersion() throws Exception {
        Path sample = SampleArticles.all().getLast();
        String key = "incoming/again/" + sample.getFileName();
        String id = upload(key, sample);
        eventually(() -> siteObject(id + ".html"), "page " + id);
        String version = item(id).orElseThrow().get("version").n();

        upload(key, sample);
        settle();

        assertThat(item(id).orElseThrow().get("version").n()).isEqualTo(version);
        assertThat(cloud().failures()).isEmpty();
    }

    @Test
    void deletingRecord_unpublishesItsPage() throws Exception {
        Path sample = SampleArticles.all().getFirst();
        String id = upload("incoming/delete/" + sample.getFileName(), sample);
        eventually(() -> siteObject(id + ".html"), "page " + id);

        dynamoDb().deleteItem(b -> b.tableName(cloud().tableName()).key(Map.of("id", AttributeValue.fromS(id))));
        settle();

        eventually(() -> siteObject(id + ".html").isPresent() ? Optional.empty() : Optional.of("gone"), "unpublished " + id);
        assertThat(siteObject("articles/" + id + ".json")).isEmpty();
    }

    @Test
    void badFile_endsRejected_andOriginalIsKept() throws Exception {
        Path bad = SampleArticles.rejected("no-body.txt");
        String key = "incoming/bad/no-body.txt";
        upload(key, bad);

        String error = eventually(() -> object(cloud().articlesBucket(), "rejected/bad/no-body.txt.error.json"), "error record");

        assertThat(error).contains("NO_BODY");
        assertThat(object(cloud().articlesBucket(), key)).contains(Files.readString(bad));
        assertThat(siteObject(ArticleIds.fromSourceKey(key) + ".html")).isEmpty();
    }

    protected String upload(String key, Path file) throws IOException {
        String type = SourceFormat.fromFileName(file.getFileName().toString()).map(SourceFormat::mediaType).orElse("text/plain");
        s3().putObject(b -> b.bucket(cloud().articlesBucket()).key(key).contentType(type), RequestBody.fromFile(file));
        return ArticleIds.fromSourceKey(key);
    }

    protected Optional<String> siteObject(String key) {
        return object(cloud().siteBucket(), key);
    }

    protected Optional<String> object(String bucket, String key) {
        try {
            return Optional.of(s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    protected Optional<Map<String, AttributeValue>> item(String id) {
        var item = dynamoDb().getItem(b -> b.tableName(cloud().tableName()).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = cloud().apiEndpoint().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected void settle() throws InterruptedException {
        assertThat(cloud().awaitIdle(SETTLE)).as("the cloud settled within %s", SETTLE).isTrue();
    }

    /** Waits for the pipeline, then for the value (events are asynchronous on every backend). */
    protected <T> T eventually(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        settle();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            assertThat(cloud().failures()).as("failed invocations while waiting for %s", what).isEmpty();
            assertThat(System.nanoTime()).as("%s within %s (failures: %s)", what, SETTLE, cloud().failures()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
