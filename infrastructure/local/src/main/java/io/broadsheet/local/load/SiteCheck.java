package io.broadsheet.local.load;

import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.local.LocalCloud;
import org.jsoup.Jsoup;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a settled cloud back through its public APIs and says whether every article arrived exactly
 * once: a record of version 1 per upload, a page and a JSON record per record and none without one,
 * each article once in the sitemap, the index's newest {@value #INDEX_SIZE} without repeats, no tag
 * page listing an article twice, no error record and no failed invocation. The burst check asserts it;
 * {@code bench e2e} prints it next to its timings.
 */
public final class SiteCheck {

    /** How many articles the index shows (the publish step's listing size). */
    static final int INDEX_SIZE = 50;
    private static final Pattern PAGE = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)\\.html$");
    private static final Pattern LOC = Pattern.compile("<loc>([^<]*)</loc>");
    private static final int MAX_PROBLEMS = 20;

    private SiteCheck() {
    }

    /**
     * @param uploads            how many articles were uploaded ({@code ids} may be fewer if the key mapped twice)
     * @param records            records in the table
     * @param versionOne         of {@code ids}, records at version 1
     * @param pages              article pages in the site bucket
     * @param jsonRecords        JSON records in the site bucket
     * @param sitemapArticles    article URLs in the sitemap
     * @param indexArticles      cards on the index
     * @param errorRecords       error records in the articles bucket
     * @param failedInvocations  invocations that failed after their retries
     * @param problems           what is wrong, at most {@value #MAX_PROBLEMS} lines (plus a count of the rest); empty when all is well
     */
    public record Report(int uploads, int records, int versionOne, int pages, int jsonRecords, int sitemapArticles,
                         int indexArticles, int errorRecords, int failedInvocations, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        /** {@code key=value} pairs for a figure line. */
        public String summary() {
            return "records=" + records + " version1=" + versionOne + " pages=" + pages + " json=" + jsonRecords
                    + " sitemap=" + sitemapArticles + " index=" + indexArticles + " error_records=" + errorRecords
                    + " failed=" + failedInvocations + " problems=" + problems.size();
        }
    }

    /** Checks the cloud's end state for the articles {@code ids} (the table may hold others, which must be whole too). */
    public static Report check(LocalCloud cloud, S3Client s3, DynamoDbClient dynamoDb, Collection<String> ids) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> versions = tableVersions(dynamoDb, cloud.tableName());
        int versionOne = 0;
        for (String id : ids) {
            Long version = versions.get(id);
            if (version == null) {
                problems.add("no record for " + id);
            } else if (version == 1) {
                versionOne++;
            } else {
                problems.add(id + " is at version " + version);
            }
        }

        Set<String> pages = new TreeSet<>();
        Set<String> jsonKeys = new TreeSet<>();
        List<String> tagPages = new ArrayList<>();
        for (S3Object o : list(s3, cloud.siteBucket(), "")) {
            String key = o.key();
            if (key.startsWith(ArticleKeys.RECORDS) && key.endsWith(".json")) {
                jsonKeys.add(key.substring(ArticleKeys.RECORDS.length(), key.length() - ".json".length()));
            } else if (key.startsWith(ArticleKeys.TAGS)) {
                tagPages.add(key);
            } else if (key.endsWith(".html") && !key.contains("/") && !key.equals("index.html")) {
                pages.add(key.substring(0, key.length() - ".html".length()));
            }
        }
        compare("page", pages, versions.keySet(), problems);
        compare("JSON record", jsonKeys, versions.keySet(), problems);
        for (String id : ids) {
            text(s3, cloud.siteBucket(), ArticleKeys.recordKey(id)).ifPresent(json -> {
                ArticleRecord record = ArticleJson.read(json.getBytes(StandardCharsets.UTF_8), ArticleRecord.class);
                if (!record.id().equals(id) || record.version() != versions.getOrDefault(id, -1L)) {
                    problems.add("JSON record of " + id + " is " + record.id() + " v" + record.version());
                }
            });
        }

        List<String> sitemap = new ArrayList<>();
        Matcher loc = LOC.matcher(text(s3, cloud.siteBucket(), "sitemap.xml").orElse(""));
        while (loc.find()) {
            articleId(loc.group(1)).filter(id -> !id.equals("index") && !loc.group(1).contains("/tags/")).ifPresent(sitemap::add);
        }
        exactlyOnce("sitemap.xml", sitemap, versions.keySet(), problems);

        List<String> index = linkedArticles(s3, cloud.siteBucket(), "index.html");
        if (index.size() != Math.min(INDEX_SIZE, versions.size()) || new LinkedHashSet<>(index).size() != index.size()
                || !versions.keySet().containsAll(index)) {
            problems.add("index.html lists " + index.size() + " cards (" + new LinkedHashSet<>(index).size()
                    + " distinct) for " + versions.size() + " records");
        }
        for (String tagPage : tagPages) {
            List<String> tagged = linkedArticles(s3, cloud.siteBucket(), tagPage);
            if (new LinkedHashSet<>(tagged).size() != tagged.size()) {
                problems.add(tagPage + " lists an article twice");
            }
        }

        int errorRecords = list(s3, cloud.articlesBucket(), ArticleKeys.REJECTED).size();
        if (errorRecords > 0) {
            problems.add(errorRecords + " error records under " + ArticleKeys.REJECTED);
        }
        int failed = cloud.failures().size();
        if (failed > 0) {
            problems.add(failed + " failed invocations, first: " + cloud.failures().getFirst().error());
        }
        List<String> shown = problems.size() <= MAX_PROBLEMS ? problems : new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        if (problems.size() > MAX_PROBLEMS) {
            shown.add("... and " + (problems.size() - MAX_PROBLEMS) + " more");
        }
        return new Report(ids.size(), versions.size(), versionOne, pages.size(), jsonKeys.size(), sitemap.size(),
                index.size(), errorRecords, failed, List.copyOf(shown));
    }

    private static Map<String, Long> tableVersions(DynamoDbClient dynamoDb, String table) {
        Map<String, Long> versions = new HashMap<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true).projectionExpression("id, version"))
                .items().forEach(item -> {
                    AttributeValue version = item.get("version");
                    versions.put(item.get("id").s(), version == null ? -1 : Long.parseLong(version.n()));
                });
        return versions;
    }

    private static void compare(String what, Set<String> found, Set<String> records, List<String> problems) {
        records.stream().filter(id -> !found.contains(id)).forEach(id -> problems.add("no " + what + " for " + id));
        found.stream().filter(id -> !records.contains(id)).forEach(id -> problems.add(what + " without a record: " + id));
    }

    private static void exactlyOnce(String where, List<String> listed, Set<String> records, List<String> problems) {
        Map<String, Integer> counts = new HashMap<>();
        listed.forEach(id -> counts.merge(id, 1, Integer::sum));
        records.stream().filter(id -> counts.getOrDefault(id, 0) != 1)
                .forEach(id -> problems.add(where + " lists " + id + " " + counts.getOrDefault(id, 0) + " times"));
        counts.keySet().stream().filter(id -> !records.contains(id)).forEach(id -> problems.add(where + " lists " + id + ", which has no record"));
    }

    private static List<String> linkedArticles(S3Client s3, String bucket, String key) {
        List<String> ids = new ArrayList<>();
        text(s3, bucket, key).ifPresent(html -> Jsoup.parse(html).select(".card h2 a[href]")
                .forEach(a -> articleId(a.attr("href")).ifPresent(ids::add)));
        return ids;
    }

    private static Optional<String> articleId(String url) {
        Matcher m = PAGE.matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static List<S3Object> list(S3Client s3, String bucket, String prefix) {
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(objects::add);
        return objects;
    }

    private static Optional<String> text(S3Client s3, String bucket, String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
