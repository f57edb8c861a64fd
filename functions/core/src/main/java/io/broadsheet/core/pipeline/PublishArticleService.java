package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleJson;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The publish step: a change of the article table becomes the site.
 *
 * <p>The article's page and JSON record are written (or deleted on REMOVE). The listings (index,
 * feed, sitemap and the tag pages of the old and new image) are then rebuilt from the table itself,
 * never patched: a publish that appended to the current index could lose an entry another
 * concurrent publish added. After writing, the table is read again; if a concurrent change slipped
 * in between, the listings are rendered and written again (a few rounds at most), so the last
 * publisher to finish leaves listings that match the table.
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
    /** Articles of a batch written at once: their S3 and table calls are mostly waiting. */
    static final int PAGE_WRITERS = 8;

    private final ObjectStore articles;
    private final ObjectStore site;
    private final ArticleTable table;
    private final SiteRenderer renderer;
    private final ExecutorService pageWriters;

    public PublishArticleService(ObjectStore articles, ObjectStore site, ArticleTable table, SiteRenderer renderer) {
        this(articles, site, table, renderer, PAGE_WRITERS);
    }

    /** @param pageWriters how many articles of a batch are written at once (their calls to S3 and the table overlap) */
    public PublishArticleService(ObjectStore articles, ObjectStore site, ArticleTable table, SiteRenderer renderer, int pageWriters) {
        this.articles = articles;
        this.site = site;
        this.table = table;
        this.renderer = renderer;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(pageWriters, pageWriters, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("publish-page-", 0).daemon().factory());
        pool.allowCoreThreadTimeOut(true);
        this.pageWriters = pool;
    }

    public enum Result { PUBLISHED, UNPUBLISHED, SKIPPED }

    public record Outcome(String id, Result result, String pageKey) {
    }

    /**
     * What became of a batch of changes.
     *
     * @param done     outcomes of the changes before {@code failedAt} (all of them when it is -1), in order:
     *                 their pages and the listings they affect are written
     * @param failedAt index of the first change that failed, or -1; it and the changes after it are to be
     *                 retried (when the listings failed, nothing of the batch counts as done: 0)
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
     * Publishes a batch of changes (a stream batch): the pages first, several articles at once but the
     * changes of one article in their order, then the listings once, for the union of the affected tags,
     * instead of once per change. The guarantees are those of one change at a time: listings rebuilt
     * from the table (with the verification round), older versions skipped, a REMOVE unpublishes. On a
     * failure the changes before it (in batch order) are finished, listings included, so a retry from
     * the failed change loses nothing; changes after it may have been written too, which the retry
     * finds unchanged.
     */
    public BatchOutcome publishAll(List<ArticleChange> changes) {
        Written[] written = writeArticles(changes);
        int failedAt = -1;
        RuntimeException failure = null;
        List<Outcome> done = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        Map<String, ArticleRecord> overrides = new LinkedHashMap<>();
        boolean changed = false;
        for (int i = 0; i < written.length; i++) {
            if (written[i].failure() != null) {
                failedAt = i;
                failure = written[i].failure();
                break;
            }
            done.add(written[i].outcome());
            if (written[i].outcome().result() != Result.SKIPPED) {
                changed = true;
                tags.addAll(written[i].tags());
                overrides.put(written[i].outcome().id(), written[i].listed());
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
     * One change written, or why not.
     *
     * @param tags   tags whose pages the change affects
     * @param listed the record as the table holds it now, for the listings (the table's index may lag);
     *               {@code null} when it is gone
     */
    private record Written(Outcome outcome, Set<String> tags, ArticleRecord listed, RuntimeException failure) {

        static Written failed(RuntimeException e) {
            return new Written(null, Set.of(), null, e);
        }
    }

    /** Writes every change; articles in parallel, each article's changes in order, stopping at its first failure. */
    private Written[] writeArticles(List<ArticleChange> changes) {
        Written[] written = new Written[changes.size()];
        Map<String, List<Integer>> byArticle = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            byArticle.computeIfAbsent(changes.get(i).id(), id -> new ArrayList<>()).add(i);
        }
        Runnable[] tasks = byArticle.values().stream().map(indexes -> (Runnable) () -> {
            for (int i : indexes) {
                written[i] = writeArticle(changes.get(i));
                if (written[i].failure() != null) {
                    return;
                }
            }
        }).toArray(Runnable[]::new);
        if (tasks.length == 1) {
            tasks[0].run();
        } else {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : tasks) {
                running.add(pageWriters.submit(task));
            }
            for (Future<?> task : running) {
                await(task);
            }
        }
        for (int i = 0; i < written.length; i++) {
            if (written[i] == null) {
                // Not attempted: an earlier change of its article failed, and that failure comes first.
                written[i] = Written.failed(new IllegalStateException("not attempted after an earlier change of " + changes.get(i).id() + " failed"));
            }
        }
        return written;
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing pages", e);
        }
    }

    /** Writes (or deletes) one article's page and record; a failure is returned, not thrown. */
    private Written writeArticle(ArticleChange change) {
        try {
            String id = change.id();
            String pageKey = ArticleKeys.pageKey(id);
            Optional<ArticleRecord> current = table.find(id);
            if (change.type() == ArticleChange.Type.REMOVE) {
                if (current.isPresent()) {
                    // Created again since this removal; that insert's own stream record publishes it.
                    return new Written(new Outcome(id, Result.SKIPPED, pageKey), Set.of(), null, null);
                }
                site.delete(pageKey);
                site.delete(ArticleKeys.recordKey(id));
                return new Written(new Outcome(id, Result.UNPUBLISHED, pageKey), new LinkedHashSet<>(tagsOf(change.oldImage())), null, null);
            }
            ArticleRecord record = change.newImage();
            if (current.isPresent() && current.get().version() > record.version()) {
                // A newer version's own stream record will publish it; rendering this one would go back in time.
                return new Written(new Outcome(id, Result.SKIPPED, pageKey), Set.of(), null, null);
            }
            record = writePage(record);
            Set<String> tags = new LinkedHashSet<>(tagsOf(change.oldImage()));
            tags.addAll(record.tags());
            return new Written(new Outcome(id, Result.PUBLISHED, pageKey), tags, current.isPresent() ? record : null, null);
        } catch (RuntimeException e) {
            return Written.failed(e);
        }
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
            if (!parsed.contentHash().equals(rendering.contentHash())) {
                Optional<ArticleRecord> newest = table.find(rendering.id()).filter(c -> c.version() > record.version());
                if (newest.isPresent()) {
                    // The body already belongs to a newer version: render that version, not a mix of two.
                    rendering = newest.get();
                    continue;
                }
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
     * @param tags      tags whose pages to rebuild
     * @param overrides records to show as given (just read strongly) even if the table's index, which
     *                  is eventually consistent, does not list them yet; {@code null} values are ids to
     *                  leave out for the same reason (just removed)
     */
    private void rebuildListings(Set<String> tags, Map<String, ArticleRecord> overrides) {
        List<ArticleRecord> previous = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<ArticleRecord> records = withChanges(listAll(), overrides);
            if (records.equals(previous)) {
                // Rendering is a function of the records: the listings just written are still right.
                return;
            }
            renderListings(tags, records).forEach((key, listing) -> {
                if (listing == null) {
                    site.delete(key);
                } else {
                    writeIfChanged(key, listing.content(), listing.contentType(), LISTING_CACHE);
                }
            });
            previous = records;
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

    /** A rendered listing. */
    private record Listing(byte[] content, String contentType) {
    }
}
