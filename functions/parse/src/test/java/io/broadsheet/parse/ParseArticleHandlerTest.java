package io.broadsheet.parse;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.aws.testing.TestLambdaContext;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ErrorRecord;
import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.testing.InMemoryObjectStore;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ParseArticleHandlerTest {

    private static final String UPLOAD = "incoming/city desk/Council transit budget.txt";

    private ApplicationContext context;
    private ParseArticleHandler handler;
    private InMemoryObjectStore articles;

    @BeforeEach
    void start() {
        context = InMemoryContexts.start();
        handler = new ParseArticleHandler(context);
        articles = InMemoryContexts.articles(context);
    }

    @AfterEach
    void stop() {
        handler.close();
    }

    private void handle(S3Event event) {
        handler.handleRequest(event, new TestLambdaContext("ParseArticleFunction"));
    }

    @Test
    void parse_writesTheParsedArticle_forTheSampleUpload() {
        byte[] upload = EventFixtures.bytes("articles/council-transit-budget.txt");
        articles.put(UPLOAD, upload, "text/plain", null);

        handle(EventFixtures.event("s3-put-incoming.json", S3Event.class));

        ParsedArticle parsed = ArticleJson.read(articles.text("parsed/council-transit-budget-f01dfcfb.json")
                .getBytes(StandardCharsets.UTF_8), ParsedArticle.class);
        assertThat(parsed.id()).isEqualTo("council-transit-budget-f01dfcfb");
        assertThat(parsed.article().title()).isEqualTo("Council Backs Two New Tram Lines in Tighter Transit Budget");
        assertThat(parsed.article().paragraphs()).hasSizeGreaterThan(5);
        assertThat(parsed.source().key()).isEqualTo(UPLOAD);
        assertThat(parsed.source().sequencer()).isEqualTo("0066D9A1B2C3D4E5F6");
        assertThat(parsed.source().etag()).isEqualTo("255b69f48af34b9ebf50f57d0977496d");
        assertThat(articles.contains(UPLOAD)).as("the original upload is kept").isTrue();
    }

    @Test
    void parse_isIdempotent_whenTheSameEventArrivesTwice() {
        articles.put(UPLOAD, EventFixtures.bytes("articles/council-transit-budget.txt"), "text/plain", null);
        S3Event event = EventFixtures.event("s3-put-incoming.json", S3Event.class);

        handle(event);
        String first = articles.text("parsed/council-transit-budget-f01dfcfb.json");
        handle(event);

        assertThat(articles.text("parsed/council-transit-budget-f01dfcfb.json")).isEqualTo(first);
        assertThat(articles.list("rejected/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"council-transit-budget.txt", "trade-pact-export.txt", "lumen-x2-review.md",
            "harbour-city-cup-final.html", "coral-heat-study.json"})
    void parse_acceptsEverySampleArticle(String sample) {
        String key = "incoming/samples/" + sample;
        byte[] bytes = EventFixtures.bytes("articles/" + sample);
        articles.put(key, bytes, null, null);

        handle(EventFixtures.eventWith("s3-put-incoming.json", S3Event.class,
                "incoming/city+desk/Council+transit+budget.txt", key,
                "255b69f48af34b9ebf50f57d0977496d", InMemoryObjectStore.etagOf(bytes).replace("\"", "")));

        assertThat(articles.list("rejected/")).isEmpty();
        assertThat(articles.list("parsed/")).singleElement().satisfies(parsedKey -> {
            ParsedArticle parsed = ArticleJson.read(articles.text(parsedKey).getBytes(StandardCharsets.UTF_8), ParsedArticle.class);
            assertThat(parsed.article().title()).isNotBlank();
            assertThat(parsed.article().body().split("\\s+").length).isGreaterThan(250);
        });
    }

    @Test
    void parse_writesAnErrorRecordAndKeepsTheOriginal_whenTheUploadIsNotAnArticle() {
        String upload = "incoming/scans/Quarterly report – Q3.pdf";
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <</Type /Catalog>> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        articles.put(upload, pdf, "application/pdf", null);

        handle(EventFixtures.eventWith("s3-put-incoming-unsupported.json", S3Event.class,
                "e99a18c428cb38d5f260853678922e03", InMemoryObjectStore.etagOf(pdf).replace("\"", "")));

        String errorKey = "rejected/scans/Quarterly report – Q3.pdf.error.json";
        ErrorRecord error = ArticleJson.read(articles.text(errorKey).getBytes(StandardCharsets.UTF_8), ErrorRecord.class);
        assertThat(error.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
        assertThat(error.sourceKey()).isEqualTo(upload);
        assertThat(error.sequencer()).isEqualTo("0066D9A1C9F8E7D6C5");
        assertThat(articles.contains(upload)).as("the original upload is kept").isTrue();
        assertThat(articles.list("parsed/")).isEmpty();
    }

    @Test
    void parse_refusesAKeyThatClimbsOutOfIncoming_withoutReadingIt() {
        articles.put("rejected/city desk/forged.txt", "Forged\n\nnot an article");

        handle(EventFixtures.event("s3-put-incoming-unsafe-key.json", S3Event.class));

        assertThat(articles.list("parsed/")).isEmpty();
        assertThat(articles.list("rejected/")).anySatisfy(key -> {
            assertThat(key).endsWith(".error.json");
            ErrorRecord error = ArticleJson.read(articles.text(key).getBytes(StandardCharsets.UTF_8), ErrorRecord.class);
            assertThat(error.reason()).isEqualTo(RejectionReason.UNSAFE_KEY);
        });
        assertThat(articles.text("rejected/city desk/forged.txt")).isEqualTo("Forged\n\nnot an article");
    }

    @Test
    void parse_doesNothing_whenTheUploadIsAlreadyGone() {
        handle(EventFixtures.event("s3-put-incoming.json", S3Event.class));

        assertThat(articles.list("")).isEmpty();
    }
}
