package io.broadsheet.local;

import io.broadsheet.local.LocalCloud.FailedInvocation;
import io.broadsheet.local.embedded.EmbeddedCloud;
import io.broadsheet.local.embedded.lambda.FunctionHooks;
import io.broadsheet.local.embedded.lambda.FunctionHooks.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.broadsheet.local.PublishedSite.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB down and back on the embedded cloud: dynalite is stopped and started again on its port
 * with its tables (kept in a data folder). Uploads made meanwhile are parsed (S3 only), their
 * analysis fails and is retried; after recovery, by the retries or by a redrive of the failure
 * destination, every article is published exactly once and nothing is left failed.
 */
class DynamoDbOutageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String BODY = "The council voted on Friday to fund two new tram lines across the city.";

    @TempDir
    static Path data;
    private static EmbeddedCloud cloud;
    private static PublishedSite site;
    private static FunctionHooks analyze;

    @BeforeAll
    static void start() {
        cloud = EmbeddedCloud.start(CloudOptions.embedded().withDataDir(data));
        site = new PublishedSite(cloud);
        analyze = cloud.functionHooks("AnalyzeArticleFunction");
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
    void recover() {
        analyze.release();
        cloud.startDynamoDb();
    }

    @Test
    void upload_isPublishedOnce_whenDynamoDbIsBackBeforeTheRetriesRunOut() throws Exception {
        // GIVEN DynamoDB is down
        cloud.stopDynamoDb();
        int seen = analyze.invocations().size();

        // WHEN an article is uploaded
        String id = site.upload("incoming/outage/short.md", "A short outage", BODY);

        // THEN it is parsed (S3 only), and its analysis fails on DynamoDB
        awaitUntil(() -> analyze.invocations().stream().skip(seen).anyMatch(Invocation::failed), TIMEOUT,
                "analyze failed on DynamoDB");
        assertThat(site.articlesObject("parsed/" + id + ".json")).isPresent();

        // WHEN DynamoDB comes back before the retries run out (the retry is held at the door until
        // then, so that the outage fits the retry schedule on any machine)
        analyze.hold();
        cloud.startDynamoDb();
        analyze.release();

        // THEN a retry publishes the article exactly once, and nothing went to the failure destination
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        List<Invocation> attempts = analyze.invocations().subList(seen, analyze.invocations().size());
        assertThat(attempts).hasSizeBetween(2, 3);
        assertThat(attempts.getLast().failed()).isFalse();
        assertThat(cloud.failures()).isEmpty();
        site.assertPublishedOnce(id, "A short outage", 1);
    }

    @Test
    void uploads_arePublishedOnce_byARedrive_whenTheOutageOutlastsTheRetries() throws Exception {
        // GIVEN DynamoDB is down
        cloud.stopDynamoDb();
        int seen = analyze.invocations().size();

        // WHEN three articles are uploaded
        List<String> titles = List.of("Outage one", "Outage two", "Outage three");
        List<String> ids = titles.stream()
                .map(t -> site.upload("incoming/outage/" + t.replace(' ', '-') + ".md", t, BODY)).toList();

        // THEN analyze gives up on each after its retries, and the three events are in the failure destination
        awaitUntil(() -> cloud.failures().size() == 3, TIMEOUT, "three failed events");
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        assertThat(cloud.failures()).extracting(FailedInvocation::function).containsOnly("AnalyzeArticleFunction");
        assertThat(analyze.invocations().stream().skip(seen).filter(Invocation::failed)).as("1 + 2 retries each").hasSize(9);
        for (String id : ids) {
            assertThat(site.articlesObject("parsed/" + id + ".json")).isPresent();
            assertThat(site.page(id)).isEmpty();
        }

        // WHEN DynamoDB is back and the operator redrives the failure destination
        cloud.startDynamoDb();
        assertThat(cloud.redriveFailures()).isEqualTo(3);

        // THEN every article is published exactly once, and nothing is left failed
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        assertThat(cloud.failures()).isEmpty();
        for (int i = 0; i < ids.size(); i++) {
            site.assertPublishedOnce(ids.get(i), titles.get(i), 1);
        }
    }
}
