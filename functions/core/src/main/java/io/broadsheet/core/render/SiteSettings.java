package io.broadsheet.core.render;

/**
 * What pages need to know about the site they are published on.
 *
 * @param baseUrl  absolute URL the site bucket is served from, ending in {@code /}
 *                 (canonical links, feed and sitemap need absolute URLs)
 * @param siteName shown in the header and the feed
 */
public record SiteSettings(String baseUrl, String siteName) {

    public SiteSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        if (siteName == null || siteName.isBlank()) {
            siteName = "Broadsheet";
        }
    }

    public String url(String key) {
        return baseUrl + key;
    }
}
