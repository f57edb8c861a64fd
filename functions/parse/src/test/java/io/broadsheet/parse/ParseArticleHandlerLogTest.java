package io.broadsheet.parse;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.aws.testing.TestLambdaContext;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.testing.InMemoryObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the parse function writes to its log: structured lines, without article text or secrets. */
class ParseArticleHandlerLogTest {

    private static final String TOKEN = "bs-token-9f8e7d6c5b4a";
    private static final String REQUEST_ID = new TestLambdaContext("x").getAwsRequestId();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private ParseArticleHandler handler;
    private InMemoryObjectStore articles;

    @BeforeEach
    void start() {
        var context = InMemoryContexts.start(Map.of("broadsheet.api-token", TOKEN));
        handler = new ParseArticleHandler(context);
        articles = InMemoryContexts.articles(context);
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        handler.close();
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void parse_logsOneJsonLinePerArticle_withRequestIdAndArticleId_butNoBodyAndNoToken() throws Exception {
        // GIVEN the sample upload and its event
        articles.put("incoming/city desk/Council transit budget.txt",
                EventFixtures.bytes("articles/council-transit-budget.txt"), "text/plain", null);

        // WHEN the handler runs
        handler.handleRequest(EventFixtures.event("s3-put-incoming.json", S3Event.class),
                new TestLambdaContext("ParseArticleFunction"));

        // THEN one JSON line tells what happened, and nothing of the article's text or the token
        List<String> lines = lines();
        assertThat(lines).singleElement().satisfies(line -> {
            JsonNode json = JSON.readTree(line);
            assertThat(json.path("requestId").asText()).isEqualTo(REQUEST_ID);
            assertThat(json.path("articleId").asText()).isEqualTo("council-transit-budget-f01dfcfb");
            assertThat(json.path("outcome").asText()).isEqualTo("parsed");
            assertThat(json.path("ArticlesProcessed").asInt()).isEqualTo(1);
        });
        ParsedArticle parsed = ArticleJson.read(articles.text("parsed/council-transit-budget-f01dfcfb.json")
                .getBytes(StandardCharsets.UTF_8), ParsedArticle.class);
        String output = String.join("\n", lines);
        assertThat(parsed.article().paragraphs()).isNotEmpty().allSatisfy(paragraph ->
                assertThat(output).doesNotContain(paragraph.substring(0, Math.min(40, paragraph.length()))));
        assertThat(output).doesNotContain(TOKEN);
    }

    @Test
    void parse_logsARejection_withItsReason_butNotTheRejectedContent() throws Exception {
        String content = "Forged headline\n\nSecret draft paragraph that must stay out of the logs";
        articles.put("rejected/city desk/forged.txt", content);

        handler.handleRequest(EventFixtures.event("s3-put-incoming-unsafe-key.json", S3Event.class),
                new TestLambdaContext("ParseArticleFunction"));

        List<String> lines = lines();
        assertThat(lines).singleElement().satisfies(line -> {
            JsonNode json = JSON.readTree(line);
            assertThat(json.path("requestId").asText()).isEqualTo(REQUEST_ID);
            assertThat(json.path("outcome").asText()).isEqualTo("rejected");
            assertThat(json.path("reason").asText()).isEqualTo("UNSAFE_KEY");
            assertThat(json.path("ArticlesRejected").asInt()).isEqualTo(1);
            assertThat(line).doesNotContain("Secret draft paragraph").doesNotContain(TOKEN);
        });
    }

    @Test
    void eachLine_carriesTheRequestIdOfItsOwnInvocation_whenTheHandlerIsReused() throws Exception {
        articles.put("incoming/city desk/Council transit budget.txt",
                EventFixtures.bytes("articles/council-transit-budget.txt"), "text/plain", null);
        S3Event event = EventFixtures.event("s3-put-incoming.json", S3Event.class);

        handler.handleRequest(event, withRequestId("req-1"));
        handler.handleRequest(event, withRequestId("req-2"));

        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).path("requestId").asText()).isEqualTo("req-1");
        assertThat(JSON.readTree(lines.get(1)).path("requestId").asText()).isEqualTo("req-2");
    }

    /** The test context with another request id, as a warm container gets for each invocation. */
    private static Context withRequestId(String requestId) {
        Context base = new TestLambdaContext("ParseArticleFunction");
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : method.invoke(base, args));
    }
}
