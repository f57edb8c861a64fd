package io.broadsheet.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.local.container.ContainerCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api routes through the REST API that a container backend creates in its emulated API Gateway
 * (proxy resource, Lambda proxy integration to the deployed api Lambda), with real HTTP: the path a
 * client takes in AWS. Subclasses start the cloud.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RestApiScenario {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private ContainerCloud cloud;

    /** The container backend the scenario runs on; started once per class, closed after it. */
    protected abstract Backend backend();

    @BeforeAll
    void startBackend() {
        cloud = ContainerCloud.start(CloudOptions.embedded().withBackend(backend()));
    }

    @AfterAll
    void stopBackend() {
        if (cloud != null) {
            cloud.close();
        }
    }

    protected ContainerCloud cloud() {
        return cloud;
    }

    @Test
    void health_answersThroughTheRestApi() throws Exception {
        HttpResponse<String> health = send(request("health").GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void submittedArticle_isPublishedListedAndUnpublished_throughTheRestApi() throws Exception {
        // GIVEN a JSON submission with the api Lambda's bearer token
        String submission = """
                {"title":"Harbour lights return","author":"R. Gateway","publishedAt":"2025-09-05T08:00:00Z",
                 "tags":["harbour"],"body":"The harbour festival brought wonderful crowds back to the quay.\\n\\nTraders said it was the best week of the year."}
                """;
        HttpResponse<String> accepted = send(request("articles").header("Authorization", "Bearer " + cloud().apiToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(submission)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).isPresent();
        String id = json.readTree(accepted.body()).path("id").asText();
        assertThat(id).isNotBlank();

        // WHEN the pipeline (S3 notification -> parse -> analyze -> stream -> publish Lambdas) has run
        JsonNode record = awaitPublished(id);

        // THEN the record is complete, listed, and DELETE unpublishes it
        assertThat(record.path("title").asText()).isEqualTo("Harbour lights return");
        assertThat(record.path("pageUrl").asText()).isNotBlank();
        HttpResponse<String> list = send(request("articles").GET());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).path("items").findValuesAsText("id")).contains(id);

        HttpResponse<String> deleted = send(request("articles/" + id)
                .header("Authorization", "Bearer " + cloud().apiToken()).DELETE());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        HttpResponse<String> gone = send(request("articles/" + id).GET());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertProblem(gone);
    }

    @Test
    void errors_comeBackAsProblemJson_throughTheRestApi() throws Exception {
        HttpResponse<String> unknown = send(request("articles/no-such-article").GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown);

        HttpResponse<String> anonymous = send(request("articles").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"body\":\"b\"}")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous);

        HttpResponse<String> invalid = send(request("articles").header("Authorization", "Bearer " + cloud().apiToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"author\":\"no title\"}")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertProblem(invalid);
    }

    private JsonNode awaitPublished(String id) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PUBLISH_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send(request("articles/" + id).GET());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode record = json.readTree(response.body());
                if ("published".equals(record.path("status").asText())) {
                    return record;
                }
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("article " + id + " not published within " + PUBLISH_TIMEOUT + "; last answer: " + last);
    }

    private void assertProblem(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
    }

    private HttpRequest.Builder request(String path) {
        URI base = cloud().restApiEndpoint();
        assertThat(base).as("the container cloud created no REST API").isNotNull();
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
