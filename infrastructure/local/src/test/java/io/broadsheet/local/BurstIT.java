package io.broadsheet.local;

import io.broadsheet.local.embedded.EmbeddedCloud;
import io.broadsheet.local.load.ArticleMix;
import io.broadsheet.local.load.SiteCheck;
import io.broadsheet.local.load.Upload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of uploads of mixed formats and sizes (300 to 10,000 words) put at once into a fresh
 * embedded cloud ends with exactly one record (version 1), one page and one JSON record per upload,
 * each article once in the sitemap, no error record and no failed invocation. Publishing goes
 * through the stream's batches, so the batch path (pages per article, listings once per batch) is
 * what is checked.
 *
 * <p>{@code mvn verify} runs it with 50 uploads; the {@code burst} profile with 1,000 (issue 7's load
 * check): {@code mvn -B -Pburst -pl infrastructure/local -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Dbroadsheet.burst.articles=N} picks another size.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BurstIT {

    private static final int ARTICLES = Integer.getInteger("broadsheet.burst.articles", 50);
    private static final int CLIENTS = 4;
    private static EmbeddedCloud cloud;
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;

    @BeforeAll
    static void start() {
        cloud = EmbeddedCloud.start(CloudOptions.embedded());
        s3 = cloud.s3Client();
        dynamoDb = cloud.dynamoDbClient();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
            dynamoDb.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void burst_endsWithOneRecordAndOnePagePerUpload_noneLostOrDuplicated() throws Exception {
        // GIVEN uploads of every format, 300 to 10,000 words
        List<Upload> uploads = ArticleMix.uploads("burst", ARTICLES, 300, 10_000, 7);

        // WHEN they are all put at once by a few clients
        long start = System.nanoTime();
        ArticleMix.putAll(s3, cloud.articlesBucket(), uploads, CLIENTS);

        // THEN the pipeline drains, and every article is there exactly once
        assertThat(cloud.awaitIdle(Duration.ofMinutes(20))).as("the cloud settles").isTrue();
        double drained = (System.nanoTime() - start) / 1e9;
        SiteCheck.Report report = SiteCheck.check(cloud, s3, dynamoDb, uploads.stream().map(Upload::articleId).toList());
        System.out.printf("burst articles=%d drain_s=%.1f %s%n", ARTICLES, drained, report.summary());
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(ARTICLES);
        assertThat(report.versionOne()).isEqualTo(ARTICLES);
        assertThat(report.pages()).isEqualTo(ARTICLES);
        assertThat(report.jsonRecords()).isEqualTo(ARTICLES);
        assertThat(report.sitemapArticles()).isEqualTo(ARTICLES);
        assertThat(report.indexArticles()).isEqualTo(Math.min(50, ARTICLES));
        assertThat(report.errorRecords()).isZero();
        assertThat(report.failedInvocations()).isZero();
    }

    @Test
    @Order(2)
    void siteCheck_reportsALostPage_andAnArticleListedTwice() {
        // GIVEN the settled site, with one page deleted and one sitemap entry doubled
        String lost = ArticleMix.uploads("burst", 1, 300, 10_000, 7).getFirst().articleId();
        s3.deleteObject(b -> b.bucket(cloud.siteBucket()).key(lost + ".html"));
        String sitemap = s3.getObjectAsBytes(b -> b.bucket(cloud.siteBucket()).key("sitemap.xml")).asUtf8String();
        int at = sitemap.indexOf(lost + ".html</loc>");
        String entry = sitemap.substring(sitemap.lastIndexOf("<url>", at), sitemap.indexOf("</url>", at) + "</url>".length());
        s3.putObject(b -> b.bucket(cloud.siteBucket()).key("sitemap.xml"),
                RequestBody.fromString(sitemap.replace(entry, entry + entry)));

        // WHEN
        SiteCheck.Report report = SiteCheck.check(cloud, s3, dynamoDb, List.of(lost));

        // THEN
        assertThat(report.problems()).contains("no page for " + lost, "sitemap.xml lists " + lost + " 2 times");
    }
}
