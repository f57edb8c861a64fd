package io.broadsheet.local;

import io.broadsheet.core.model.ArticleIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline end to end on a stack deployed to AWS, as aws-samples/serverless-test-samples tests a
 * deployed application. Opt-in: it runs only when {@code AWS_SAM_STACK_NAME} names a deployed stack
 * ({@code sam deploy}, docs/deploy.md); bucket names and the API URL come from the stack's outputs,
 * credentials and region from the SDK's default chain ({@code AWS_PROFILE}, {@code AWS_REGION}, …).
 *
 * <p>Everything it uploads goes under {@code incoming/e2e-<run>/} and is removed afterwards; the
 * articles it publishes are unpublished through the API with the stack's own API key.
 */
@EnabledIfEnvironmentVariable(named = "AWS_SAM_STACK_NAME", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployedStackIT {

    private static final Duration SETTLE = Duration.ofMinutes(3);
    /** SAM names the key of a {@code CreateUsagePlan: PER_API} usage plan after the API. */
    private static final String API_KEY_RESOURCE = "BroadsheetApiApiKey";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String run = "e2e-" + Instant.now().toEpochMilli();
    private final List<String> uploadedKeys = new ArrayList<>();
    private final List<String> publishedIds = new ArrayList<>();
    private Map<String, String> outputs;
    private String apiKey;
    private S3Client s3;

    @BeforeAll
    void readTheStack() {
        String stack = System.getenv("AWS_SAM_STACK_NAME");
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
             ApiGatewayClient apiGateway = ApiGatewayClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            outputs = cloudFormation.describeStacks(b -> b.stackName(stack)).stacks().getFirst().outputs().stream()
                    .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
            String keyId = cloudFormation.describeStackResource(b -> b.stackName(stack).logicalResourceId(API_KEY_RESOURCE))
                    .stackResourceDetail().physicalResourceId();
            apiKey = apiGateway.getApiKey(b -> b.apiKey(keyId).includeValue(true)).value();
        }
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    void removeWhatTheTestWrote() throws Exception {
        for (String id : publishedIds) {
            send(HttpRequest.newBuilder(api("articles/" + id)).header("x-api-key", apiKey).DELETE());
        }
        if (s3 != null) {
            uploadedKeys.forEach(key -> s3.deleteObject(b -> b.bucket(output("ArticlesBucketName")).key(key)));
            s3.close();
        }
    }

    @Test
    void anUploadedArticle_isPublished_andServedByTheApi() throws Exception {
        String title = "Deployed stack check " + run;
        String key = upload("story.md", "text/markdown", """
                ---
                title: %s
                author: Broadsheet CI
                tags: [Testing]
                ---
                The harbour council approved the new ferry timetable on Tuesday after a long debate.
                Residents welcomed the extra evening sailings, which start next month.
                """.formatted(title));
        String id = ArticleIds.fromSourceKey(key);
        publishedIds.add(id);

        String page = eventually(() -> siteObject(id + ".html"), "page " + id);
        HttpResponse<String> record = send(HttpRequest.newBuilder(api("articles/" + id)).GET());

        assertThat(page).contains(title);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains(title).contains("\"sentiment");
        assertThat(eventually(() -> siteObject("index.html").filter(index -> index.contains(id)), "index listing " + id))
                .contains(title);
    }

    @Test
    void aFileThatIsNotAnArticle_isRejected_andKeptWithItsReason() throws Exception {
        String key = upload("no-body.txt", "text/plain", "   \n");
        String errorKey = "rejected/" + key.substring("incoming/".length()) + ".error.json";
        uploadedKeys.add(errorKey);

        String error = eventually(() -> object(output("ArticlesBucketName"), errorKey), "error record " + errorKey);

        assertThat(error).contains("\"reason\"");
        assertThat(object(output("ArticlesBucketName"), key)).isPresent();
    }

    @Test
    void aSubmissionThroughTheApi_isPublished_andCanBeUnpublished() throws Exception {
        String title = "Deployed API check " + run;
        String body = """
                {"title": "%s", "author": "Broadsheet CI", "tags": ["Testing"],
                 "body": "The library reopened on Monday after a two-year renovation. Visitors praised the bright reading rooms."}
                """.formatted(title);

        HttpResponse<String> accepted = send(HttpRequest.newBuilder(api("articles")).header("x-api-key", apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = accepted.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");
        publishedIds.add(id);
        eventually(() -> siteObject(id + ".html"), "page " + id);

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(api("articles/" + id)).header("x-api-key", apiKey).DELETE());

        assertThat(deleted.statusCode()).isEqualTo(204);
        eventually(() -> siteObject(id + ".html").isPresent() ? Optional.empty() : Optional.of("gone"), "unpublished " + id);
    }

    @Test
    void writesWithoutTheApiKey_areRefusedByTheGateway() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(api("articles"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private String upload(String name, String contentType, String content) {
        String key = "incoming/" + run + "/" + name;
        s3.putObject(b -> b.bucket(output("ArticlesBucketName")).key(key).contentType(contentType),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
        uploadedKeys.add(key);
        return key;
    }

    private Optional<String> siteObject(String key) {
        return object(output("SiteBucketName"), key);
    }

    private Optional<String> object(String bucket, String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    private URI api(String path) {
        String base = output("ApiUrl");
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    private String output(String name) {
        String value = outputs.get(name);
        assertThat(value).as("stack output " + name).isNotBlank();
        return value;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T eventually(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError(what + " did not appear within " + SETTLE);
    }
}
