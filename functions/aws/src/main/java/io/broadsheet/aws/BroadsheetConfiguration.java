package io.broadsheet.aws;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Broadsheet's own settings, read from {@code broadsheet.*} properties or the matching environment
 * variables the SAM template sets ({@code BROADSHEET_ARTICLES_BUCKET}, ...). Validated at start-up,
 * so a function with a missing setting fails on init, not on its first event.
 */
@ConfigurationProperties("broadsheet")
public class BroadsheetConfiguration {

    /** Private bucket: uploads ({@code incoming/}), parsed articles and error records. */
    @NotBlank
    private String articlesBucket;

    /** Public bucket: the published pages. */
    @NotBlank
    private String siteBucket;

    /** The article table (with its stream). */
    @NotBlank
    private String tableName;

    /** URL the site bucket is served from (CloudFront or the bucket website), for canonical links and the feed. */
    @NotBlank
    private String siteBaseUrl = "http://localhost:8080/site/";

    @NotBlank
    private String siteName = "Broadsheet";

    /** Uploads larger than this are rejected by their size, before they are read. */
    @Min(1)
    private long maxUploadBytes = 5L * 1024 * 1024;

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
}
