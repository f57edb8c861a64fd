package io.broadsheet.aws.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.aws.testing.TestLambdaContext;
import io.micronaut.context.BeanProvider;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final InvocationLog log = new InvocationLog(provider(new TestLambdaContext("ParseArticleFunction")),
            lines::add, Clock.fixed(Instant.parse("2026-11-25T05:00:00Z"), ZoneOffset.UTC));

    @Test
    void processed_writesOneJsonLine_withRequestIdArticleIdAndAnEmbeddedCount() throws Exception {
        log.processed("parse", "incoming/a.txt", "a-1234", "parsed");

        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("timestamp").asText()).isEqualTo("2026-11-25T05:00:00Z");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("requestId").asText()).isEqualTo("6bc28136-xmpl-4365-b021-0ce6b2e64ab0");
        assertThat(line.path("functionName").asText()).isEqualTo("ParseArticleFunction");
        assertThat(line.path("function").asText()).isEqualTo("parse");
        assertThat(line.path("articleId").asText()).isEqualTo("a-1234");
        assertThat(line.path("key").asText()).isEqualTo("incoming/a.txt");
        assertThat(line.path("outcome").asText()).isEqualTo("parsed");
        JsonNode metrics = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(Instant.parse("2026-11-25T05:00:00Z").toEpochMilli());
        assertThat(metrics.path("Namespace").asText()).isEqualTo("Broadsheet");
        assertThat(metrics.path("Dimensions").toString()).isEqualTo("[[\"function\"]]");
        assertThat(metrics.path("Metrics").get(0).path("Name").asText()).isEqualTo("ArticlesProcessed");
        assertThat(line.path("ArticlesProcessed").asInt()).isEqualTo(1);
    }

    @Test
    void rejectedAndFailed_countTheirOwnMetric_andCutLongMessages() throws Exception {
        log.rejected("analyze", "parsed/a.json", null, "MALFORMED", "x".repeat(1000));
        log.failed("publish", "stream record 1", null, new IllegalStateException("table\nunavailable"));

        JsonNode rejected = JSON.readTree(lines.get(0));
        JsonNode failed = JSON.readTree(lines.get(1));
        assertThat(rejected.path("level").asText()).isEqualTo("WARN");
        assertThat(rejected.path("ArticlesRejected").asInt()).isEqualTo(1);
        assertThat(rejected.has("ArticlesProcessed")).isFalse();
        assertThat(rejected.path("reason").asText()).isEqualTo("MALFORMED");
        assertThat(rejected.path("detail").asText()).hasSize(InvocationLog.MAX_MESSAGE + 1);
        assertThat(failed.path("level").asText()).isEqualTo("ERROR");
        assertThat(failed.path("ArticlesFailed").asInt()).isEqualTo(1);
        assertThat(failed.path("error").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.path("detail").asText()).isEqualTo("table unavailable");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    }

    @Test
    void lines_haveNoRequestId_outsideAnInvocation() throws Exception {
        InvocationLog outside = new InvocationLog(provider(null), lines::add, Clock.systemUTC());

        outside.processed("parse", "incoming/a.txt", "a-1234", "parsed");

        assertThat(JSON.readTree(lines.get(0)).path("requestId").isNull()).isTrue();
    }

    private static BeanProvider<Context> provider(Context context) {
        return new BeanProvider<>() {
            @Override
            public Context get() {
                return context;
            }

            @Override
            public boolean isPresent() {
                return context != null;
            }
        };
    }
}
