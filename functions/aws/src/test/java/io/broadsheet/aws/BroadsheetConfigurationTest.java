package io.broadsheet.aws;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BroadsheetConfigurationTest {

    private static final Map<String, Object> REQUIRED = Map.of(
            "broadsheet.articles-bucket", "articles",
            "broadsheet.site-bucket", "site",
            "broadsheet.table-name", "articles-table");

    private static BroadsheetConfiguration configuration(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return context.getBean(BroadsheetConfiguration.class);
        }
    }

    @Test
    void binds_theRequiredSettings_andDefaultsTheRest() {
        BroadsheetConfiguration config = configuration(REQUIRED);

        assertThat(config.getArticlesBucket()).isEqualTo("articles");
        assertThat(config.getSiteBucket()).isEqualTo("site");
        assertThat(config.getTableName()).isEqualTo("articles-table");
        assertThat(config.getMaxUploadBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.getApiAuth()).isEqualTo(BroadsheetConfiguration.ApiAuth.TOKEN);
        assertThat(config.getApiToken()).isNull();
    }

    @Test
    void binds_theApiSettings_fromLowerCaseValues() {
        Map<String, Object> properties = new HashMap<>(REQUIRED);
        properties.put("broadsheet.api-auth", "none");
        properties.put("broadsheet.api-token", "s3cret");
        properties.put("broadsheet.max-upload-bytes", "1024");

        BroadsheetConfiguration config = configuration(properties);

        assertThat(config.getApiAuth()).isEqualTo(BroadsheetConfiguration.ApiAuth.NONE);
        assertThat(config.getApiToken()).isEqualTo("s3cret");
        assertThat(config.getMaxUploadBytes()).isEqualTo(1024);
    }

    @Test
    void refusesToStart_whenABucketIsMissing() {
        Map<String, Object> properties = new HashMap<>(REQUIRED);
        properties.remove("broadsheet.site-bucket");

        assertThatThrownBy(() -> configuration(properties))
                .hasStackTraceContaining("broadsheet.site-bucket (BROADSHEET_SITE_BUCKET) must be set");
    }

    @Test
    void refusesToStart_whenASettingIsBlank_andNamesEveryProblem() {
        Map<String, Object> properties = new HashMap<>(REQUIRED);
        properties.put("broadsheet.table-name", " ");
        properties.put("broadsheet.site-name", "");

        assertThatThrownBy(() -> configuration(properties))
                .hasStackTraceContaining("broadsheet.table-name (BROADSHEET_TABLE_NAME) must be set; "
                        + "broadsheet.site-name (BROADSHEET_SITE_NAME) must be set");
    }

    @Test
    void refusesToStart_whenTheUploadLimitIsNotPositive() {
        Map<String, Object> properties = new HashMap<>(REQUIRED);
        properties.put("broadsheet.max-upload-bytes", "0");

        assertThatThrownBy(() -> configuration(properties))
                .hasStackTraceContaining("broadsheet.max-upload-bytes (BROADSHEET_MAX_UPLOAD_BYTES) must be at least 1, was 0");
    }
}
