package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.render.SiteRenderer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The publish step: a change of the article table becomes the site.
 *
 * <p>The article's page and JSON record are written (or deleted on REMOVE). The listings (index,
 * feed, sitemap and the tag pages of the old and new image) are then rebuilt from the table itself,
 * never patched: a publish that appended to the current index could lose an entry another
 * concurrent publish added. After writing, the listings are rendered again from a fresh read of
 * the table; if a concurrent change slipped in between, they are written again (a few rounds at
 * most), so the last publisher to finish leaves listings that match the table.
 *
 * <p>A stream batch is published with {@link #publishAll}: every article's page first, then the
 * listings once for the whole batch. Rebuilding them reads the whole table, so doing it once per
 * batch rather than once per change is what keeps a burst of uploads from costing a full table read
 * per article (quadratic in the burst).
 *
 * <p>Every write compares the new bytes with the stored object first and skips an unchanged one:
 * rendering is deterministic, so a replayed event or an unrelated change rewrites nothing and CDN
 * caches stay warm.
 */
public final class PublishArticleService {

    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    public static final String XML = "application/xml; charset=utf-8";
    /** Article pages and records change only when their article does. */
    static final String PAGE_CACHE = "public, max-age=300";
    /** Listings change with every publish anywhere on the site. */
    static final String LISTING_CACHE = "public, max-age=60";
    static final String INDEX = "index.html";
    static final String FEED = "feed.xml";
    static final String SITEMAP = "sitemap.xml";
    static final int INDEX_SIZE = 50;
    static final int FEED_SIZE = 30;
    static final int TAG_PAGE_SIZE = 200;
    /** The sitemap protocol's limit for one file. */
    static final int SITEMAP_SIZE = 50_000;
    private static final int LIST_PAGE = 100;
    private static final int MAX_ROUNDS = 3;
    private static final long MAX_COMPARED_BYTES = 20L * 1024 * 1024;

    private final ObjectStore articles;
    private final ObjectStore site;
    private final ArticleTable table;
    private final SiteRenderer renderer;

    public PublishArticleService(ObjectStore articles, ObjectStore site, ArticleTable table, SiteRenderer renderer) {
        this.articles = articles;
        this.site = site;
        this.table = table;
        this.renderer = renderer;
    }

    public enum Result { PUBLISHED, UNPUBLISHED, SKIPPED }

    public record Outcome(String id, Result result, String pageKey) {
    }

    /**
     * What became of a batch of changes, processed in order up to the first failure.
     *
     * @param done     outcomes of the changes before {@code failedAt} (all of them when it is -1): their
     *                 pages and the listings they affect are written
     * @param failedAt index of the first change that failed, or -1; it and the changes after it were
     *                 not processed (or, when the listings failed, nothing of the batch counts as done: 0)
     * @param failure  why it failed, or {@code null}
     */
    public record BatchOutcome(List<Outcome> done, int failedAt, RuntimeException failure) {
    }

    /** Publishes one change: {@link #publishAll} of a batch of one. */
    public Outcome publish(ArticleChange change) {
        BatchOutcome batch = publishAll(List.of(change));
        if (batch.failure() != null) {
            throw batch.failure();
        }
        return batch.done().getFirst();
    }

    /**
     * Publishes a batch of changes (a stream batch): each article's page is written in order, then the
     * listings are rebuilt once, for the union of the affected tags, instead of once per change. The
     * guarantees are those of one change at a time: listings rebuilt from the table (with the verification
     * round), older versions skipped, a REMOVE unpublishes. On a failure the changes before it are
     * finished, listings included, so a retry from the failed change loses nothing.
     */
    public BatchOutcome publishAll(List<ArticleChange> changes) {
        List<Outcome> done = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        Map<String, ArticleRecord> overrides = new LinkedHashMap<>();
        boolean changed = false;
        int failedAt = -1;
        RuntimeException failure = null;
        for (int i = 0; i < changes.size(); i++) {
            try {
                Outcome outcome = writeArticle(changes.get(i), tags, overrides);
                done.add(outcome);
                changed |= outcome.result() != Result.SKIPPED;
            } catch (RuntimeException e) {
                failedAt = i;
                failure = e;
                break;
            }
        }
        if (changed) {
            try {
                rebuildListings(tags, overrides);
            } catch (RuntimeException e) {
                // The pages are out but the listings are not: nothing of the batch is done yet.
                return new BatchOutcome(List.of(), 0, e);
            }
        }
        return new BatchOutcome(done, failedAt, failure);
    }

    /**
     * Writes (or deletes) one article's page and record, and notes what its listings need: the tags
     * whose pages to rebuild, and in {@code overrides} the record as the table holds it now by id
     * ({@code null}: it is gone), which the listings use where the table's index has not caught up.
     */
    private Outcome writeArticle(ArticleChange change, Set<String> tags, Map<String, ArticleRecord> overrides) {
        String id = change.id();
        String pageKey = ArticleKeys.pageKey(id);
        Optional<ArticleRecord> current = table.find(id);
        if (change.type() == ArticleChange.Type.REMOVE) {
            if (current.isPresent()) {
                // Created again since this removal; that insert's own stream record publishes it.
                return new Outcome(id, Result.SKIPPED, pageKey);
            }
            site.delete(pageKey);
            site.delete(ArticleKeys.recordKey(id));
            tags.addAll(tagsOf(change.oldImage()));
            overrides.put(id, null);
            return new Outcome(id, Result.UNPUBLISHED, pageKey);
        }
        ArticleRecord record = change.newImage();
        if (current.isPresent() && current.get().version() > record.version()) {
            // A newer version's own stream record will publish it; rendering this one would go back in time.
            return new Outcome(id, Result.SKIPPED, pageKey);
        }
        record = writePage(record);
        tags.addAll(tagsOf(change.oldImage()));
        tags.addAll(record.tags());
        overrides.put(id, current.isPresent() ? record : null);
        return new Outcome(id, Result.PUBLISHED, pageKey);
    }

    /**
     * Writes the page and JSON record of {@code record}, then checks the table again: a newer version
     * that landed meanwhile (its body already in {@code parsed/}, which every version shares) is
     * rendered in its place, so the last publisher to finish always leaves the newest version.
     *
     * @return the version that was written
     */
    private ArticleRecord writePage(ArticleRecord record) {
        ArticleRecord rendering = record;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ParsedArticle parsed = articles.get(rendering.parsedKey(), MAX_COMPARED_BYTES)
                    .map(o -> ArticleJson.read(o.content(), ParsedArticle.class))
                    .orElseThrow(() -> new IllegalStateException("parsed article " + record.parsedKey() + " is missing"));
            Optional<ArticleRecord> newest = table.find(rendering.id())
                    .filter(c -> c.version() > record.version());
            if (!parsed.contentHash().equals(rendering.contentHash()) && newest.isPresent()) {
                // The body already belongs to a newer version: render that version, not a mix of two.
                rendering = newest.get();
                continue;
            }
            writeIfChanged(ArticleKeys.pageKey(rendering.id()), bytes(renderer.articlePage(rendering, parsed.article())), HTML, PAGE_CACHE);
            writeIfChanged(ArticleKeys.recordKey(rendering.id()), ArticleJson.write(rendering), JSON, PAGE_CACHE);
            Optional<ArticleRecord> after = table.find(rendering.id());
            if (after.isEmpty() || after.get().version() <= rendering.version()) {
                return rendering;
            }
            rendering = after.get();
        }
        throw new IllegalStateException("article " + record.id() + " kept changing while it was published");
    }

    /**
     * Rebuilds every listing from the table: index, feed, sitemap, the page of every tag in use, and
     * deletes tag pages no article carries any more. For a republish of the whole site.
     */
    public void rebuildSite() {
        Set<String> tags = new LinkedHashSet<>();
        listAll().forEach(r -> tags.addAll(r.tags()));
        Set<String> inUse = new LinkedHashSet<>();
        tags.forEach(t -> tagKey(t).ifPresent(inUse::add));
        rebuildListings(tags, Map.of());
        site.list(ArticleKeys.TAGS).stream().filter(k -> k.endsWith(".html") && !inUse.contains(k)).forEach(site::delete);
    }

    /** Rewrites index, feed and sitemap from the table. */
    public void rebuildIndex() {
        rebuildListings(Set.of(), Map.of());
    }

    /**
     * @param tags      tags whose pages to rebuild
     * @param overrides records to show as given (just read strongly) even if the table's index, which
     *                  is eventually consistent, does not list them yet; {@code null} values are ids to
     *                  leave out for the same reason (just removed)
     */
    private void rebuildListings(Set<String> tags, Map<String, ArticleRecord> overrides) {
        Map<String, Listing> previous = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<String, Listing> listings = renderListings(tags, withChanges(listAll(), overrides));
            if (listings.equals(previous)) {
                return;
            }
            listings.forEach((key, listing) -> {
                if (listing == null) {
                    site.delete(key);
                } else {
                    writeIfChanged(key, listing.content(), listing.contentType(), LISTING_CACHE);
                }
            });
            previous = listings;
        }
    }

    /** The listings' objects by key; {@code null} for a tag page to delete because no article carries the tag. */
    private Map<String, Listing> renderListings(Set<String> tags, List<ArticleRecord> newestFirst) {
        Map<String, Listing> out = new LinkedHashMap<>();
        out.put(INDEX, new Listing(bytes(renderer.index(head(newestFirst, INDEX_SIZE))), HTML));
        out.put(FEED, new Listing(bytes(renderer.feed(head(newestFirst, FEED_SIZE))), ATOM));
        out.put(SITEMAP, new Listing(bytes(renderer.sitemap(head(newestFirst, SITEMAP_SIZE))), XML));
        for (String tag : tags) {
            Optional<String> key = tagKey(tag);
            if (key.isEmpty() || out.containsKey(key.get())) {
                continue;
            }
            String slug = ArticleIds.slugify(tag);
            List<ArticleRecord> tagged = newestFirst.stream()
                    .filter(r -> r.tags().stream().anyMatch(t -> ArticleIds.slugify(t).equals(slug)))
                    .limit(TAG_PAGE_SIZE).toList();
            if (tagged.isEmpty()) {
                out.put(key.get(), null);
            } else {
                // Readers see the tag as the newest article that carries it spells it.
                String name = tagged.get(0).tags().stream().filter(t -> ArticleIds.slugify(t).equals(slug)).findFirst().orElse(tag);
                out.put(key.get(), new Listing(bytes(renderer.tagPage(name, tagged)), HTML));
            }
        }
        return out;
    }

    private List<ArticleRecord> listAll() {
        List<ArticleRecord> all = new ArrayList<>();
        String cursor = null;
        do {
            ArticleTable.ArticlePage page = table.list(new ArticleTable.ArticleQuery(LIST_PAGE, cursor, null, null));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < SITEMAP_SIZE);
        return all;
    }

    private static List<ArticleRecord> withChanges(List<ArticleRecord> newestFirst, Map<String, ArticleRecord> overrides) {
        if (overrides.isEmpty()) {
            return newestFirst;
        }
        List<ArticleRecord> out = new ArrayList<>(newestFirst.stream().filter(r -> !overrides.containsKey(r.id())).toList());
        for (ArticleRecord include : overrides.values()) {
            if (include == null) {
                continue;
            }
            int at = 0;
            while (at < out.size() && newer(out.get(at), include)) {
                at++;
            }
            out.add(at, include);
        }
        return out;
    }

    /** The table's order: newest display date first, then by id. */
    private static boolean newer(ArticleRecord a, ArticleRecord b) {
        int byDate = date(a).compareTo(date(b));
        return byDate > 0 || byDate == 0 && a.id().compareTo(b.id()) < 0;
    }

    private static Instant date(ArticleRecord r) {
        return Objects.requireNonNullElse(r.displayDate(), Instant.EPOCH);
    }

    /**
     * Writes the object unless the store already holds exactly these bytes with this content type.
     *
     * @return whether it was written
     */
    boolean writeIfChanged(String key, byte[] content, String contentType, String cacheControl) {
        Optional<ObjectStore.StoredObject> existing;
        try {
            existing = site.get(key, MAX_COMPARED_BYTES);
        } catch (ObjectStore.ObjectTooLargeException e) {
            existing = Optional.empty();
        }
        if (existing.isPresent() && contentType.equals(existing.get().contentType())
                && Arrays.equals(existing.get().content(), content)) {
            return false;
        }
        site.put(key, content, contentType, cacheControl);
        return true;
    }

    private static Optional<String> tagKey(String tag) {
        return ArticleIds.slugify(tag).isEmpty() ? Optional.empty() : Optional.of(ArticleKeys.tagKey(tag));
    }

    private static List<String> tagsOf(ArticleRecord record) {
        return record == null ? List.of() : record.tags();
    }

    private static <T> List<T> head(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A rendered listing; compared by content so that rounds can tell whether anything moved. */
    private record Listing(byte[] content, String contentType) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Listing other && contentType.equals(other.contentType) && Arrays.equals(content, other.content);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(content) * 31 + contentType.hashCode();
        }
    }
}
