package io.broadsheet.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wiring read from the project's own template.yaml, short tags and all. */
class SamTemplateTest {

    private final SamTemplate template = SamTemplate.locate(Path.of(""), SamTemplate.StackIdentity.LOCAL);

    @Test
    void functions_carryTheirTriggers() {
        assertThat(template.function("ParseArticleFunction").s3Triggers()).singleElement()
                .satisfies(t -> {
                    assertThat(t.bucketLogicalId()).isEqualTo("ArticlesBucket");
                    assertThat(t.prefix()).isEqualTo("incoming/");
                    assertThat(t.matches("ObjectCreated:Put", "incoming/a.md")).isTrue();
                    assertThat(t.matches("ObjectCreated:Put", "parsed/a.json")).isFalse();
                    assertThat(t.matches("ObjectRemoved:Delete", "incoming/a.md")).isFalse();
                });
        assertThat(template.function("PublishArticleFunction").streamTriggers()).singleElement()
                .satisfies(t -> {
                    assertThat(t.tableLogicalId()).isEqualTo("ArticlesTable");
                    assertThat(t.reportBatchItemFailures()).isTrue();
                });
        assertThat(template.function("ApiFunction").apiTriggers()).isNotEmpty();
    }

    @Test
    void functions_carryTheirAsyncRetries_orLambdasDefaultOfTwo() {
        SamTemplate twoFunctions = SamTemplate.parse("""
                Resources:
                  Once:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.Handler
                      EventInvokeConfig:
                        MaximumRetryAttempts: 0
                  Default:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: b.Handler
                """, SamTemplate.StackIdentity.LOCAL);

        assertThat(twoFunctions.function("Once").maximumAsyncRetries()).isZero();
        assertThat(twoFunctions.function("Default").maximumAsyncRetries()).isEqualTo(2);
        assertThat(template.function("AnalyzeArticleFunction").maximumAsyncRetries()).isEqualTo(2);
    }

    @Test
    void table_hasKeysIndexAndStream() {
        SamTemplate.TableSpec table = template.table("ArticlesTable");
        assertThat(table.keySchema()).extracting(SamTemplate.KeyElement::attributeName).containsExactly("id");
        assertThat(table.globalSecondaryIndexes()).extracting(SamTemplate.IndexSpec::indexName).contains("byDate");
        assertThat(table.streamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void environment_isEvaluatedForTheLocalStack() {
        Map<String, String> env = template.functionEnvironment(Map.of());
        assertThat(env.get("BROADSHEET_ARTICLES_BUCKET")).isEqualTo("broadsheet-articles-000000000000");
        assertThat(env.get("BROADSHEET_SITE_BASE_URL")).startsWith("http://broadsheet-site-000000000000.s3-website-us-east-1");
        assertThat(template.functionEnvironment(Map.of("SiteBaseUrl", "https://news.example/")).get("BROADSHEET_SITE_BASE_URL"))
                .isEqualTo("https://news.example/");
    }

    @Test
    void environmentVariables_becomeMicronautProperties() {
        assertThat(FunctionSettings.propertyName("BROADSHEET_SITE_BASE_URL")).isEqualTo("broadsheet.site-base-url");
    }
}
