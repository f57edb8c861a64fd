package io.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.local.embedded.EmbeddedCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the API and every error status through real HTTP: the embedded cloud's API Gateway
 * emulation turns each request into a proxy event (payload 1.0) for the api function, as `up` does.
 * Submitting and then polling ends with the published record, through the whole pipeline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiOverHttpIT {

    private static final String TOKEN = "http-it-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static EmbeddedCloud cloud;
    private static String id;

    @BeforeAll
    static void start() {
        // The in-process functions read system properties like Lambda functions read their environment.
        System.setProperty("broadsheet.api-token", TOKEN);
        cloud = EmbeddedCloud.start(CloudOptions.embedded());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("broadsheet.api-token");
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void health_answersUp() throws Exception {
        HttpResponse<String> response = send(get("health"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void postThenPoll_endsWithThePublishedRecord() throws Exception {
        // WHEN a JSON submission is posted with the token
        HttpResponse<String> accepted = send(authorized(request("articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Harbour ferry returns after storm repairs", "author": "Ana Ruiz",
                         "publishedAt": "2026-11-24T08:00:00Z", "tags": ["Transport", "Harbour"],
                         "body": "The harbour ferry resumed service on Monday after three weeks of storm repairs.\\n\\nCommuters welcomed the return. The operator said the new hull plates should keep the boat running through the winter."}
                        """)).build());

        assertThat(accepted.statusCode()).isEqualTo(202);
        id = json(accepted).path("id").asText();
        assertThat(accepted.headers().firstValue("Location")).contains("articles/" + id);

        // THEN polling the record ends with it published, with an ETag
        HttpResponse<String> record = pollUntilPublished(id, Duration.ofSeconds(60));
        assertThat(record.headers().firstValue("ETag")).contains("\"v1-published\"");
        JsonNode body = json(record);
        assertThat(body.path("title").asText()).isEqualTo("Harbour ferry returns after storm repairs");
        assertThat(body.path("publishedAt").asText()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(body.path("analysis").path("sentiment").path("score").asInt()).isBetween(0, 100);
        assertThat(body.path("analysis").path("highlights").size()).isGreaterThan(0);
    }

    @Test
    @Order(3)
    void getRecord_answers304_forTheCurrentETag() throws Exception {
        HttpResponse<String> response = send(request("articles/" + id).header("If-None-Match", "\"v1-published\"").GET().build());

        assertThat(response.statusCode()).isEqualTo(304);
    }

    @Test
    @Order(4)
    void list_findsTheArticle_byTagAndByLabel_pageByPage() throws Exception {
        HttpResponse<String> markdown = send(authorized(request("articles"))
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(sample("lumen-x2-review.md")))).build());
        assertThat(markdown.statusCode()).isEqualTo(202);
        pollUntilPublished(json(markdown).path("id").asText(), Duration.ofSeconds(60));

        JsonNode firstPage = json(send(get("articles?limit=1")));
        assertThat(firstPage.path("items").size()).isEqualTo(1);
        String cursor = firstPage.path("nextCursor").asText();
        assertThat(cursor).isNotBlank();
        JsonNode secondPage = json(send(get("articles?limit=1&cursor=" + cursor)));
        assertThat(secondPage.path("items").get(0).path("id").asText())
                .isNotEqualTo(firstPage.path("items").get(0).path("id").asText());

        JsonNode byTag = json(send(get("articles?tag=Transport")));
        assertThat(byTag.path("items")).extracting(item -> item.path("id").asText()).containsExactly(id);
        String label = json(send(get("articles/" + id))).path("analysis").path("sentiment").path("label").asText();
        JsonNode byLabel = json(send(get("articles?sentiment=" + label.replace(" ", "%20"))));
        assertThat(byLabel.path("items")).extracting(item -> item.path("id").asText()).contains(id);
    }

    @Test
    @Order(5)
    void page_redirectsToThePublishedPage_andRepublishRendersItAgain() throws Exception {
        HttpResponse<String> page = send(get("articles/" + id + "/page"));
        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith(id + ".html");
        HttpResponse<String> html = send(HttpRequest.newBuilder(cloud.apiEndpoint().resolve(URI.create(location).getPath())).GET().build());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("Harbour ferry returns after storm repairs", "Highlights", "Sentiment");

        HttpResponse<String> republished = send(authorized(request("articles/" + id + "/republish"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(republished.statusCode()).isEqualTo(200);
        assertThat(json(republished).path("result").asText()).isEqualTo("published");
    }

    @Test
    @Order(6)
    void errors_areProblems_withTheirStatus() throws Exception {
        HttpRequest.Builder submit = request("articles").header("Content-Type", "application/json");
        assertProblem(send(submit.copy().POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build()), 401, "unauthorized");
        assertProblem(send(submit.copy().header("Authorization", "Bearer wrong")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build()), 403, null);
        HttpResponse<String> invalid = send(authorized(submit.copy())
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"\",\"body\":\"Text.\",\"tags\":\"news\"}")).build());
        assertProblem(invalid, 400, "invalid-input");
        assertThat(json(invalid).path("errors")).extracting(e -> e.path("field").asText()).contains("title", "tags");
        assertProblem(send(authorized(request("articles")).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.7")).build()), 415, "unsupported-media-type");
        byte[] tooLarge = "word ".repeat(1_100_000).getBytes(StandardCharsets.UTF_8);
        assertProblem(send(authorized(request("articles")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)).build()), 413, null);
        assertProblem(send(get("articles/no-such-article-00000000")), 404, "not-found");
        assertProblem(send(authorized(request("articles/" + id)).header("If-Match", "\"v7\"").DELETE().build()), 409, "version-conflict");
    }

    @Test
    @Order(7)
    void delete_unpublishes_andKeepsTheUpload() throws Exception {
        String sourceKey = json(send(get("articles/" + id))).path("sourceKey").asText();

        HttpResponse<String> deleted = send(authorized(request("articles/" + id)).DELETE().build());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(send(get("articles/" + id)).statusCode()).isEqualTo(404);
        assertThat(send(get("site/" + id + ".html")).statusCode()).isEqualTo(404);
        try (var s3 = cloud.s3Client()) {
            assertThat(s3.headObject(b -> b.bucket(cloud.articlesBucket()).key(sourceKey)).contentLength()).isPositive();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (type != null) {
            assertThat(problem.path("type").asText()).isEqualTo("urn:broadsheet:problem:" + type);
        }
    }

    private static HttpResponse<String> pollUntilPublished(String articleId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last;
        do {
            last = send(get("articles/" + articleId));
            if (last.statusCode() == 200 && json(last).path("status").asText().equals("published")) {
                return last;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not published within " + timeout + ": " + last.statusCode() + " " + last.body());
    }

    private static Path sample(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("events/articles").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("events/articles/" + name + " not found");
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(cloud.apiEndpoint().resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
