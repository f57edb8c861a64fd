package io.broadsheet.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Broadsheet's own settings, read from {@code broadsheet.*} properties or the matching environment
 * variables the SAM template sets ({@code BROADSHEET_ARTICLES_BUCKET}, ...). Validated at start-up,
 * so a function with a missing setting fails on init, not on its first event.
 *
 * <p>Checked by {@link #validate()} rather than by Bean Validation, whose validator, constraint beans
 * and Reactor every function loaded on each cold start for these five checks (docs/performance.md).
 */
@ConfigurationProperties("broadsheet")
public class BroadsheetConfiguration {

    /** Private bucket: uploads ({@code incoming/}), parsed articles and error records. */
    private String articlesBucket;

    /** Public bucket: the published pages. */
    private String siteBucket;

    /** The article table (with its stream). */
    private String tableName;

    /** URL the site bucket is served from (CloudFront or the bucket website), for canonical links and the feed. */
    private String siteBaseUrl = "http://localhost:8080/site/";

    private String siteName = "Broadsheet";

    /** Uploads larger than this are rejected by their size, before they are read. */
    private long maxUploadBytes = 5L * 1024 * 1024;

    /**
     * How the api function authorises writes (POST, DELETE): see {@link ApiAuth}. Reads are public.
     */
    private ApiAuth apiAuth = ApiAuth.TOKEN;

    /** The bearer token writes must present when {@link #apiAuth} is {@link ApiAuth#TOKEN}; unset = writes refused. */
    @Nullable
    private String apiToken;

    /**
     * Runs once the properties are bound; names every invalid setting by its property and its
     * environment variable.
     */
    @PostConstruct
    void validate() {
        List<String> problems = new ArrayList<>();
        requireText(problems, "articles-bucket", articlesBucket);
        requireText(problems, "site-bucket", siteBucket);
        requireText(problems, "table-name", tableName);
        requireText(problems, "site-base-url", siteBaseUrl);
        requireText(problems, "site-name", siteName);
        if (maxUploadBytes < 1) {
            problems.add(describe("max-upload-bytes") + " must be at least 1, was " + maxUploadBytes);
        }
        if (apiAuth == null) {
            problems.add(describe("api-auth") + " must be one of token, gateway, none");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Broadsheet configuration: " + String.join("; ", problems));
        }
    }

    private static void requireText(List<String> problems, String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(describe(key) + " must be set");
        }
    }

    private static String describe(String key) {
        return "broadsheet." + key + " (BROADSHEET_" + key.replace('-', '_').toUpperCase(Locale.ROOT) + ")";
    }

    /** The ways the api function can authorise a write. */
    public enum ApiAuth {
        /** {@code Authorization: Bearer <api-token>}; with no token configured every write is refused (401). */
        TOKEN,
        /** API Gateway has already authorised the call (API key on the write methods, see template.yaml). */
        GATEWAY,
        /** No check at all: only for a developer's own machine. */
        NONE
    }

    public String getArticlesBucket() {
        return articlesBucket;
    }

    public void setArticlesBucket(String articlesBucket) {
        this.articlesBucket = articlesBucket;
    }

    public String getSiteBucket() {
        return siteBucket;
    }

    public void setSiteBucket(String siteBucket) {
        this.siteBucket = siteBucket;
    }

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public String getSiteBaseUrl() {
        return siteBaseUrl;
    }

    public void setSiteBaseUrl(String siteBaseUrl) {
        this.siteBaseUrl = siteBaseUrl;
    }

    public String getSiteName() {
        return siteName;
    }

    public void setSiteName(String siteName) {
        this.siteName = siteName;
    }

    public long getMaxUploadBytes() {
        return maxUploadBytes;
    }

    public void setMaxUploadBytes(long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
    }

    public ApiAuth getApiAuth() {
        return apiAuth;
    }

    public void setApiAuth(ApiAuth apiAuth) {
        this.apiAuth = apiAuth;
    }

    @Nullable
    public String getApiToken() {
        return apiToken;
    }

    public void setApiToken(@Nullable String apiToken) {
        this.apiToken = apiToken;
    }
}
