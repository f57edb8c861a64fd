package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ErrorRecord;
import io.broadsheet.core.testing.HashingSentenceEncoder;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;
import io.broadsheet.core.testing.InMemoryObjectStore.Operation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Transient failures (the store or the table throttling, timing out) are not the upload's fault:
 * the step throws, writes no error record, and the platform retries the event with backoff and
 * finally sends it to the failure destination. A retry after recovery then does the work once.
 */
class TransientFailureTest {

    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    static final String KEY = "incoming/tram-lines.md";
    static final String ID = ArticleIds.fromSourceKey(KEY);
    static final String PARSED_KEY = ArticleKeys.parsedKey(ID);

    /** What the SDK throws for S3's 503 SlowDown or DynamoDB's throttling, as far as the core can tell. */
    static final class ThrottlingException extends RuntimeException {
        ThrottlingException(String message) {
            super(message);
        }
    }

    final InMemoryObjectStore store = new InMemoryObjectStore();
    final InMemoryArticleTable table = new InMemoryArticleTable();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ParseArticleService parse = new ParseArticleService(store, new ArticleParsers(), 5L * 1024 * 1024, clock);
    final AnalyzeArticleService analyze = new AnalyzeArticleService(store, table, HashingSentenceEncoder.analyzer(), clock);

    ParseArticleService.Upload upload(String key, String content) {
        store.put(key, content.getBytes(StandardCharsets.UTF_8), "text/markdown");
        return new ParseArticleService.Upload(key, store.etag(key).replace("\"", ""), "0055AED6DCD90281E5");
    }

    ParseArticleService.Upload upload() {
        return upload(KEY, "# Tram lines\n\nThe council votes on Friday to fund two new tram lines.\n");
    }

    @Test
    void parse_throws_andRecordsNothing_whenTheUploadsHeadIsThrottled() {
        ParseArticleService.Upload event = upload();
        ThrottlingException slowDown = new ThrottlingException("503 SlowDown");
        store.failWhen(Operation.HEAD, KEY::equals, slowDown);

        assertThat(catchThrowable(() -> parse.parse(event))).isSameAs(slowDown);
        assertThat(store.list(ArticleKeys.REJECTED)).isEmpty();
        assertThat(store.list(ArticleKeys.PARSED)).isEmpty();
        assertThat(store.contains(KEY)).isTrue();
    }

    @Test
    void parse_throws_andRecordsNothing_whenReadingTheUploadTimesOut() {
        ParseArticleService.Upload event = upload();
        RuntimeException timeout = new java.io.UncheckedIOException(new java.net.SocketTimeoutException("Read timed out"));
        store.failWhen(Operation.GET, KEY::equals, timeout);

        assertThat(catchThrowable(() -> parse.parse(event))).isSameAs(timeout);
        assertThat(store.list(ArticleKeys.REJECTED)).isEmpty();
        assertThat(store.list(ArticleKeys.PARSED)).isEmpty();
    }

    @Test
    void parse_throws_whenWritingTheParsedArticleFails_andItsRetryWritesItOnce() {
        ParseArticleService.Upload event = upload();
        store.failWhen(Operation.PUT, k -> k.startsWith(ArticleKeys.PARSED), new ThrottlingException("503 SlowDown"));

        assertThat(catchThrowable(() -> parse.parse(event))).isInstanceOf(ThrottlingException.class);
        assertThat(store.list(ArticleKeys.REJECTED)).isEmpty();

        store.clearFailures();
        ParseArticleService.Outcome retried = parse.parse(event);

        assertThat(retried).isEqualTo(new ParseArticleService.Parsed(KEY, ID, PARSED_KEY, true));
        assertThat(store.writes(PARSED_KEY)).isEqualTo(1);
    }

    @Test
    void parse_throws_whenWritingTheErrorRecordFails_andItsRetryRecordsTheRejectionOnce() {
        ParseArticleService.Upload event = upload("incoming/blank.md", "   \n");
        store.failWhen(Operation.PUT, k -> k.startsWith(ArticleKeys.REJECTED), new ThrottlingException("503 SlowDown"));

        assertThat(catchThrowable(() -> parse.parse(event))).isInstanceOf(ThrottlingException.class);

        store.clearFailures();
        ParseArticleService.Outcome retried = parse.parse(event);
        parse.parse(event);

        assertThat(retried).isInstanceOf(ParseArticleService.Rejected.class);
        assertThat(store.writes("rejected/blank.md.error.json")).isEqualTo(1);
    }

    @Test
    void analyze_throws_andWritesNoRecord_whenTheTableIsThrottled_andItsRetryWritesOneVersion() {
        parse.parse(upload());
        table.failWritesWith(new ThrottlingException("ProvisionedThroughputExceededException"));

        assertThat(catchThrowable(() -> analyze.analyze(PARSED_KEY))).isInstanceOf(ThrottlingException.class);
        assertThat(table.find(ID)).isEmpty();

        table.heal();
        AnalyzeArticleService.Outcome retried = analyze.analyze(PARSED_KEY);

        assertThat(retried.result()).isEqualTo(AnalyzeArticleService.Result.CREATED);
        assertThat(table.written(ID)).hasSize(1);
        assertThat(store.list(ArticleKeys.REJECTED)).isEmpty();
    }

    @Test
    void analyze_throws_whenReadingTheParsedArticleFails() {
        parse.parse(upload());
        store.failWhen(Operation.GET, PARSED_KEY::equals, new ThrottlingException("503 SlowDown"));

        assertThat(catchThrowable(() -> analyze.analyze(PARSED_KEY))).isInstanceOf(ThrottlingException.class);
        assertThat(table.find(ID)).isEmpty();
        assertThat(store.list(ArticleKeys.REJECTED)).isEmpty();
    }

    @Test
    void analyze_recordsAnUnreadableParsedArticle_insteadOfRetryingIt() {
        store.put(PARSED_KEY, "{\"id\": \"tram-lines\", \"article\": [1, 2".getBytes(StandardCharsets.UTF_8), "application/json");

        AnalyzeArticleService.Outcome outcome = analyze.analyze(PARSED_KEY);

        assertThat(outcome.result()).isEqualTo(AnalyzeArticleService.Result.REJECTED);
        String errorKey = ArticleKeys.rejectedKey(PARSED_KEY);
        assertThat(errorKey).isEqualTo("rejected/parsed/" + ID + ".json.error.json");
        ErrorRecord error = ArticleJson.read(store.bytes(errorKey), ErrorRecord.class);
        assertThat(error.reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(error.sourceKey()).isEqualTo(PARSED_KEY);
        assertThat(error.etag()).isEqualTo(store.etag(PARSED_KEY).replace("\"", ""));
        assertThat(error.time()).isEqualTo(NOW);
        assertThat(table.size()).isZero();
        assertThat(store.contains(PARSED_KEY)).isTrue();
    }

    @Test
    void analyze_recordsARecordTooLargeForTheTable_insteadOfRetryingIt() {
        // a parsed article past the parse step's limits (written by an older release, say)
        io.broadsheet.core.model.Article huge = new io.broadsheet.core.model.Article("T".repeat(400_000), null, null,
                null, java.util.List.of(), java.util.List.of("The council votes on Friday."));
        io.broadsheet.core.model.ParsedArticle parsed = new io.broadsheet.core.model.ParsedArticle(ID,
                new io.broadsheet.core.model.SourceRef(KEY, "abc", "01", io.broadsheet.core.model.SourceFormat.MARKDOWN, 400_100),
                huge, io.broadsheet.core.model.ContentHash.of(huge));
        store.put(PARSED_KEY, ArticleJson.write(parsed), "application/json");

        AnalyzeArticleService.Outcome outcome = analyze.analyze(PARSED_KEY);

        assertThat(outcome.result()).isEqualTo(AnalyzeArticleService.Result.REJECTED);
        ErrorRecord error = ArticleJson.read(store.bytes(ArticleKeys.rejectedKey(PARSED_KEY)), ErrorRecord.class);
        assertThat(error.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(error.message()).contains("the table's limit is " + AnalyzeArticleService.MAX_RECORD_BYTES);
        assertThat(table.size()).isZero();
    }

    @Test
    void analyze_findsNothingToDo_whenTheParsedArticleIsGone() {
        AnalyzeArticleService.Outcome outcome = analyze.analyze(PARSED_KEY);

        assertThat(outcome.result()).isEqualTo(AnalyzeArticleService.Result.MISSING);
        assertThat(table.size()).isZero();
        assertThat(store.list("")).isEmpty();
    }
}
