package io.broadsheet.publish;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.aws.S3EventKeys;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.aws.testing.TestLambdaContext;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.testing.InMemoryObjectStore;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the publish function writes to its log: structured lines, without article text or secrets. */
class PublishArticleHandlerLogTest {

    private static final String ID = "council-transit-budget-f01dfcfb";
    private static final String TOKEN = "bs-token-1a2b3c4d5e6f";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private ApplicationContext context;
    private PublishArticleHandler handler;
    private InMemoryObjectStore articles;

    @BeforeEach
    void start() {
        context = InMemoryContexts.start(Map.of("broadsheet.api-token", TOKEN));
        handler = new PublishArticleHandler(context);
        articles = InMemoryContexts.articles(context);
        originalOut = System.out;
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        handler.close();
    }

    private List<JsonNode> handle(String fixture) throws Exception {
        captured.reset();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            handler.handleRequest(EventFixtures.event(fixture, DynamodbEvent.class),
                    new TestLambdaContext("PublishArticleFunction"));
        } finally {
            System.setOut(originalOut);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).doesNotContain(TOKEN);
        var lines = new java.util.ArrayList<JsonNode>();
        for (String line : output.lines().filter(line -> !line.isBlank()).toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void insert_logsThePublishedArticle_withoutItsBody() throws Exception {
        articles.put("incoming/city desk/Council transit budget.txt",
                EventFixtures.bytes("articles/council-transit-budget.txt"), "text/plain", null);
        context.getBean(ParseArticleService.class).parse(S3EventKeys.upload(
                EventFixtures.event("s3-put-incoming.json", S3Event.class).getRecords().getFirst()));

        List<JsonNode> lines = handle("dynamodb-insert.json");

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.path("requestId").asText()).isEqualTo(new TestLambdaContext("x").getAwsRequestId());
            assertThat(line.path("articleId").asText()).isEqualTo(ID);
            assertThat(line.path("outcome").asText()).isEqualTo("published");
            assertThat(line.path("ArticlesProcessed").asInt()).isEqualTo(1);
        });
        ParsedArticle parsed = ArticleJson.read(articles.text("parsed/" + ID + ".json")
                .getBytes(StandardCharsets.UTF_8), ParsedArticle.class);
        String output = lines.toString();
        assertThat(parsed.article().paragraphs()).allSatisfy(paragraph ->
                assertThat(output).doesNotContain(paragraph.substring(0, Math.min(40, paragraph.length()))));
    }

    @Test
    void aRecordThatCannotBePublished_isLoggedAsFailed() throws Exception {
        List<JsonNode> lines = handle("dynamodb-insert.json");

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.path("outcome").asText()).isEqualTo("failed");
            assertThat(line.path("ArticlesFailed").asInt()).isEqualTo(1);
            assertThat(line.path("error").asText()).isNotBlank();
        });
    }
}
