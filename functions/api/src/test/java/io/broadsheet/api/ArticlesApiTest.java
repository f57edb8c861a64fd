package io.broadsheet.api;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import io.broadsheet.aws.StreamImages;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.Sentiment;
import io.broadsheet.core.pipeline.AnalyzeArticleService;
import io.broadsheet.core.pipeline.ArticleChange;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route and every error status, through API Gateway proxy events (REST API, payload 1.0). */
class ArticlesApiTest {

    private static final String ID = "council-transit-budget-f01dfcfb";
    private static final String UPLOAD = "incoming/city desk/Council transit budget.txt";

    private ApiGateway api;
    private InMemoryObjectStore articles;
    private InMemoryObjectStore site;
    private InMemoryArticleTable table;

    @BeforeEach
    void start() {
        api = new ApiGateway(Map.of("broadsheet.max-upload-bytes", "20000"));
        articles = InMemoryContexts.articles(api.context);
        site = InMemoryContexts.site(api.context);
        table = InMemoryContexts.table(api.context);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** The sample article through parse, analyze and publish, as the functions would do it. */
    private ArticleRecord publishedSample() {
        articles.put(UPLOAD, EventFixtures.bytes("articles/council-transit-budget.txt"), "text/plain", null);
        runPipeline(UPLOAD);
        return table.find(ID).orElseThrow();
    }

    private void runPipeline(String upload) {
        var parsed = (ParseArticleService.Parsed) api.context.getBean(ParseArticleService.class)
                .parse(new ParseArticleService.Upload(upload, null, null));
        api.context.getBean(AnalyzeArticleService.class).analyze(parsed.parsedKey());
        ArticleRecord record = table.find(parsed.id()).orElseThrow();
        api.context.getBean(PublishArticleService.class).publish(new ArticleChange(ArticleChange.Type.INSERT, null, record));
    }

    private static ArticleRecord record(String id, String date, List<String> tags, String label) {
        ArticleRecord sample = StreamImages.change(EventFixtures.event("dynamodb-insert.json", DynamodbEvent.class)
                .getRecords().getFirst()).newImage();
        Analysis a = sample.analysis();
        Analysis analysis = new Analysis(a.language(), a.wordCount(), a.readingTimeMinutes(),
                new Sentiment(label.equals("negative") ? 20 : 70, label, a.sentiment().bullets()),
                a.highlights(), a.insights(), a.keywords());
        return new ArticleRecord(id, 1, "sha256:" + id, "incoming/" + id + ".txt", null, ArticleKeys.parsedKey(id),
                "Title of " + id, "A. Writer", null, Instant.parse(date), tags, analysis, Instant.parse(date), Instant.parse(date));
    }

    @Nested
    class Submit {

        @Test
        void json_isStoredUnderIncomingApi_andAnswers202WithTheArticlesLocation() {
            ApiGateway.Response response = api.fixture("post-articles-json");

            assertThat(response.status()).isEqualTo(202);
            ArticleViews.Accepted accepted = response.json(ArticleViews.Accepted.class);
            assertThat(accepted.sourceKey()).startsWith("incoming/api/library-opens-its-doors-around").endsWith(".json");
            assertThat(accepted.id()).isEqualTo(ArticleIds.fromSourceKey(accepted.sourceKey()));
            assertThat(response.header("Location")).isEqualTo("articles/" + accepted.id());
            assertThat(articles.text(accepted.sourceKey()))
                    .contains("\"title\":\"Library opens its doors around the clock during exam season\"")
                    .contains("\"tags\":[\"Education\",\"Libraries\"]");
        }

        @Test
        void thenPollingTheLocation_endsWithThePublishedRecord() {
            ArticleViews.Accepted accepted = api.fixture("post-articles-json").json(ArticleViews.Accepted.class);
            assertThat(api.call(ApiGateway.request("GET", "/articles/" + accepted.id()).event()).status()).isEqualTo(404);

            runPipeline(accepted.sourceKey());
            ApiGateway.Response response = api.call(ApiGateway.request("GET", "/articles/" + accepted.id()).event());

            assertThat(response.status()).isEqualTo(200);
            ArticleViews.Article article = response.json(ArticleViews.Article.class);
            assertThat(article.status()).isEqualTo(ArticleViews.Status.published);
            assertThat(article.title()).isEqualTo("Library opens its doors around the clock during exam season");
            assertThat(article.author()).isEqualTo("Ruth Okafor");
            assertThat(site.contains(accepted.id() + ".html")).isTrue();
        }

        @Test
        void markdown_isStoredAsIs_withTheSlugOfItsTitle() {
            ApiGateway.Response response = api.fixture("post-articles-markdown");

            assertThat(response.status()).isEqualTo(202);
            ArticleViews.Accepted accepted = response.json(ArticleViews.Accepted.class);
            assertThat(accepted.sourceKey()).matches("incoming/api/lumen-x2-review-a-beautiful-[0-9a-f]{8}\\.md");
            assertThat(articles.text(accepted.sourceKey())).isEqualTo(new String(EventFixtures.bytes("articles/lumen-x2-review.md")));
        }

        @Test
        void html_andPlainText_areAccepted() {
            String html = new String(EventFixtures.bytes("articles/harbour-city-cup-final.html"));
            String text = new String(EventFixtures.bytes("articles/council-transit-budget.txt"));

            ApiGateway.Response htmlResponse = api.call(ApiGateway.request("POST", "/articles").authorised()
                    .body("text/html; charset=utf-8", html).event());
            ApiGateway.Response textResponse = api.call(ApiGateway.request("POST", "/articles").authorised()
                    .body("text/plain", text).event());

            assertThat(htmlResponse.status()).isEqualTo(202);
            assertThat(htmlResponse.json(ArticleViews.Accepted.class).sourceKey()).endsWith(".html");
            assertThat(textResponse.status()).isEqualTo(202);
            assertThat(textResponse.json(ArticleViews.Accepted.class).sourceKey())
                    .matches("incoming/api/council-backs-two-new-tram-[0-9a-f]{8}\\.txt");
        }

        @Test
        void invalidFields_answer400_namingEachFieldAndWhy() {
            ApiGateway.Response response = api.fixture("post-articles-invalid");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            Problem problem = response.problem();
            assertThat(problem.type()).isEqualTo("urn:broadsheet:problem:invalid-input");
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(Problem.FieldError::field)
                    .containsExactlyInAnyOrder("summary", "title", "publishedAt", "tags");
            assertThat(articles.list("incoming/")).isEmpty();
        }

        @Test
        void malformedJson_answers400ForTheBody() {
            ApiGateway.Response response = api.call(ApiGateway.request("POST", "/articles").authorised()
                    .body("application/json", "{\"title\": \"Unfinished").event());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problem().errors()).extracting(Problem.FieldError::field).containsExactly("body");
        }

        @Test
        void aDocumentWithoutText_answers400() {
            ApiGateway.Response response = api.call(ApiGateway.request("POST", "/articles").authorised()
                    .body("text/markdown", "---\ntitle: Only a title\n---\n").event());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problem().errors()).extracting(Problem.FieldError::field).containsExactly("body");
        }

        @Test
        void overTheSizeLimit_answers413() {
            ApiGateway.Response response = api.call(ApiGateway.request("POST", "/articles").authorised()
                    .body("text/plain", "Big\n\n" + "word ".repeat(5000)).event());

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:payload-too-large");
            assertThat(response.problem().detail()).contains("20000");
        }

        @Test
        void anUnsupportedContentType_answers415() {
            ApiGateway.Response response = api.fixture("post-articles-unsupported-type");

            assertThat(response.status()).isEqualTo(415);
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:unsupported-media-type");
        }
    }

    @Nested
    class Authorisation {

        @Test
        void aWriteWithoutAToken_answers401WithAChallenge() {
            ApiGateway.Response response = api.fixture("post-articles-unauthenticated");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:unauthorized");
            assertThat(articles.list("incoming/")).isEmpty();
        }

        @Test
        void aWriteWithAWrongToken_answers403() {
            ApiGateway.Response response = api.call(ApiGateway.request("DELETE", "/articles/" + ID)
                    .header("Authorization", "Bearer guessed").event());

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:forbidden");
        }

        @Test
        void writesAreRefused_whenNoTokenIsConfigured() {
            try (ApiGateway unconfigured = new ApiGateway(Map.of("broadsheet.api-token", ""))) {
                ApiGateway.Response response = unconfigured.fixture("post-articles-json");

                assertThat(response.status()).isEqualTo(401);
                assertThat(response.problem().detail()).contains("BROADSHEET_API_TOKEN");
            }
        }

        @Test
        void writesNeedNoToken_whenAuthIsOff() {
            try (ApiGateway open = new ApiGateway(Map.of("broadsheet.api-auth", "none", "broadsheet.api-token", ""))) {
                assertThat(open.fixture("post-articles-unauthenticated").status()).isEqualTo(202);
            }
        }

        @Test
        void readsArePublic() {
            publishedSample();

            assertThat(api.fixture("get-article").status()).isEqualTo(200);
        }
    }

    @Nested
    class ListArticles {

        @BeforeEach
        void threeArticles() {
            table.insert(record("tram-lines-00000001", "2025-09-05T08:00:00Z", List.of("Transit"), "positive"));
            table.insert(record("bus-cuts-00000002", "2025-09-07T08:00:00Z", List.of("Transit", "Budget"), "negative"));
            table.insert(record("reef-study-00000003", "2025-11-03T06:00:00Z", List.of("Science"), "negative"));
        }

        @Test
        void newestFirst_pageByPage_withTheCursor() {
            ApiGateway.Response first = api.call(ApiGateway.request("GET", "/articles").query("limit", "2").event());
            ArticleViews.ArticleList page1 = first.json(ArticleViews.ArticleList.class);

            assertThat(first.status()).isEqualTo(200);
            assertThat(page1.items()).extracting(ArticleViews.Summary::id).containsExactly("reef-study-00000003", "bus-cuts-00000002");
            assertThat(page1.nextCursor()).isNotBlank();

            ArticleViews.ArticleList page2 = api.call(ApiGateway.request("GET", "/articles").query("limit", "2")
                    .query("cursor", page1.nextCursor()).event()).json(ArticleViews.ArticleList.class);
            assertThat(page2.items()).extracting(ArticleViews.Summary::id).containsExactly("tram-lines-00000001");
            assertThat(page2.nextCursor()).isNull();
        }

        @Test
        void filtersByTag_fromTheFixture() {
            ArticleViews.ArticleList list = api.fixture("get-articles").json(ArticleViews.ArticleList.class);

            assertThat(list.items()).extracting(ArticleViews.Summary::id).containsExactly("bus-cuts-00000002", "tram-lines-00000001");
            assertThat(list.items().getFirst().pageUrl()).isEqualTo("https://news.example.org/bus-cuts-00000002.html");
        }

        @Test
        void filtersBySentimentLabel() {
            ArticleViews.ArticleList list = api.call(ApiGateway.request("GET", "/articles").query("sentiment", "negative")
                    .event()).json(ArticleViews.ArticleList.class);

            assertThat(list.items()).extracting(ArticleViews.Summary::sentimentLabel).containsOnly("negative").hasSize(2);
        }

        @Test
        void aLimitOutOfRange_answers400NamingIt() {
            ApiGateway.Response response = api.call(ApiGateway.request("GET", "/articles").query("limit", "500").event());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problem().errors()).extracting(Problem.FieldError::field).containsExactly("limit");
        }

        @Test
        void aForgedCursor_answers400NamingIt() {
            ApiGateway.Response response = api.call(ApiGateway.request("GET", "/articles").query("cursor", "not-a-cursor").event());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problem().errors()).extracting(Problem.FieldError::field).containsExactly("cursor");
        }
    }

    @Nested
    class GetArticle {

        @Test
        void answersTheFullRecord_withStatusPageUrlAndETag() {
            publishedSample();

            ApiGateway.Response response = api.fixture("get-article");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("ETag")).isEqualTo("\"v1-published\"");
            ArticleViews.Article article = response.json(ArticleViews.Article.class);
            assertThat(article.id()).isEqualTo(ID);
            assertThat(article.status()).isEqualTo(ArticleViews.Status.published);
            assertThat(article.pageUrl()).isEqualTo("https://news.example.org/" + ID + ".html");
            assertThat(article.analysis().wordCount()).isGreaterThan(400);
            assertThat(article.version()).isEqualTo(1);
            assertThat(response.body()).as("times are ISO-8601 strings, as in the stored record")
                    .containsPattern("\"createdAt\":\"\\d{4}-\\d{2}-\\d{2}T[^\"]+Z\"");
        }

        @Test
        void isProcessing_untilThePageIsInTheSiteBucket() {
            publishedSample();
            site.delete(ID + ".html");

            ApiGateway.Response response = api.fixture("get-article");

            assertThat(response.json(ArticleViews.Article.class).status()).isEqualTo(ArticleViews.Status.processing);
            assertThat(response.header("ETag")).isEqualTo("\"v1-processing\"");
        }

        @Test
        void answers304_whenIfNoneMatchHasTheCurrentETag() {
            publishedSample();

            ApiGateway.Response response = api.fixture("get-article-not-modified");

            assertThat(response.status()).isEqualTo(304);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("ETag")).isEqualTo("\"v1-published\"");
        }

        @Test
        void answers404_forAnUnknownId() {
            ApiGateway.Response response = api.fixture("get-article-unknown");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:not-found");
            assertThat(response.problem().instance()).isEqualTo("/articles/no-such-article-00000000");
        }

        @Test
        void answers400_forSomethingThatIsNotAnId() {
            ApiGateway.Response response = api.call(ApiGateway.request("GET", "/articles/Not_An_Id").event());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problem().errors()).extracting(Problem.FieldError::field).containsExactly("id");
        }
    }

    @Nested
    class Page {

        @Test
        void redirectsToThePublishedPage() {
            publishedSample();

            ApiGateway.Response response = api.fixture("get-article-page");

            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("Location")).isEqualTo("https://news.example.org/" + ID + ".html");
        }

        @Test
        void answersTheHtml_whenAskedInline() {
            publishedSample();

            ApiGateway.Response response = api.call(ApiGateway.request("GET", "/articles/" + ID + "/page")
                    .query("inline", "true").event());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("text/html");
            assertThat(response.body()).contains("Council Backs Two New Tram Lines");
        }

        @Test
        void answers404_untilThePageIsPublished() {
            ApiGateway.Response response = api.fixture("get-article-page");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:page-not-published");
        }
    }

    @Nested
    class Republish {

        @Test
        void rendersThePageAgain() {
            publishedSample();
            site.delete(ID + ".html");

            ApiGateway.Response response = api.fixture("post-article-republish");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json(ArticleViews.Republished.class).result()).isEqualTo("published");
            assertThat(site.text(ID + ".html")).contains("Council Backs Two New Tram Lines");
        }

        @Test
        void answers404_forAnUnknownArticle() {
            assertThat(api.fixture("post-article-republish").status()).isEqualTo(404);
        }
    }

    @Nested
    class Unpublish {

        @Test
        void deletesTheRecordAndThePage_butKeepsTheUpload() {
            publishedSample();

            ApiGateway.Response response = api.fixture("delete-article");

            assertThat(response.status()).isEqualTo(204);
            assertThat(table.find(ID)).isEmpty();
            assertThat(site.contains(ID + ".html")).isFalse();
            assertThat(articles.contains(UPLOAD)).isTrue();
            assertThat(api.fixture("get-article").status()).isEqualTo(404);
        }

        @Test
        void answers409_whenIfMatchNamesAnotherVersion() {
            publishedSample();

            ApiGateway.Response response = api.fixture("delete-article-conflict");

            assertThat(response.status()).isEqualTo(409);
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:version-conflict");
            assertThat(table.find(ID)).isPresent();
            assertThat(site.contains(ID + ".html")).isTrue();
        }

        @Test
        void answers400_forAnIfMatchThatIsNotAVersion() {
            publishedSample();

            ApiGateway.Response response = api.call(ApiGateway.request("DELETE", "/articles/" + ID).authorised()
                    .header("If-Match", "yesterday").event());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problem().errors()).extracting(Problem.FieldError::field).containsExactly("If-Match");
        }

        @Test
        void answers404_forAnUnknownArticle() {
            assertThat(api.fixture("delete-article").status()).isEqualTo(404);
        }
    }

    @Nested
    class Platform {

        @Test
        void health_answersUp() {
            ApiGateway.Response response = api.fixture("get-health");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }

        @Test
        void openApi_isServedAsYaml() {
            ApiGateway.Response response = api.fixture("get-openapi");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/yaml");
            assertThat(response.body()).startsWith("openapi: 3").contains("/articles/{id}/republish:");
        }

        @Test
        void anUnknownRoute_answersAProblem404() {
            ApiGateway.Response response = api.call(ApiGateway.request("GET", "/nothing-here").event());

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }

        @Test
        void aWrongMethod_answersAProblem405() {
            ApiGateway.Response response = api.call(ApiGateway.request("DELETE", "/health").event());

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.problem().type()).isEqualTo("urn:broadsheet:problem:method-not-allowed");
        }

        @Test
        void cors_preflightAllowsWritesFromAnyOrigin_withTheAuthorizationHeader() {
            ApiGateway.Response response = api.call(ApiGateway.request("OPTIONS", "/articles")
                    .header("Origin", "https://app.example.org")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization").event());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.org");
            assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        }

        @Test
        void cors_headersAreOnRefusedWritesToo() {
            ApiGateway.Response response = api.call(ApiGateway.request("POST", "/articles")
                    .header("Origin", "https://app.example.org").body("text/plain", "Title\n\nBody").event());

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.org");
        }
    }
}
