package io.broadsheet.aws.snapstart;

import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.pipeline.AnalyzeArticleService;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** In the analyze function's own context (its jar's beans), as SnapStart initialises it. */
class AnalyzeFunctionPrimingTest {

    @Test
    void theAnalyzeFunction_analysesTheSampleWithTheEncoder_beforeTheSnapshot() {
        try (ApplicationContext context = InMemoryContexts.start(
                Map.of(SnapStartPriming.INITIALIZATION_TYPE, SnapStartPriming.SNAP_START))) {
            context.getBean(AnalyzeArticleService.class);

            var primed = context.getBean(SnapStartPriming.class).prime();

            assertThat(primed).containsSequence("parse", "analyze", "record");
            // the function's own analyser, with the sentence encoder, not the tests' neutral stand-in
            assertThat(context.getBean(ArticleAnalyzer.class).sentimentOf("This is wonderful news.").score()).isGreaterThan(55);
        }
    }
}
