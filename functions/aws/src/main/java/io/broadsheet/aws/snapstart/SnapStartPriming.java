package io.broadsheet.aws.snapstart;

import io.broadsheet.aws.ArticleItems;
import io.broadsheet.aws.BroadsheetConfiguration;
import io.broadsheet.aws.DynamoArticleTable;
import io.broadsheet.aws.PipelineFactory;
import io.broadsheet.aws.S3ObjectStore;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.analysis.SentimentAnalyzer;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ContentHash;
import io.broadsheet.core.model.Insight;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.Sentiment;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.model.SourceRef;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.pipeline.AnalyzeArticleService;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.pipeline.ArticleTable;
import io.broadsheet.core.pipeline.ObjectStore;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.broadsheet.core.render.SiteRenderer;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function, run the work its
 * first event would otherwise do for the first time (class loading, static initialisers, lambdas,
 * the SDK's endpoint rules and marshallers, the first connection), so a restored function starts
 * warm. Only registered when the function is initialised for SnapStart
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), so an on-demand cold start pays nothing.
 *
 * <p>Each function primes what it has built: the parsers when it holds the parse step, the analyser
 * when it holds the analyse step, the renderer when it publishes; always on a built-in sample, never
 * on stored data. The SDK clients make reads of keys that do not exist ({@value #PRIMING_KEY},
 * {@value #PRIMING_ID}); writes are marshalled and then stopped before they are signed, so priming
 * changes nothing in the buckets or the table. Then every call the steps make (conditional writes,
 * reads that find something, listings, deletes) goes all the way to a {@link LoopbackCloud}, through
 * clients like the function's but pointed there: signing, chunked uploads and the parsing of a
 * success, which the calls to the real cloud stop short of, are then done before the snapshot too.
 * Nothing here may fail the snapshot: every failure is logged and priming goes on.
 */
@Context
@Requires(property = SnapStartPriming.INITIALIZATION_TYPE, value = SnapStartPriming.SNAP_START)
public final class SnapStartPriming implements Resource {

    /** Micronaut's name for {@code AWS_LAMBDA_INITIALIZATION_TYPE}, which Lambda sets. */
    public static final String INITIALIZATION_TYPE = "aws.lambda.initialization-type";
    public static final String SNAP_START = "snap-start";
    /** An object key that is never written: the S3 reads get a 404. */
    static final String PRIMING_KEY = "snapstart-priming/absent.json";
    /** An article id that is never written: the DynamoDB read finds nothing. */
    static final String PRIMING_ID = "snapstart-priming-absent";

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final String SAMPLE = "priming-article.md";

    private final BeanContext beans;

    SnapStartPriming(BeanContext beans) {
        this.beans = beans;
        // org.crac keeps a weak reference: the context holding this singleton keeps it alive.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long started = System.nanoTime();
        List<String> primed = prime();
        LOG.info("SnapStart priming done in {} ms: {}", (System.nanoTime() - started) / 1_000_000, primed);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: credentials come from the SDK's provider chain, connections are re-opened on demand.
    }

    /** Runs the priming for what this function has built; returns what was primed, for the log and tests. */
    List<String> prime() {
        List<String> primed = new ArrayList<>();
        boolean parses = built(ParseArticleService.class);
        boolean analyses = built(AnalyzeArticleService.class);
        boolean publishes = built(PublishArticleService.class);
        Article article = attempt("parse", primed, () -> parseSamples(parses));
        if (article == null) {
            return primed;
        }
        Analysis analysis = analyses ? attempt("analyze", primed, () -> beans.getBean(ArticleAnalyzer.class).analyze(article))
                : publishes ? sampleAnalysis(article) : null;
        ArticleRecord record = analysis == null ? null : sampleRecord(article, analysis);
        if (record != null) {
            attempt("record", primed, () -> ArticleItems.fromItem(ArticleItems.toItem(record)));
        }
        if (publishes && record != null) {
            attempt("render", primed, () -> render(record, article));
        }
        if (built(S3Client.class)) {
            attempt("s3", primed, this::primeS3);
        }
        if (built(DynamoDbClient.class) && record != null) {
            attempt("dynamodb", primed, () -> primeDynamo(record));
        }
        if (built(S3Client.class) || built(DynamoDbClient.class) && record != null) {
            attempt("loopback", primed, () -> primeRoundTrips(record));
        }
        return primed;
    }

    private boolean built(Class<?> type) {
        return !beans.getActiveBeanRegistrations(type).isEmpty();
    }

    /** The sample in every accepted format when the function parses uploads, else only as Markdown. */
    private static Article parseSamples(boolean allFormats) {
        byte[] markdown = sample();
        ArticleParsers parsers = new ArticleParsers();
        Article article = parsers.parse("incoming/" + SAMPLE, "text/markdown", markdown).article();
        if (allFormats) {
            String paragraphs = String.join("\n\n", article.paragraphs());
            parsers.parse("incoming/priming.txt", "text/plain", (article.title() + "\n\n" + paragraphs).getBytes(StandardCharsets.UTF_8));
            parsers.parse("incoming/priming.json", "application/json", ArticleJson.write(new JsonUpload(
                    article.title(), article.author(), article.publishedAt(), article.tags(), paragraphs)));
            StringBuilder html = new StringBuilder("<!doctype html><html><head><title>").append(escape(article.title()))
                    .append("</title></head><body><article><h1>").append(escape(article.title())).append("</h1>");
            article.paragraphs().forEach(p -> html.append("<p>").append(escape(p)).append("</p>"));
            parsers.parse("incoming/priming.html", "text/html", html.append("</article></body></html>").toString()
                    .getBytes(StandardCharsets.UTF_8));
            SourceRef source = new SourceRef("incoming/" + SAMPLE, "etag", null, SourceFormat.MARKDOWN, markdown.length);
            ArticleJson.read(ArticleJson.write(new ParsedArticle(PRIMING_ID, source, article, ContentHash.of(article))),
                    ParsedArticle.class);
        }
        return article;
    }

    /** The shape of a JSON upload (see the JSON parser). */
    private record JsonUpload(String title, String author, Instant publishedAt, List<String> tags, String body) {
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * What publish renders when the function does not analyse: a fixed analysis of the sample, so
     * that the publish function never loads the encoder, which only the analyze function carries.
     */
    private static Analysis sampleAnalysis(Article article) {
        List<String> paragraphs = article.paragraphs();
        return new Analysis("en", 120, 1, new Sentiment(60, SentimentAnalyzer.label(60),
                List.of("Pulls the tone down most (30 %): “" + paragraphs.get(0) + "”",
                        "Lifts the tone most (80 %): “" + paragraphs.get(paragraphs.size() - 1) + "”",
                        "Overall positive (60 %): 1 of 3 sentences read negative, 1 positive.")),
                paragraphs.subList(0, Math.min(2, paragraphs.size())),
                List.of(new Insight(article.title(), paragraphs.get(0))), List.of("sample"));
    }

    private static ArticleRecord sampleRecord(Article article, Analysis analysis) {
        Instant now = Instant.now();
        return new ArticleRecord(PRIMING_ID, 1, ContentHash.of(article), "incoming/" + SAMPLE, null,
                "parsed/" + PRIMING_ID + ".json", article.title(), article.author(), article.authorRole(),
                article.publishedAt(), article.tags(), analysis, now, now);
    }

    private Object render(ArticleRecord record, Article article) {
        SiteRenderer renderer = beans.getBean(SiteRenderer.class);
        List<ArticleRecord> records = List.of(record);
        renderer.articlePage(record, article);
        renderer.index(records);
        record.tags().forEach(tag -> renderer.tagPage(tag, records));
        renderer.feed(records);
        return renderer.sitemap(records);
    }

    /** Reads of an absent key through the store (a real round trip), then a write stopped before signing. */
    private Object primeS3() {
        ObjectStore articles = beans.getBean(ObjectStore.class, Qualifiers.byName(PipelineFactory.ARTICLES));
        articles.head(PRIMING_KEY);
        articles.get(PRIMING_KEY, 1024);
        String bucket = beans.getBean(BroadsheetConfiguration.class).getArticlesBucket();
        unsent(() -> beans.getBean(S3Client.class).putObject(b -> b.bucket(bucket).key(PRIMING_KEY)
                        .contentType("application/json").overrideConfiguration(o -> o.credentialsProvider(NOT_SENT)),
                RequestBody.fromBytes("{}".getBytes(StandardCharsets.UTF_8))));
        return bucket;
    }

    /** A read of an absent item through the table (a real round trip), then a conditional write stopped before signing. */
    private Object primeDynamo(ArticleRecord record) {
        beans.getBean(ArticleTable.class).find(PRIMING_ID);
        String table = beans.getBean(BroadsheetConfiguration.class).getTableName();
        unsent(() -> beans.getBean(DynamoDbClient.class).putItem(b -> b.tableName(table).item(ArticleItems.toItem(record))
                .conditionExpression("attribute_not_exists(id)")
                .overrideConfiguration(o -> o.credentialsProvider(NOT_SENT))));
        return table;
    }

    /**
     * Every kind of call the steps make, sent all the way to a {@link LoopbackCloud} through clients
     * built like the function's (its HTTP client and region) but pointed at the stand-in.
     */
    private Object primeRoundTrips(ArticleRecord record) {
        SdkHttpClient http = beans.getBean(SdkHttpClient.class);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
        try (LoopbackCloud cloud = LoopbackCloud.start()) {
            if (built(S3Client.class)) {
                var region = beans.getBean(S3Client.class).serviceClientConfiguration().region();
                try (S3Client s3 = S3Client.builder().httpClient(http).credentialsProvider(credentials).region(region)
                        .endpointOverride(cloud.endpoint()).forcePathStyle(true).build()) {
                    ObjectStore store = new S3ObjectStore(s3, "priming");
                    store.put(PRIMING_KEY, content, "application/json", "max-age=60");
                    store.putIfMatch(PRIMING_KEY, content, "application/json", null);
                    store.putIfMatch(PRIMING_KEY, content, "application/json", "\"priming\"");
                    store.head(PRIMING_KEY);
                    store.get(PRIMING_KEY, 1024);
                    store.list("snapstart-priming/");
                    store.delete(PRIMING_KEY);
                }
            }
            if (built(DynamoDbClient.class) && record != null) {
                var region = beans.getBean(DynamoDbClient.class).serviceClientConfiguration().region();
                try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).credentialsProvider(credentials)
                        .region(region).endpointOverride(cloud.endpoint()).build()) {
                    ArticleTable table = new DynamoArticleTable(dynamo, "priming");
                    table.find(PRIMING_ID);
                    table.insert(record);
                    table.replace(record, record.version());
                    table.list(ArticleTable.ArticleQuery.all(10));
                    table.delete(PRIMING_ID, record.version());
                }
            }
            return cloud.endpoint();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Credentials that never resolve: a request using them is marshalled, then fails before it is signed or sent. */
    private static final IdentityProvider<AwsCredentialsIdentity> NOT_SENT = new IdentityProvider<>() {
        @Override
        public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
        }

        @Override
        public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
            return CompletableFuture.failedFuture(new NotSentException());
        }
    };

    private static void unsent(Runnable call) {
        try {
            call.run();
            throw new IllegalStateException("a priming write was sent");
        } catch (RuntimeException e) {
            if (!causedByNotSent(e)) {
                throw e;
            }
        }
    }

    private static boolean causedByNotSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotSentException) {
                return true;
            }
        }
        return false;
    }

    /** Marks the failure that stops a priming write. */
    private static final class NotSentException extends RuntimeException {
        NotSentException() {
            super("priming request: not sent", null, false, false);
        }
    }

    private static <T> T attempt(String what, List<String> primed, java.util.function.Supplier<T> step) {
        try {
            T result = step.get();
            primed.add(what);
            return result;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a runtime without a module priming uses (say jdk.httpserver) must still snapshot.
            LOG.warn("SnapStart priming of {} failed (the function still works; its first event pays instead): {}", what, e.toString());
            return null;
        }
    }

    private static byte[] sample() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SAMPLE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
