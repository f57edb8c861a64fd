package io.broadsheet.local;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.local.embedded.EmbeddedCloud;
import io.broadsheet.local.embedded.lambda.FunctionHooks;
import io.broadsheet.local.embedded.lambda.FunctionHooks.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.broadsheet.local.PublishedSite.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish function failing on stream records (S3 refusing one article's page): the mapping
 * retries from the failed record, keeps each article's order, and when the retries run out the
 * records wait in the failure destination for a redrive. Every article ends published exactly once.
 */
class PublishFaultsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "The council voted on Friday to fund two new tram lines across the city.";

    private static EmbeddedCloud cloud;
    private static PublishedSite site;
    private static FunctionHooks publish;

    @BeforeAll
    static void start() {
        cloud = EmbeddedCloud.start(CloudOptions.embedded());
        site = new PublishedSite(cloud);
        publish = cloud.functionHooks("PublishArticleFunction");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @AfterEach
    void disarm() {
        cloud.s3Faults().clear();
        publish.release();
    }

    @Test
    void publish_retriesFromTheFailedRecord_andPublishesEachArticleOnceInOrder_whenOneRecordOfABatchFails() throws Exception {
        // GIVEN the publish function is held at the door, so that stream records queue up behind its first batch
        publish.hold();
        String a = uploadAndAwaitVersion("incoming/batch/alpha.md", "Alpha, first version", 1);
        assertThat(publish.awaitWaiting(1, TIMEOUT)).as("the first batch [alpha v1] is at the door").isTrue();
        String b = uploadAndAwaitVersion("incoming/batch/bravo.md", "Bravo", 1);
        String c = uploadAndAwaitVersion("incoming/batch/charlie.md", "Charlie", 1);
        uploadAndAwaitVersion("incoming/batch/alpha.md", "Alpha, second version", 2);
        String d = uploadAndAwaitVersion("incoming/batch/delta.md", "Delta", 1);
        // ... and S3 refuses every write of Charlie's page (more than the function's SDK retries absorb)
        cloud.s3Faults().failPutsOf(ArticleKeys.pageKey(c));
        int seen = publish.invocations().size();

        // WHEN the function runs again
        publish.release();

        // THEN its second batch [bravo, charlie, alpha v2, delta] fails on charlie and reports it as the first failure
        awaitUntil(() -> firstFailureAfter(publish, seen) >= 0, TIMEOUT, "a batch reporting a failed record");
        int failedAt = firstFailureAfter(publish, seen);
        Invocation failed = publish.invocations().get(failedAt);
        assertThat(records(failed)).containsExactly(b + " v1", c + " v1", a + " v2", d + " v1");
        assertThat(reportedFailure(failed)).isEqualTo(sequenceNumbers(failed).get(1));

        // WHEN S3 accepts Charlie's page again
        cloud.s3Faults().clear();

        // THEN the mapping retried from charlie's record, and every article is published once, alpha at v2
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        Invocation last = publish.invocations().getLast();
        assertThat(records(last)).containsExactly(c + " v1", a + " v2", d + " v1");
        assertThat(reportedFailure(last)).isNull();
        assertThat(cloud.failures()).isEmpty();
        site.assertPublishedOnce(a, "Alpha, second version", 2);
        site.assertPublishedOnce(b, "Bravo", 1);
        site.assertPublishedOnce(c, "Charlie", 1);
        site.assertPublishedOnce(d, "Delta", 1);
    }

    @Test
    void streamRecord_isPublishedOnce_byARedrive_whenThePublishFunctionFailsOnItThroughItsRetries() throws Exception {
        // GIVEN S3 refuses every write of the article's page
        String key = "incoming/stream/echo.md";
        String id = ArticleIds.fromSourceKey(key);
        cloud.s3Faults().failPutsOf(ArticleKeys.pageKey(id));
        int seen = publish.invocations().size();

        // WHEN the article is uploaded
        site.upload(key, "Echo", BODY);

        // THEN publish fails on its stream record 1 + 5 times (the template's MaximumRetryAttempts), and
        // the record goes to the failure destination; the article has its record but no page
        awaitUntil(() -> !cloud.failures().isEmpty(), TIMEOUT, "a failed stream record");
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        assertThat(cloud.failures()).singleElement().satisfies(f -> {
            assertThat(f.function()).isEqualTo("PublishArticleFunction");
            assertThat(f.event()).contains(id);
        });
        assertThat(publish.invocations().subList(seen, publish.invocations().size()))
                .filteredOn(i -> reportedFailure(i) != null).hasSize(6);
        assertThat(site.version(id)).isEqualTo(1);
        assertThat(site.page(id)).isEmpty();

        // WHEN S3 accepts the page again and the operator redrives the failure destination
        cloud.s3Faults().clear();
        assertThat(cloud.redriveFailures()).isEqualTo(1);

        // THEN the article is published exactly once, and nothing is left failed
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        assertThat(cloud.failures()).isEmpty();
        site.assertPublishedOnce(id, "Echo", 1);
    }

    private String uploadAndAwaitVersion(String key, String title, long version) throws InterruptedException {
        String id = site.upload(key, title, BODY);
        awaitUntil(() -> site.version(id) == version, TIMEOUT, id + " at version " + version);
        return id;
    }

    /** Index of the first invocation from {@code from} on that reported a batch item failure, or -1. */
    private static int firstFailureAfter(FunctionHooks publish, int from) {
        List<Invocation> all = publish.invocations();
        for (int i = from; i < all.size(); i++) {
            if (reportedFailure(all.get(i)) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The sequence number of the first record the handler reported as failed, or {@code null}. */
    private static String reportedFailure(Invocation invocation) {
        if (invocation.result() instanceof StreamsEventResponse response && response.getBatchItemFailures() != null
                && !response.getBatchItemFailures().isEmpty()) {
            return response.getBatchItemFailures().getFirst().getItemIdentifier();
        }
        return null;
    }

    /** The batch's records as "id vN", in stream order. */
    private static List<String> records(Invocation invocation) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(invocation.event()).path("Records")) {
            JsonNode image = r.path("dynamodb").path("NewImage");
            out.add(image.path("id").path("S").asText() + " v" + image.path("version").path("N").asText());
        }
        return out;
    }

    private static List<String> sequenceNumbers(Invocation invocation) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(invocation.event()).path("Records")) {
            out.add(r.path("dynamodb").path("SequenceNumber").asText());
        }
        return out;
    }
}
