package io.broadsheet.analyze;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.aws.testing.TestLambdaContext;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeArticleHandlerTest {

    private static final String ID = "council-transit-budget-f01dfcfb";

    private ApplicationContext context;
    private AnalyzeArticleHandler handler;
    private InMemoryObjectStore articles;
    private InMemoryArticleTable table;

    @BeforeEach
    void start() {
        context = InMemoryContexts.start();
        handler = new AnalyzeArticleHandler(context);
        articles = InMemoryContexts.articles(context);
        table = InMemoryContexts.table(context);
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    /** The parse step's real output for the sample upload, so the analyze event finds what it would in AWS. */
    private void parseSampleUpload() {
        articles.put("incoming/city desk/Council transit budget.txt",
                EventFixtures.bytes("articles/council-transit-budget.txt"), "text/plain", null);
        S3Event upload = EventFixtures.event("s3-put-incoming.json", S3Event.class);
        context.getBean(ParseArticleService.class).parse(S3EventKeys.upload(upload.getRecords().getFirst()));
    }

    private void handle(String fixture) {
        handler.handleRequest(EventFixtures.event(fixture, S3Event.class), new TestLambdaContext("AnalyzeArticleFunction"));
    }

    @Test
    void analyze_createsTheRecord_forTheParsedSample() {
        parseSampleUpload();

        handle("s3-put-parsed.json");

        ArticleRecord record = table.find(ID).orElseThrow();
        assertThat(record.version()).isEqualTo(1);
        assertThat(record.title()).isEqualTo("Council Backs Two New Tram Lines in Tighter Transit Budget");
        assertThat(record.parsedKey()).isEqualTo("parsed/" + ID + ".json");
        assertThat(record.sourceKey()).isEqualTo("incoming/city desk/Council transit budget.txt");
        assertThat(record.analysis().wordCount()).isGreaterThan(400);
        assertThat(record.analysis().sentiment().label()).isNotBlank();
    }

    @Test
    void analyze_changesNothing_whenTheSameEventArrivesTwice() {
        parseSampleUpload();

        handle("s3-put-parsed.json");
        ArticleRecord first = table.find(ID).orElseThrow();
        handle("s3-put-parsed.json");

        assertThat(table.find(ID)).contains(first);
    }

    @Test
    void analyze_dropsAParsedFileThatIsNotJson_withoutFailingTheInvocation() {
        articles.put("parsed/broken-article-0badc0de.json", "{\"id\": \"broken-article");

        handle("s3-put-parsed-malformed.json");

        assertThat(table.size()).isZero();
    }

    @Test
    void analyze_doesNothing_whenTheParsedFileIsGone() {
        handle("s3-put-parsed.json");

        assertThat(table.size()).isZero();
    }
}
