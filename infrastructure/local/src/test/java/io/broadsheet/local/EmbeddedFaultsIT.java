package io.broadsheet.local;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.local.embedded.EmbeddedCloud;
import io.broadsheet.local.embedded.lambda.FunctionHooks;
import io.broadsheet.local.embedded.lambda.FunctionHooks.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the way in (S3 throttling the functions' reads, the parse function crashing): after
 * recovery each article is still published exactly once. Publish faults: {@link PublishFaultsIT};
 * DynamoDB down: {@link DynamoDbOutageIT}.
 */
class EmbeddedFaultsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String BODY = "The council voted on Friday to fund two new tram lines across the city.";

    private static EmbeddedCloud cloud;
    private static S3Client s3;
    private static PublishedSite site;

    @BeforeAll
    static void start() {
        cloud = EmbeddedCloud.start(CloudOptions.embedded());
        s3 = cloud.s3Client();
        site = new PublishedSite(cloud);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
            site.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @AfterEach
    void disarm() {
        cloud.s3Faults().clear();
        for (String function : List.of("ParseArticleFunction", "AnalyzeArticleFunction", "PublishArticleFunction")) {
            cloud.functionHooks(function).failNext(0);
            cloud.functionHooks(function).release();
        }
    }

    @Test
    void upload_isPublishedOnce_whenS3ThrottlesTheFunctionsReads() throws Exception {
        // GIVEN S3 answers the next reads with 503 SlowDown, more than one invocation's SDK retries absorb
        Path sample = SampleArticles.all().getFirst();
        String key = "incoming/faults-" + sample.getFileName();
        int before = cloud.s3Faults().injectedFaults();
        cloud.s3Faults().failNext(0, 4);

        // WHEN the article is uploaded
        s3.putObject(b -> b.bucket(cloud.articlesBucket()).key(key), RequestBody.fromFile(sample));

        // THEN the pipeline drains, the faults were hit, and one record of version 1 and one page exist
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        assertThat(cloud.s3Faults().injectedFaults() - before).isEqualTo(4);
        assertThat(cloud.failures()).isEmpty();
        String id = ArticleIds.fromSourceKey(key);
        assertThat(site.version(id)).isEqualTo(1);
        assertThat(site.page(id)).isPresent();
    }

    @Test
    void upload_isPublishedOnce_whenTheParseFunctionCrashesOnItsFirstTwoAttempts() throws Exception {
        // GIVEN the parse function crashes on its next two invocations (the last retry is the third)
        FunctionHooks parse = cloud.functionHooks("ParseArticleFunction");
        int seen = parse.invocations().size();
        parse.failNext(2);

        // WHEN an article is uploaded
        String id = site.upload("incoming/faults/crashing-parse.md", "Parsed on the third attempt", BODY);

        // THEN Lambda's retries get it through: three attempts, the last one good, nothing failed for good
        assertThat(cloud.awaitIdle(TIMEOUT)).isTrue();
        List<Invocation> attempts = parse.invocations().subList(seen, parse.invocations().size());
        assertThat(attempts).extracting(Invocation::failed).containsExactly(true, true, false);
        assertThat(attempts.getFirst().error()).isInstanceOf(FunctionHooks.InjectedFault.class);
        assertThat(cloud.failures()).isEmpty();
        site.assertPublishedOnce(id, "Parsed on the third attempt", 1);
    }
}
