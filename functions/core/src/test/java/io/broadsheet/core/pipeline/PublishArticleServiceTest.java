package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.model.SourceRef;
import io.broadsheet.core.pipeline.PublishArticleService.Result;
import io.broadsheet.core.render.SampleArticles;
import io.broadsheet.core.render.SampleArticles.Sample;
import io.broadsheet.core.render.SiteRenderer;
import io.broadsheet.core.render.SiteSettings;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PublishArticleServiceTest {

    private final InMemoryObjectStore articles = new InMemoryObjectStore();
    private final RecordingStore site = new RecordingStore();
    private final InMemoryArticleTable table = new InMemoryArticleTable();
    private final SiteRenderer renderer = new SiteRenderer(new SiteSettings("https://news.example.org/", "The Broadsheet"));
    private final PublishArticleService service = new PublishArticleService(articles, site, table, renderer);

    private final Sample tram = SampleArticles.tramLines();
    private final Sample plant = SampleArticles.plantClosure();
    private final Sample reef = SampleArticles.coralSurvey();

    @Test
    void publish_writesPageRecordAndListings_withContentTypeAndCacheControl() {
        store(tram);

        var outcome = service.publish(insert(tram));

        assertThat(outcome.result()).isEqualTo(Result.PUBLISHED);
        assertThat(site.put(tram.id() + ".html")).isEqualTo(new Put(PublishArticleService.HTML, "public, max-age=300"));
        assertThat(site.put("articles/" + tram.id() + ".json")).isEqualTo(new Put("application/json", "public, max-age=300"));
        assertThat(site.put("index.html")).isEqualTo(new Put("text/html; charset=utf-8", "public, max-age=60"));
        assertThat(site.put("feed.xml")).isEqualTo(new Put("application/atom+xml; charset=utf-8", "public, max-age=60"));
        assertThat(site.put("sitemap.xml")).isEqualTo(new Put("application/xml; charset=utf-8", "public, max-age=60"));
        assertThat(site.store.list("tags/")).containsExactlyInAnyOrder(
                "tags/transport.html", "tags/citycouncil.html", "tags/climatechange.html");
        assertThat(site.store.text(tram.id() + ".html")).contains("<h1>" + tram.record().title() + "</h1>");
        assertThat(ArticleJson.read(site.store.text("articles/" + tram.id() + ".json"), ArticleRecord.class)).isEqualTo(tram.record());
    }

    @Test
    void publish_rewritesNothing_whenEventIsReplayed() {
        store(tram);
        service.publish(insert(tram));
        int writes = site.puts.size();

        var outcome = service.publish(insert(tram));

        assertThat(outcome.result()).isEqualTo(Result.PUBLISHED);
        assertThat(site.puts).hasSize(writes);
    }

    @Test
    void publish_leavesOtherPagesUntouched_andListsNewestFirst() {
        store(tram);
        store(plant);
        store(reef);
        service.publish(insert(tram));
        service.publish(insert(reef));
        service.publish(insert(plant));

        assertThat(site.putsOf(tram.id() + ".html")).isEqualTo(1);
        assertThat(titlesOn("index.html")).containsExactly(plant.record().title(), tram.record().title(), reef.record().title());
        assertThat(titlesOn("tags/climatechange.html")).containsExactly(tram.record().title(), reef.record().title());
        assertThat(site.store.text("feed.xml")).contains(plant.record().title(), reef.record().title());
        assertThat(site.store.text("sitemap.xml")).contains("https://news.example.org/" + reef.id() + ".html");
    }

    @Test
    void publish_rebuildsTagPagesOfOldAndNewImage_andDeletesEmptyOnes() {
        store(tram);
        store(reef);
        service.publish(insert(tram));
        service.publish(insert(reef));
        Sample retagged = tram.updated(List.of("Transport", "Budget"), Instant.parse("2025-09-06T09:00:00Z"));
        table.replace(retagged.record(), 1);
        store(retagged);

        var outcome = service.publish(new ArticleChange(ArticleChange.Type.MODIFY, tram.record(), retagged.record()));

        assertThat(outcome.result()).isEqualTo(Result.PUBLISHED);
        assertThat(site.store.list("tags/")).containsExactlyInAnyOrder(
                "tags/transport.html", "tags/budget.html", "tags/climatechange.html", "tags/science.html");
        assertThat(titlesOn("tags/climatechange.html")).containsExactly(reef.record().title());
        assertThat(Jsoup.parse(site.store.text(tram.id() + ".html")).select(".tags a").eachText())
                .containsExactly("#Transport", "#Budget");
    }

    @Test
    void unpublish_deletesPageAndRecord_andRemovesItFromListings() {
        store(tram);
        store(reef);
        service.publish(insert(tram));
        service.publish(insert(reef));
        table.delete(tram.id(), null);

        var outcome = service.publish(new ArticleChange(ArticleChange.Type.REMOVE, tram.record(), null));

        assertThat(outcome.result()).isEqualTo(Result.UNPUBLISHED);
        assertThat(site.store.contains(tram.id() + ".html")).isFalse();
        assertThat(site.store.contains("articles/" + tram.id() + ".json")).isFalse();
        assertThat(titlesOn("index.html")).containsExactly(reef.record().title());
        assertThat(site.store.list("tags/")).containsExactlyInAnyOrder("tags/climatechange.html", "tags/science.html");
        assertThat(site.store.text("feed.xml")).doesNotContain(tram.id());
        assertThat(site.store.text("sitemap.xml")).doesNotContain(tram.id());
    }

    @Test
    void publish_skipsOutOfDateImage_whenTableHoldsNewerVersion() {
        Sample newer = tram.updated(tram.record().tags(), Instant.parse("2025-09-07T00:00:00Z"));
        table.insert(newer.record());
        store(newer);

        var outcome = service.publish(insert(tram));

        assertThat(outcome.result()).isEqualTo(Result.SKIPPED);
        assertThat(site.puts).isEmpty();
    }

    @Test
    void remove_isSkipped_whenArticleWasCreatedAgain() {
        store(tram);
        service.publish(insert(tram));

        var outcome = service.publish(new ArticleChange(ArticleChange.Type.REMOVE, tram.record(), null));

        assertThat(outcome.result()).isEqualTo(Result.SKIPPED);
        assertThat(site.store.contains(tram.id() + ".html")).isTrue();
    }

    @Test
    void listings_includeConcurrentPublish_whenFirstReadOfTableWasStale() {
        // GIVEN another publish commits reef while this one is between reading the table and writing the index
        store(tram);
        store(reef);
        table.insert(tram.record());
        table.insert(reef.record());
        AtomicInteger reads = new AtomicInteger();
        ArticleTable staleOnce = new DelegatingTable(table) {
            @Override
            public ArticlePage list(ArticleQuery query) {
                ArticlePage page = super.list(query);
                if (reads.getAndIncrement() == 0) {
                    return new ArticlePage(page.items().stream().filter(r -> !r.id().equals(reef.id())).toList(), null);
                }
                return page;
            }
        };
        PublishArticleService racing = new PublishArticleService(articles, site, staleOnce, renderer);

        // WHEN
        racing.publish(new ArticleChange(ArticleChange.Type.INSERT, null, tram.record()));

        // THEN the second read of the table put reef back
        assertThat(titlesOn("index.html")).containsExactly(tram.record().title(), reef.record().title());
        assertThat(titlesOn("tags/climatechange.html")).containsExactly(tram.record().title(), reef.record().title());
    }

    @Test
    void listings_includeTheArticle_whenTheTableIndexHasNotCaughtUp() {
        store(tram);
        table.insert(tram.record());
        ArticleTable lagging = new DelegatingTable(table) {
            @Override
            public ArticlePage list(ArticleQuery query) {
                return new ArticlePage(List.of(), null);
            }
        };

        new PublishArticleService(articles, site, lagging, renderer).publish(insert(tram));

        assertThat(titlesOn("index.html")).containsExactly(tram.record().title());
    }

    @Test
    void publishAll_writesEveryPage_andTheListingsOnce_forTheWholeBatch() {
        store(tram);
        store(plant);
        store(reef);
        CountingTable counting = new CountingTable(table);
        PublishArticleService batched = new PublishArticleService(articles, site, counting, renderer);

        var batch = batched.publishAll(List.of(insert(tram), insert(reef), insert(plant)));

        assertThat(batch.failedAt()).isEqualTo(-1);
        assertThat(batch.failure()).isNull();
        assertThat(batch.done()).extracting(PublishArticleService.Outcome::id).containsExactly(tram.id(), reef.id(), plant.id());
        assertThat(batch.done()).extracting(PublishArticleService.Outcome::result).containsOnly(Result.PUBLISHED);
        assertThat(titlesOn("index.html")).containsExactly(plant.record().title(), tram.record().title(), reef.record().title());
        assertThat(titlesOn("tags/climatechange.html")).containsExactly(tram.record().title(), reef.record().title());
        assertThat(site.putsOf("index.html")).isEqualTo(1);
        assertThat(site.putsOf("tags/climatechange.html")).isEqualTo(1);
        assertThat(counting.lists).as("one listing of the table and its verification round, not two per article").isEqualTo(2);
    }

    @Test
    void publishAll_finishesTheChangesBeforeAFailure_andLeavesTheRestForTheRetry() {
        // GIVEN the second change's parsed article is missing, so its page cannot be rendered
        store(tram);
        store(reef);
        List<ArticleChange> changes = List.of(insert(tram), insert(plant), insert(reef));

        // WHEN the batch is published
        var batch = service.publishAll(changes);

        // THEN the first change is done with its listings; the failed one is reported (the one after it,
        // written at the same time as the others, may be out already)
        assertThat(batch.failedAt()).isEqualTo(1);
        assertThat(batch.failure()).isInstanceOf(IllegalStateException.class).hasMessageContaining(plant.record().parsedKey());
        assertThat(batch.done()).extracting(PublishArticleService.Outcome::id).containsExactly(tram.id());
        assertThat(site.store.contains(tram.id() + ".html")).isTrue();
        assertThat(site.store.contains(plant.id() + ".html")).isFalse();
        assertThat(titlesOn("tags/transport.html")).containsExactly(tram.record().title());
        assertThat(site.store.text("sitemap.xml")).contains(tram.id());

        // WHEN the retry starts from the failed change, now that its body is there
        store(plant);
        var retry = service.publishAll(changes.subList(batch.failedAt(), changes.size()));

        // THEN everything is published and listed once, and no page was written twice
        assertThat(retry.failedAt()).isEqualTo(-1);
        assertThat(List.of(tram, plant, reef)).allSatisfy(sample -> assertThat(site.putsOf(sample.id() + ".html")).isEqualTo(1));
        assertThat(titlesOn("index.html")).containsExactly(plant.record().title(), tram.record().title(), reef.record().title());
        assertThat(titlesOn("tags/climatechange.html")).containsExactly(tram.record().title(), reef.record().title());
    }

    @Test
    void publishAll_reportsTheFirstChange_whenTheListingsCannotBeWritten() {
        store(tram);
        store(reef);
        ObjectStore failingIndex = new RecordingStore() {
            @Override
            public synchronized void put(String key, byte[] content, String contentType, String cacheControl) {
                if (key.equals("index.html")) {
                    throw new IllegalStateException("S3 is throttling");
                }
                super.put(key, content, contentType, cacheControl);
            }
        };

        var batch = new PublishArticleService(articles, failingIndex, table, renderer).publishAll(List.of(insert(tram), insert(reef)));

        assertThat(batch.failedAt()).as("the whole batch is retried: its listings are not written").isZero();
        assertThat(batch.done()).isEmpty();
        assertThat(batch.failure()).hasMessage("S3 is throttling");
    }

    @Test
    void publishAll_listsTheLastStateOfAnArticle_whenTheBatchChangesItTwice() {
        // GIVEN tram inserted, reef inserted then deleted, all in one batch
        store(tram);
        store(reef);
        ArticleChange insertTram = insert(tram);
        ArticleChange insertReef = insert(reef);
        table.delete(reef.id(), null);
        Sample retagged = tram.updated(List.of("Transport", "Budget"), Instant.parse("2025-09-06T09:00:00Z"));
        table.replace(retagged.record(), 1);
        store(retagged);

        // WHEN
        var batch = service.publishAll(List.of(insertTram, insertReef,
                new ArticleChange(ArticleChange.Type.MODIFY, tram.record(), retagged.record()),
                new ArticleChange(ArticleChange.Type.REMOVE, reef.record(), null)));

        // THEN tram is listed once, in its second version; reef nowhere; tag pages nobody carries are gone
        assertThat(batch.failedAt()).isEqualTo(-1);
        assertThat(batch.done()).extracting(PublishArticleService.Outcome::result)
                .containsExactly(Result.SKIPPED, Result.PUBLISHED, Result.PUBLISHED, Result.UNPUBLISHED);
        assertThat(titlesOn("index.html")).containsExactly(tram.record().title());
        assertThat(site.store.contains(reef.id() + ".html")).isFalse();
        assertThat(site.store.list("tags/")).containsExactlyInAnyOrder("tags/transport.html", "tags/budget.html");
        assertThat(ArticleJson.read(site.store.text("articles/" + tram.id() + ".json"), ArticleRecord.class).version()).isEqualTo(2);
    }

    @Test
    void publishAll_writesNoListing_whenEveryChangeIsSkipped() {
        Sample newer = tram.updated(tram.record().tags(), Instant.parse("2025-09-07T00:00:00Z"));
        table.insert(newer.record());
        store(newer);

        var batch = service.publishAll(List.of(new ArticleChange(ArticleChange.Type.INSERT, null, tram.record()),
                new ArticleChange(ArticleChange.Type.REMOVE, tram.record(), null)));

        assertThat(batch.done()).extracting(PublishArticleService.Outcome::result).containsExactly(Result.SKIPPED, Result.SKIPPED);
        assertThat(site.puts).isEmpty();
    }

    private List<String> titlesOn(String key) {
        return Jsoup.parse(site.store.text(key)).select(".card h2 a").eachText();
    }

    private ArticleChange insert(Sample sample) {
        table.insert(sample.record());
        return new ArticleChange(ArticleChange.Type.INSERT, null, sample.record());
    }

    private void store(Sample sample) {
        ParsedArticle parsed = new ParsedArticle(sample.id(),
                new SourceRef(sample.record().sourceKey(), null, null, SourceFormat.MARKDOWN, 1000),
                sample.article(), sample.record().contentHash());
        articles.put(sample.record().parsedKey(), ArticleJson.write(parsed), "application/json", null);
    }

    record Put(String contentType, String cacheControl) {
    }

    /** The in-memory bucket, remembering how each object was last written and how often. */
    static class RecordingStore implements ObjectStore {

        final InMemoryObjectStore store = new InMemoryObjectStore();
        final List<String> puts = new ArrayList<>();
        private final java.util.Map<String, Put> lastPut = new java.util.HashMap<>();

        Put put(String key) {
            return lastPut.get(key);
        }

        int putsOf(String key) {
            return (int) puts.stream().filter(key::equals).count();
        }

        void put(String key, String content) {
            store.put(key, content);
        }

        @Override
        public Optional<ObjectInfo> head(String key) {
            return store.head(key);
        }

        @Override
        public Optional<StoredObject> get(String key, long maxBytes) {
            return store.get(key, maxBytes);
        }

        @Override
        public synchronized void put(String key, byte[] content, String contentType, String cacheControl) {
            puts.add(key);
            lastPut.put(key, new Put(contentType, cacheControl));
            store.put(key, content, contentType, cacheControl);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }

        @Override
        public List<String> list(String prefix) {
            return store.list(prefix);
        }
    }

    /** Counts the listing queries of the table. */
    static final class CountingTable extends DelegatingTable {

        int lists;

        CountingTable(ArticleTable delegate) {
            super(delegate);
        }

        @Override
        public ArticlePage list(ArticleQuery query) {
            lists++;
            return super.list(query);
        }
    }

    /** A table that answers like another one, for tests that change one answer. */
    static class DelegatingTable implements ArticleTable {

        private final ArticleTable delegate;

        DelegatingTable(ArticleTable delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<ArticleRecord> find(String id) {
            return delegate.find(id);
        }

        @Override
        public boolean insert(ArticleRecord record) {
            return delegate.insert(record);
        }

        @Override
        public boolean replace(ArticleRecord record, long expectedVersion) {
            return delegate.replace(record, expectedVersion);
        }

        @Override
        public boolean delete(String id, Long expectedVersion) {
            return delegate.delete(id, expectedVersion);
        }

        @Override
        public ArticlePage list(ArticleQuery query) {
            return delegate.list(query);
        }
    }
}
