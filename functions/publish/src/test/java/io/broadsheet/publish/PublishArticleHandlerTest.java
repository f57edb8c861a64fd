package io.broadsheet.publish;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.aws.StreamImages;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.aws.testing.TestLambdaContext;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.testing.InMemoryObjectStore;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublishArticleHandlerTest {

    private static final String ID = "council-transit-budget-f01dfcfb";
    private static final String PAGE = ID + ".html";

    private ApplicationContext context;
    private PublishArticleHandler handler;
    private InMemoryObjectStore articles;
    private InMemoryObjectStore site;

    @BeforeEach
    void start() {
        context = InMemoryContexts.start();
        handler = new PublishArticleHandler(context);
        articles = InMemoryContexts.articles(context);
        site = InMemoryContexts.site(context);
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    /** The parse step's real output for the sample upload: the body the page is rendered from. */
    private void parseSampleUpload() {
        articles.put("incoming/city desk/Council transit budget.txt",
                EventFixtures.bytes("articles/council-transit-budget.txt"), "text/plain", null);
        S3Event upload = EventFixtures.event("s3-put-incoming.json", S3Event.class);
        context.getBean(ParseArticleService.class).parse(S3EventKeys.upload(upload.getRecords().getFirst()));
    }

    private StreamsEventResponse handle(String fixture) {
        return handler.handleRequest(EventFixtures.event(fixture, DynamodbEvent.class),
                new TestLambdaContext("PublishArticleFunction"));
    }

    private ArticleRecord publishedRecord() {
        return ArticleJson.read(site.text("articles/" + ID + ".json").getBytes(StandardCharsets.UTF_8), ArticleRecord.class);
    }

    @Test
    void insert_publishesThePageTheRecordAndTheIndex() {
        parseSampleUpload();

        StreamsEventResponse response = handle("dynamodb-insert.json");

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(site.text(PAGE)).contains("Council Backs Two New Tram Lines in Tighter Transit Budget");
        assertThat(publishedRecord().version()).isEqualTo(1);
        assertThat(site.text("index.html")).isNotBlank();
    }

    @Test
    void modify_republishesTheNewVersion() {
        parseSampleUpload();
        handle("dynamodb-insert.json");

        StreamsEventResponse response = handle("dynamodb-modify.json");

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(publishedRecord().version()).isEqualTo(2);
        assertThat(publishedRecord().tags()).contains("Trams");
    }

    @Test
    void remove_deletesThePageAndItsRecord_butNotTheUpload() {
        parseSampleUpload();
        handle("dynamodb-insert.json");
        assertThat(site.contains(PAGE)).isTrue();

        StreamsEventResponse response = handle("dynamodb-remove.json");

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(site.contains(PAGE)).isFalse();
        assertThat(site.contains("articles/" + ID + ".json")).isFalse();
        assertThat(articles.contains("incoming/city desk/Council transit budget.txt")).isTrue();
    }

    @Test
    void aMalformedImage_isReportedAsABatchItemFailure_afterTheGoodRecordsBeforeIt() {
        parseSampleUpload();

        StreamsEventResponse response = handle("dynamodb-malformed-image.json");

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("4400000000019918400001");
        assertThat(site.contains(PAGE)).as("the good record before it was published").isTrue();
    }

    @Test
    void aFailureMidBatch_isReported_afterPublishingAndListingTheRecordsBeforeIt() {
        // GIVEN a batch: the sample's insert (its record in the table), an article whose parsed body is missing, the sample's modify
        parseSampleUpload();
        var insert = EventFixtures.event("dynamodb-insert.json", DynamodbEvent.class).getRecords().getFirst();
        InMemoryContexts.table(context).insert(StreamImages.change(insert).newImage());
        DynamodbEvent batch = new DynamodbEvent();
        batch.setRecords(List.of(insert,
                EventFixtures.eventWith("dynamodb-insert.json", DynamodbEvent.class,
                        ID, "ghost-story-0badf00d", "4100000000019918273645", "4100000000019918273646").getRecords().getFirst(),
                EventFixtures.event("dynamodb-modify.json", DynamodbEvent.class).getRecords().getFirst()));

        // WHEN
        StreamsEventResponse response = handler.handleRequest(batch, new TestLambdaContext("PublishArticleFunction"));

        // THEN the missing body is the reported failure (Lambda retries from it, the modify included);
        // the insert before it is published and listed
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("4100000000019918273646");
        assertThat(site.contains(PAGE)).isTrue();
        assertThat(site.text("index.html")).contains(PAGE).doesNotContain("ghost-story-0badf00d");
        assertThat(site.contains("ghost-story-0badf00d.html")).isFalse();
    }

    @Test
    void aMissingBody_isReportedAsABatchItemFailure_soLambdaRetriesFromThere() {
        StreamsEventResponse response = handle("dynamodb-insert.json");

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("4100000000019918273645");
        assertThat(site.contains(PAGE)).isFalse();
    }
}
