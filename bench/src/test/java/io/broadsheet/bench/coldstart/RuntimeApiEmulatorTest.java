package io.broadsheet.bench.coldstart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeApiEmulatorTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private RuntimeApiEmulator api;

    @BeforeEach
    void start() throws Exception {
        api = RuntimeApiEmulator.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void next_deliversQueuedEventWithLambdaHeaders_andResponseCompletesIt() throws Exception {
        var answer = api.enqueue("{\"hello\":\"world\"}");

        HttpResponse<String> next = get("/2018-06-01/runtime/invocation/next");
        String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        HttpResponse<String> posted = post("/2018-06-01/runtime/invocation/" + requestId + "/response", "\"done\"");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                .isGreaterThan(System.currentTimeMillis());
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn")).get().asString().startsWith("arn:aws:lambda:");
        assertThat(posted.statusCode()).isEqualTo(202);
        var invocation = answer.get(5, TimeUnit.SECONDS);
        assertThat(invocation.requestId()).isEqualTo(requestId);
        assertThat(invocation.error()).isFalse();
        assertThat(invocation.body()).isEqualTo("\"done\"");
        assertThat(invocation.answeredAt()).isGreaterThanOrEqualTo(invocation.deliveredAt());
        assertThat(api.awaitFirstPoll(Duration.ofSeconds(1))).isLessThanOrEqualTo(invocation.deliveredAt());
    }

    @Test
    void fakeClientLoop_answersEveryEventInOrder() throws Exception {
        var first = api.enqueue("1");
        var second = api.enqueue("2");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> next = get("/2018-06-01/runtime/invocation/next");
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            post("/2018-06-01/runtime/invocation/" + id + "/response", "{\"echo\":" + next.body() + "}");
        }

        assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("{\"echo\":1}");
        assertThat(second.get(5, TimeUnit.SECONDS).body()).isEqualTo("{\"echo\":2}");
    }

    @Test
    void error_marksTheInvocationFailed() throws Exception {
        var answer = api.enqueue("{}");

        String id = get("/2018-06-01/runtime/invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        post("/2018-06-01/runtime/invocation/" + id + "/error", "{\"errorMessage\":\"boom\"}");

        var invocation = answer.get(5, TimeUnit.SECONDS);
        assertThat(invocation.error()).isTrue();
        assertThat(invocation.body()).contains("boom");
    }

    @Test
    void initError_failsTheWaitForTheFirstPoll() throws Exception {
        post("/2018-06-01/runtime/init/error", "{\"errorMessage\":\"no handler\"}");

        assertThatThrownBy(() -> api.awaitFirstPoll(Duration.ofSeconds(5)))
                .isInstanceOf(RuntimeApiEmulator.InitFailedException.class)
                .hasMessageContaining("no handler");
    }

    @Test
    void response_isRejected_forAnUnknownRequestId() throws Exception {
        assertThat(post("/2018-06-01/runtime/invocation/nope/response", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void restoreNext_answersAndIsRecorded() throws Exception {
        assertThat(api.restorePolledAt()).isZero();

        assertThat(get("/2018-06-01/runtime/restore/next").statusCode()).isEqualTo(200);

        assertThat(api.restorePolledAt()).isPositive();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://" + api.address() + path);
    }
}
