package io.broadsheet.aws.snapstart;

import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.pipeline.PublishArticleService;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {

    private static final Map<String, Object> SNAP_START = Map.of(SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START);

    @Test
    void priming_isNotRegistered_onAnOnDemandStart() {
        try (ApplicationContext context = InMemoryContexts.start(Map.of(SnapStartPriming.INITIALIZATION_TYPE, "on-demand"))) {
            assertThat(context.findBean(SnapStartPriming.class)).isEmpty();
        }
    }

    @Test
    void prime_runsThePublishingFunctionsSteps_onTheSample_withoutTheEncoder_andWritesNothing() {
        try (ApplicationContext context = InMemoryContexts.start(SNAP_START)) {
            context.getBean(PublishArticleService.class);

            var primed = context.getBean(SnapStartPriming.class).prime();

            assertThat(primed).containsExactly("parse", "record", "render");
            assertThat(InMemoryContexts.articles(context).list("")).isEmpty();
            assertThat(InMemoryContexts.site(context).list("")).isEmpty();
            assertThat(InMemoryContexts.table(context).find(SnapStartPriming.PRIMING_ID)).isEmpty();
        }
    }

    @Test
    void prime_goesOn_whenTheCloudCannotBeReached() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(Map.of(
                SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START,
                "broadsheet.articles-bucket", "articles", "broadsheet.site-bucket", "site", "broadsheet.table-name", "table",
                "aws.region", "us-east-1", "aws.access-key-id", "test", "aws.secret-access-key", "test",
                // Nothing listens on the discard port: every S3 call fails to connect.
                "aws.services.s3.endpoint-override", "http://127.0.0.1:9",
                "aws.services.s3.path-style-access", "true")).start()) {
            context.getBean(ParseArticleService.class);

            var primed = context.getBean(SnapStartPriming.class).prime();

            assertThat(primed).containsExactly("parse", "loopback");
        }
    }

    @Test
    void prime_onlyReadsFromTheRealCloud_andSendsEveryWriteToTheLoopbackStandIn() throws IOException {
        // GIVEN the functions' S3 and DynamoDB endpoints, answering "not found" as S3 and DynamoDB do, and recording every call
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer cloud = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cloud.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                calls.add(target != null ? target.substring(target.indexOf('.') + 1) : exchange.getRequestMethod());
                if (target != null) {
                    byte[] body = "{}".getBytes();
                    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } else if (exchange.getRequestMethod().equals("GET")) {
                    byte[] body = "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>".getBytes();
                    exchange.getResponseHeaders().set("Content-Type", "application/xml");
                    exchange.sendResponseHeaders(404, body.length);
                    exchange.getResponseBody().write(body);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        cloud.start();
        String endpoint = "http://127.0.0.1:" + cloud.getAddress().getPort();
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(Map.of(
                SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START,
                "broadsheet.articles-bucket", "articles", "broadsheet.site-bucket", "site", "broadsheet.table-name", "table",
                "aws.region", "us-east-1", "aws.access-key-id", "test", "aws.secret-access-key", "test",
                "aws.services.s3.endpoint-override", endpoint,
                "aws.services.s3.path-style-access", "true",
                "aws.services.dynamodb.endpoint-override", endpoint)).start()) {
            context.getBean(PublishArticleService.class);

            // WHEN the publishing function primes
            var primed = context.getBean(SnapStartPriming.class).prime();

            // THEN every step ran, and the real endpoints saw reads of absent keys only
            assertThat(primed).containsExactly("parse", "record", "render", "s3", "dynamodb", "loopback");
            assertThat(calls).containsExactlyInAnyOrder("HEAD", "GET", "GetItem");
        } finally {
            cloud.stop(0);
        }
    }
}
