package io.broadsheet.aws;

import io.broadsheet.core.pipeline.ParseArticleService;
import io.broadsheet.core.render.SiteRenderer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The context a handler builds on Lambda (its no-argument constructor), configured here by system properties. */
class EventRequestHandlerTest {

    private static final Map<String, String> SETTINGS = Map.of(
            "broadsheet.articles-bucket", "articles",
            "broadsheet.site-bucket", "site",
            "broadsheet.table-name", "table",
            "aws.region", "eu-west-1",
            "aws.access-key-id", "test",
            "aws.secret-access-key", "test");

    /** A function whose step is parsing, like the parse function. */
    static class ParsingHandler extends EventRequestHandler<Map<String, Object>, String> {
        @Inject
        ParseArticleService service;

        @Override
        public String execute(Map<String, Object> input) {
            return "ok";
        }
    }

    @AfterEach
    void clearSettings() {
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    @Test
    void lambdaContext_buildsWhatTheHandlerInjects_andNothingElse() {
        SETTINGS.forEach(System::setProperty);
        ParsingHandler handler = new ParsingHandler();
        try (var context = handler.getApplicationContext()) {
            assertThat(handler.service).isNotNull();
            assertThat(context.getActiveBeanRegistrations(S3Client.class)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(DynamoDbClient.class)).isEmpty();
            assertThat(context.getActiveBeanRegistrations(SiteRenderer.class)).isEmpty();
            assertThat(context.getEnvironment().getActiveNames()).containsExactlyInAnyOrder("function", "lambda");
        }
    }

    @Test
    void lambdaContext_failsTheInit_whenASettingIsMissing() {
        SETTINGS.forEach(System::setProperty);
        System.clearProperty("broadsheet.table-name");

        assertThatThrownBy(ParsingHandler::new)
                .hasStackTraceContaining("broadsheet.table-name (BROADSHEET_TABLE_NAME) must be set");
    }
}
