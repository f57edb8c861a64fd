package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.testing.HashingSentenceEncoder;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.model.SourceRef;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.render.SiteRenderer;
import io.broadsheet.core.render.SiteSettings;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, item 2 at the level of the steps: S3 and stream events come at least once and in any
 * order, and several uploads of one key may be processed at once. Content hash, record version
 * and S3 sequencer must make the end state the newest upload's, with every version written once.
 */
class PipelineIdempotencyTest {

    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    static final String KEY = "incoming/news/tram-lines.md";
    static final String ID = ArticleIds.fromSourceKey(KEY);
    static final String PARSED_KEY = ArticleKeys.parsedKey(ID);

    final InMemoryObjectStore articles = new InMemoryObjectStore();
    final InMemoryObjectStore site = new InMemoryObjectStore();
    final InMemoryArticleTable table = new InMemoryArticleTable();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ParseArticleService parse = new ParseArticleService(articles, new ArticleParsers(), 5L * 1024 * 1024, clock);
    final AnalyzeArticleService analyze = new AnalyzeArticleService(articles, table, HashingSentenceEncoder.analyzer(), clock);
    final PublishArticleService publish = new PublishArticleService(articles, site, table,
            new SiteRenderer(new SiteSettings("https://news.example/", "Broadsheet")));

    private long lastSequencer;

    // ---- helpers ---------------------------------------------------------------------------

    /** The n-th edit of the article: its title and body say which. */
    static String edition(long n) {
        return "# Tram lines, edition " + n + "\n\nThe council votes on Friday to fund tram line number " + n + ".\n";
    }

    /**
     * Uploads to {@code key} as S3 would: the object is replaced and the event gets the next
     * sequencer, both in one step so that sequencers follow the order of the writes.
     */
    synchronized ParseArticleService.Upload upload(String key, String content) {
        articles.put(key, content.getBytes(StandardCharsets.UTF_8), "text/markdown");
        lastSequencer++;
        return new ParseArticleService.Upload(key, articles.etag(key).replace("\"", ""),
                String.format("%018X", 0x0055AED6DCD90281L + lastSequencer));
    }

    ParseArticleService.Upload upload(long edition) {
        return upload(KEY, edition(edition));
    }

    ParsedArticle parsed() {
        return ArticleJson.read(articles.bytes(PARSED_KEY), ParsedArticle.class);
    }

    ArticleRecord record() {
        return table.find(ID).orElseThrow();
    }

    /** Versions 1..n, each written once and in order; sequencers never go back. */
    void assertVersionsContiguous() {
        List<ArticleRecord> written = table.written(ID);
        assertThat(written).extracting(ArticleRecord::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, written.size()).boxed().toList());
        for (int i = 1; i < written.size(); i++) {
            assertThat(Sequencers.isOlder(written.get(i).sourceSequencer(), written.get(i - 1).sourceSequencer()))
                    .as("version %d comes from an older upload than version %d", i + 1, i).isFalse();
        }
    }

    // ---- duplicates -------------------------------------------------------------------------

    @Nested
    class Duplicates {

        @Test
        void parse_writesParsedOnce_whenTheEventIsDeliveredTwice() {
            ParseArticleService.Upload event = upload(1);

            ParseArticleService.Outcome first = parse.parse(event);
            ParseArticleService.Outcome second = parse.parse(event);

            assertThat(first).isEqualTo(new ParseArticleService.Parsed(KEY, ID, PARSED_KEY, true));
            assertThat(second).isEqualTo(new ParseArticleService.Parsed(KEY, ID, PARSED_KEY, false));
            assertThat(articles.writes(PARSED_KEY)).isEqualTo(1);
        }

        @Test
        void parse_keepsParsed_whenAReuploadHasTheSameContent() {
            parse.parse(upload(1));

            ParseArticleService.Outcome again = parse.parse(upload(1));

            assertThat(again).isEqualTo(new ParseArticleService.Parsed(KEY, ID, PARSED_KEY, false));
            assertThat(articles.writes(PARSED_KEY)).isEqualTo(1);
        }

        @Test
        void analyze_writesOneVersion_whenTheEventIsDeliveredTwice() {
            parse.parse(upload(1));

            AnalyzeArticleService.Outcome first = analyze.analyze(PARSED_KEY);
            AnalyzeArticleService.Outcome second = analyze.analyze(PARSED_KEY);

            assertThat(first.result()).isEqualTo(AnalyzeArticleService.Result.CREATED);
            assertThat(second.result()).isEqualTo(AnalyzeArticleService.Result.UNCHANGED);
            assertThat(table.written(ID)).hasSize(1);
        }

        @Test
        void analyze_writesOneVersion_whenEightDeliveriesRunAtOnce() throws Exception {
            parse.parse(upload(1));

            List<AnalyzeArticleService.Outcome> outcomes = runConcurrently(8, i -> analyze.analyze(PARSED_KEY));

            assertThat(outcomes).extracting(AnalyzeArticleService.Outcome::result)
                    .containsOnlyOnce(AnalyzeArticleService.Result.CREATED)
                    .containsOnly(AnalyzeArticleService.Result.CREATED, AnalyzeArticleService.Result.UNCHANGED);
            assertThat(table.written(ID)).hasSize(1);
        }

        @Test
        void parse_writesOneErrorRecord_whenARejectedUploadsEventIsDeliveredTwice() {
            ParseArticleService.Upload event = upload("incoming/empty.md", " \n");

            parse.parse(event);
            parse.parse(event);

            assertThat(articles.writes("rejected/empty.md.error.json")).isEqualTo(1);
        }

        @Test
        void parse_removesTheErrorRecord_whenAFixedUploadIsParsed() {
            parse.parse(upload(KEY, "\u0000\u0001 not an article"));
            assertThat(articles.contains("rejected/news/tram-lines.md.error.json")).isTrue();

            ParseArticleService.Outcome fixed = parse.parse(upload(2));

            assertThat(fixed).isInstanceOf(ParseArticleService.Parsed.class);
            assertThat(articles.contains("rejected/news/tram-lines.md.error.json")).isFalse();
            assertThat(articles.contains(KEY)).isTrue();
        }

        @Test
        void publish_writesTheSamePage_whenAStreamRecordIsDeliveredTwice() {
            parse.parse(upload(1));
            analyze.analyze(PARSED_KEY);
            ArticleChange insert = new ArticleChange(ArticleChange.Type.INSERT, null, record());

            PublishArticleService.Outcome first = publish.publish(insert);
            byte[] pageAfterFirst = site.bytes(ArticleKeys.pageKey(ID));
            byte[] indexAfterFirst = site.bytes("index.html");
            PublishArticleService.Outcome second = publish.publish(insert);

            assertThat(first.result()).isEqualTo(PublishArticleService.Result.PUBLISHED);
            assertThat(second.result()).isEqualTo(PublishArticleService.Result.PUBLISHED);
            assertThat(site.bytes(ArticleKeys.pageKey(ID))).isEqualTo(pageAfterFirst);
            assertThat(site.bytes("index.html")).isEqualTo(indexAfterFirst);
            assertThat(site.list("")).containsExactlyInAnyOrder(ArticleKeys.pageKey(ID), ArticleKeys.recordKey(ID),
                    "index.html", "feed.xml", "sitemap.xml");
            assertThat(site.writes(ArticleKeys.pageKey(ID))).as("the replay rewrites nothing").isEqualTo(1);
            assertThat(site.writes("index.html")).isEqualTo(1);
            assertThat(table.written(ID)).hasSize(1);
        }

        @Test
        void publish_unpublishesOnce_whenARemoveIsDeliveredTwice() {
            parse.parse(upload(1));
            analyze.analyze(PARSED_KEY);
            ArticleRecord v1 = record();
            publish.publish(new ArticleChange(ArticleChange.Type.INSERT, null, v1));
            table.delete(ID, v1.version());
            ArticleChange remove = new ArticleChange(ArticleChange.Type.REMOVE, v1, null);

            publish.publish(remove);
            publish.publish(remove);

            assertThat(site.contains(ArticleKeys.pageKey(ID))).isFalse();
            assertThat(site.contains(ArticleKeys.recordKey(ID))).isFalse();
            assertThat(site.text("index.html")).doesNotContain(ID);
        }
    }

    // ---- ordering ---------------------------------------------------------------------------

    @Nested
    class Ordering {

        @Test
        void parse_skipsTheOlderEvent_whenItArrivesAfterTheNewerUpload() {
            ParseArticleService.Upload older = upload(1);
            ParseArticleService.Upload newer = upload(2);

            parse.parse(newer);
            ParseArticleService.Outcome late = parse.parse(older);

            assertThat(late).isInstanceOf(ParseArticleService.Skipped.class);
            assertThat(((ParseArticleService.Skipped) late).why()).contains("superseded");
            assertThat(parsed().article().title()).isEqualTo("Tram lines, edition 2");
            assertThat(articles.writes(PARSED_KEY)).isEqualTo(1);
        }

        @Test
        void parse_keepsTheNewerParsedArticle_whenAnOlderUploadIsParsedLast() {
            // GIVEN edition 1's event has read its upload; edition 2 lands and is parsed meanwhile
            ParseArticleService.Upload older = upload(1);
            articles.beforeNextGet(PARSED_KEY, () -> parse.parse(upload(2)));

            // WHEN edition 1's event goes on to write parsed/<id>.json
            ParseArticleService.Outcome late = parse.parse(older);

            // THEN it sees the newer sequencer there and writes nothing
            assertThat(late).isInstanceOf(ParseArticleService.Skipped.class);
            assertThat(((ParseArticleService.Skipped) late).why()).contains("newer upload");
            assertThat(parsed().article().title()).isEqualTo("Tram lines, edition 2");
            assertThat(articles.writes(PARSED_KEY)).isEqualTo(1);
        }

        @Test
        void parse_doesNotOverwrite_whenTheParsedArticleChangesBetweenItsReadAndItsWrite() {
            // GIVEN edition 1's event has decided to write; edition 2 is parsed just before that write
            ParseArticleService.Upload older = upload(1);
            articles.beforeNextPut(PARSED_KEY, () -> parse.parse(upload(2)));

            ParseArticleService.Outcome late = parse.parse(older);

            // THEN the conditional write fails, edition 1 reads again, and gives way
            assertThat(late).isInstanceOf(ParseArticleService.Skipped.class);
            assertThat(parsed().article().title()).isEqualTo("Tram lines, edition 2");
            assertThat(articles.writes(PARSED_KEY)).isEqualTo(1);
        }

        @Test
        void parse_skips_whenTheUploadWasDeletedBeforeItsEventArrived() {
            ParseArticleService.Upload event = upload(1);
            articles.delete(KEY);

            ParseArticleService.Outcome outcome = parse.parse(event);

            assertThat(outcome).isInstanceOf(ParseArticleService.Skipped.class);
            assertThat(articles.list(ArticleKeys.PARSED)).isEmpty();
            assertThat(articles.list(ArticleKeys.REJECTED)).isEmpty();
        }

        @Test
        void parse_recordsNoError_forARejectableUploadAlreadyReplacedByAGoodOne() {
            ParseArticleService.Upload bad = upload(KEY, "   ");
            ParseArticleService.Upload good = upload(2);
            parse.parse(good);

            ParseArticleService.Outcome late = parse.parse(bad);

            assertThat(late).isInstanceOf(ParseArticleService.Skipped.class);
            assertThat(articles.list(ArticleKeys.REJECTED)).isEmpty();
            assertThat(parsed().article().title()).isEqualTo("Tram lines, edition 2");
        }

        @Test
        void parse_keepsThePublishedVersion_whenANewerUploadIsRejected() {
            parse.parse(upload(1));
            analyze.analyze(PARSED_KEY);

            ParseArticleService.Outcome outcome = parse.parse(upload(KEY, "\u0000\u0000 garbage"));

            assertThat(outcome).isInstanceOf(ParseArticleService.Rejected.class);
            assertThat(articles.contains("rejected/news/tram-lines.md.error.json")).isTrue();
            assertThat(parsed().article().title()).isEqualTo("Tram lines, edition 1");
            assertThat(record().version()).isEqualTo(1);
            assertThat(record().title()).isEqualTo("Tram lines, edition 1");
        }

        @Test
        void analyze_keepsTheNewerRecord_whenAnOlderParsedArticleIsAnalyzedLast() {
            ParseArticleService.Upload older = upload(1);
            ParseArticleService.Upload newer = upload(2);
            parse.parse(newer);
            analyze.analyze(PARSED_KEY);
            // a stale parsed article, as a writer without conditional writes could leave it
            ParsedArticle stale = new ParsedArticle(ID, new SourceRef(KEY, older.etag(),
                    older.sequencer(), parsed().source().format(), 10), new Article("old", null, null, null, List.of(), List.of("Old body.")),
                    "sha256:old");
            articles.put(PARSED_KEY, ArticleJson.write(stale), "application/json");

            AnalyzeArticleService.Outcome late = analyze.analyze(PARSED_KEY);

            assertThat(late.result()).isEqualTo(AnalyzeArticleService.Result.STALE);
            assertThat(record().title()).isEqualTo("Tram lines, edition 2");
            assertThat(table.written(ID)).hasSize(1);
        }

        @Test
        void analyze_writesOneVersionPerChange_inOrder() {
            parse.parse(upload(1));
            analyze.analyze(PARSED_KEY);
            parse.parse(upload(2));
            analyze.analyze(PARSED_KEY);
            analyze.analyze(PARSED_KEY);

            assertThat(record().version()).isEqualTo(2);
            assertThat(record().title()).isEqualTo("Tram lines, edition 2");
            assertVersionsContiguous();
        }

        @RepeatedTest(5)
        void pipeline_endsWithTheNewestUpload_whenEventsArriveShuffledAndTwice() {
            List<ParseArticleService.Upload> events = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                events.add(upload(n));
            }
            List<ParseArticleService.Upload> deliveries = new ArrayList<>(events);
            deliveries.addAll(events);
            Collections.shuffle(deliveries, new Random());

            for (ParseArticleService.Upload event : deliveries) {
                if (parse.parse(event) instanceof ParseArticleService.Parsed) {
                    analyze.analyze(PARSED_KEY);   // S3 fires it for each write of parsed/; duplicates too
                    analyze.analyze(PARSED_KEY);
                }
            }

            assertThat(parsed().source().sequencer()).isEqualTo(events.getLast().sequencer());
            assertThat(record().title()).isEqualTo("Tram lines, edition 5");
            assertThat(record().contentHash()).isEqualTo(parsed().contentHash());
            assertVersionsContiguous();
        }
    }

    // ---- concurrency ------------------------------------------------------------------------

    @Nested
    class Concurrency {

        @RepeatedTest(30)
        void pipeline_endsWithTheNewestUpload_whenOneKeyIsUploadedConcurrently() throws Exception {
            int threads = 8;
            int uploadsPerThread = 5;

            runConcurrently(threads, t -> {
                for (int i = 0; i < uploadsPerThread; i++) {
                    ParseArticleService.Upload event = upload(KEY, edition(t * 100L + i));
                    parse.parse(event);
                    analyze.analyze(PARSED_KEY);
                }
                return null;
            });
            // the newest upload's own event may have found the object already replaced by nothing
            // newer, so it is the one parsed; check the end state against the object in the bucket
            ParseArticleService.Outcome last = parse.parse(new ParseArticleService.Upload(KEY, null, null));
            assertThat(last).isInstanceOf(ParseArticleService.Parsed.class);
            assertThat(((ParseArticleService.Parsed) last).written()).as("already up to date").isFalse();

            String newest = articles.text(KEY);
            assertThat(parsed().article().title()).isEqualTo(newest.lines().findFirst().orElseThrow().substring(2));
            assertThat(parsed().source().sequencer()).isEqualTo(String.format("%018X", 0x0055AED6DCD90281L + lastSequencer));
            assertThat(record().contentHash()).isEqualTo(parsed().contentHash());
            assertThat(record().title()).isEqualTo(parsed().article().title());
            assertVersionsContiguous();
        }
    }

    // ---- publish against updates ------------------------------------------------------------

    @Nested
    class Republish {

        @Test
        void publish_skipsAnOlderVersion_whenItsRepublishArrivesAfterAnUpdate() {
            parse.parse(upload(1));
            analyze.analyze(PARSED_KEY);
            ArticleRecord v1 = record();
            publish.publish(new ArticleChange(ArticleChange.Type.INSERT, null, v1));
            parse.parse(upload(2));
            analyze.analyze(PARSED_KEY);
            ArticleRecord v2 = record();
            publish.publish(new ArticleChange(ArticleChange.Type.MODIFY, v1, v2));
            byte[] page = site.bytes(ArticleKeys.pageKey(ID));

            PublishArticleService.Outcome late = publish.publish(new ArticleChange(ArticleChange.Type.MODIFY, v1, v1));

            assertThat(late.result()).isEqualTo(PublishArticleService.Result.SKIPPED);
            assertThat(site.bytes(ArticleKeys.pageKey(ID))).isEqualTo(page);
            assertThat(site.text(ArticleKeys.pageKey(ID))).contains("Tram lines, edition 2").doesNotContain("edition 1");
        }

        /**
         * A republish of version 1 that is rendering while version 2 is published must not write
         * version 1's page last (title of v1, body of v2): PublishArticleService re-reads the record
         * after writing and renders again while its version moved on.
         */
        @Test
        void publish_showsTheNewestVersion_whenAnUpdateLandsWhileARepublishIsRendering() {
            parse.parse(upload(1));
            analyze.analyze(PARSED_KEY);
            ArticleRecord v1 = record();
            // WHEN the republish of version 1 has checked the table, version 2 is written and published
            articles.beforeNextGet(PARSED_KEY, () -> {
                parse.parse(upload(2));
                analyze.analyze(PARSED_KEY);
                publish.publish(new ArticleChange(ArticleChange.Type.MODIFY, v1, record()));
            });
            publish.publish(new ArticleChange(ArticleChange.Type.MODIFY, v1, v1));

            // THEN the page still shows version 2 only
            assertThat(record().version()).isEqualTo(2);
            assertThat(site.text(ArticleKeys.pageKey(ID))).contains("Tram lines, edition 2").doesNotContain("edition 1");
            assertThat(site.text(ArticleKeys.recordKey(ID))).contains("\"version\":2");
        }
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Starts {@code threads} tasks at the same instant and waits for all; any failure fails the test. */
    static <T> List<T> runConcurrently(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
