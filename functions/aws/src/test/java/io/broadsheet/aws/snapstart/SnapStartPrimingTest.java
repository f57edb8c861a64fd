package io.broadsheet.aws.snapstart;

import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

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
    void prime_runsThePublishingFunctionsSteps_onTheSample_andWritesNothing() {
        try (ApplicationContext context = InMemoryContexts.start(SNAP_START)) {
            context.getBean(PublishArticleService.class);

            var primed = context.getBean(SnapStartPriming.class).prime();

            assertThat(primed).containsExactly("parse", "analyze", "record", "render");
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

            assertThat(primed).containsExactly("parse");
        }
    }
}
