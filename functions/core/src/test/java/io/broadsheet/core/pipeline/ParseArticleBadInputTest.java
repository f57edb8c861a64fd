package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ErrorRecord;
import io.broadsheet.core.parse.UploadChecks;
import io.broadsheet.core.testing.HashingSentenceEncoder;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ParsedArticle;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.testing.InMemoryArticleTable;
import io.broadsheet.core.testing.InMemoryObjectStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue of issue 7, one case per test: what an upload that can never be an
 * article leaves behind (an error record with reason, message, source key, ETag and time; the
 * original untouched; no parsed article), and which odd-but-fine uploads are accepted.
 * docs/reliability.md has the same catalogue as a table.
 */
class ParseArticleBadInputTest {

    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;
    static final String SEQUENCER = "0055AED6DCD90281E5";

    final InMemoryObjectStore store = new InMemoryObjectStore();
    final ParseArticleService service = new ParseArticleService(store, new ArticleParsers(), MAX_UPLOAD_BYTES,
            Clock.fixed(NOW, ZoneOffset.UTC));

    // ---- helpers ---------------------------------------------------------------------------

    ParseArticleService.Outcome upload(String key, byte[] content, String contentType) {
        store.put(key, content, contentType);
        return service.parse(event(key));
    }

    ParseArticleService.Outcome upload(String key, String content) {
        return upload(key, content.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The event S3 sends for the object now under {@code key}: ETag without quotes. */
    ParseArticleService.Upload event(String key) {
        return new ParseArticleService.Upload(key, store.head(key).orElseThrow().etag().replace("\"", ""), SEQUENCER);
    }

    static byte[] resource(String name) {
        try (InputStream in = ParseArticleBadInputTest.class.getResourceAsStream("/badinput/" + name)) {
            assertThat(in).as("test resource badinput/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** THEN: the error record says why, about which upload and when; the original is kept; nothing parsed. */
    ErrorRecord assertRejected(ParseArticleService.Outcome outcome, String key, byte[] original,
                               RejectionReason reason, String messageFragment) {
        assertThat(outcome).isInstanceOf(ParseArticleService.Rejected.class);
        ParseArticleService.Rejected rejected = (ParseArticleService.Rejected) outcome;
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.errorKey()).isEqualTo(ParseArticleService.errorKey(key));
        assertThat(store.contains(rejected.errorKey())).as("error record %s", rejected.errorKey()).isTrue();

        String json = store.text(rejected.errorKey());
        assertThat(json).contains("\"reason\"", "\"message\"", "\"sourceKey\"", "\"etag\"", "\"time\"");
        ErrorRecord error = ArticleJson.read(json, ErrorRecord.class);
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.message()).containsIgnoringCase(messageFragment);
        assertThat(error.sourceKey()).isEqualTo(key);
        assertThat(error.etag()).isNotBlank().isEqualTo(store.head(key).orElseThrow().etag().replace("\"", ""));
        assertThat(error.sequencer()).isEqualTo(SEQUENCER);
        assertThat(error.time()).isEqualTo(NOW);

        if (original != null) {
            assertThat(store.bytes(key)).as("the original upload, untouched").isEqualTo(original);
        } else {
            assertThat(store.contains(key)).as("the original upload is still there").isTrue();
        }
        assertThat(store.list(ArticleKeys.PARSED)).as("no parsed article").isEmpty();
        return error;
    }

    ParsedArticle assertParsed(ParseArticleService.Outcome outcome, String key) {
        assertThat(outcome).as("outcome of %s", key).isInstanceOf(ParseArticleService.Parsed.class);
        ParseArticleService.Parsed parsed = (ParseArticleService.Parsed) outcome;
        assertThat(parsed.id()).isEqualTo(ArticleIds.fromSourceKey(key));
        assertThat(ArticleIds.isValid(parsed.id())).as("valid id %s", parsed.id()).isTrue();
        assertThat(store.list(ArticleKeys.REJECTED)).as("no error record").isEmpty();
        return ArticleJson.read(store.bytes(parsed.parsedKey()), ParsedArticle.class);
    }

    /** The next step, on what parse wrote: an accepted article must also become a record. */
    AnalyzeArticleService.Outcome analyze(ParsedArticle parsed) {
        InMemoryArticleTable table = new InMemoryArticleTable();
        AnalyzeArticleService analyze = new AnalyzeArticleService(store, table, HashingSentenceEncoder.analyzer(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        AnalyzeArticleService.Outcome outcome = analyze.analyze(ArticleKeys.parsedKey(parsed.id()));
        assertThat(table.find(parsed.id())).isPresent();
        return outcome;
    }

    static String article(int paragraphs, int wordsPerParagraph) {
        StringBuilder text = new StringBuilder("The long report\n\n");
        String[] words = {"council", "tram", "budget", "votes", "city", "line", "friday", "fund", "new", "two"};
        for (int p = 0; p < paragraphs; p++) {
            for (int w = 0; w < wordsPerParagraph; w++) {
                text.append(words[(p + w) % words.length]).append(w == wordsPerParagraph - 1 ? ".\n\n" : " ");
            }
        }
        return text.toString();
    }

    @Test
    void parse_recordsTheObjectsEtag_whenTheEventCarriesNone() {
        byte[] bytes = "  ".getBytes(StandardCharsets.UTF_8);
        store.put("incoming/blank.txt", bytes, null);

        ParseArticleService.Outcome outcome = service.parse(new ParseArticleService.Upload("incoming/blank.txt", null, SEQUENCER));

        ErrorRecord error = assertRejected(outcome, "incoming/blank.txt", bytes, RejectionReason.EMPTY, "whitespace");
        assertThat(error.etag()).doesNotContain("\"").isEqualTo(store.etag("incoming/blank.txt").replace("\"", ""));
    }

    // ---- empty ------------------------------------------------------------------------------

    @Nested
    class Empty {

        @Test
        void parse_rejectsEmptyFileByItsSize_withoutReadingIt() {
            ParseArticleService.Outcome outcome = upload("incoming/empty.txt", new byte[0], "text/plain");

            assertRejected(outcome, "incoming/empty.txt", new byte[0], RejectionReason.EMPTY, "empty");
            assertThat(store.reads("incoming/empty.txt")).isZero();
        }

        @ParameterizedTest
        @CsvSource({
                "incoming/blank.txt, '   \n\t\n  \r\n'",
                "incoming/blank.md, '\n\n\n      \n'",
                "incoming/blank.json, ' \n '",
                "incoming/blank.html, '\r\n\r\n   \t'",
                "incoming/nbsp.txt, '\u00a0\u2003\n\u3000'"})
        void parse_rejectsWhitespaceOnlyFile(String key, String content) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

            assertRejected(upload(key, bytes, null), key, bytes, RejectionReason.EMPTY, "only whitespace");
        }

        @Test
        void parse_rejectsByteOrderMarkAndWhitespaceOnly() {
            byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'};

            assertRejected(upload("incoming/bom.md", bytes, null), "incoming/bom.md", bytes,
                    RejectionReason.EMPTY, "only whitespace");
        }
    }

    // ---- binary -----------------------------------------------------------------------------

    @Nested
    class Binary {

        @ParameterizedTest(name = "{0} uploaded as {1}")
        @CsvSource({
                "article.pdf, incoming/article.txt, PDF",
                "article.pdf, incoming/article.md, PDF",
                "photo.png, incoming/photo.md, PNG",
                "photo.png, incoming/photo.html, PNG",
                "articles.zip, incoming/articles.json, ZIP",
                "story.docx, incoming/story.txt, ZIP",
                "articles.zip, incoming/articles.html, ZIP"})
        void parse_rejectsBinaryFile_whenItHasATextExtension(String resource, String key, String kind) {
            byte[] bytes = resource(resource);

            assertRejected(upload(key, bytes, null), key, bytes, RejectionReason.BINARY, kind);
        }

        @ParameterizedTest
        @ValueSource(strings = {"incoming/noise.txt", "incoming/noise.md", "incoming/noise.json", "incoming/noise.html"})
        void parse_rejectsNulHeavyContent(String key) {
            byte[] bytes = new byte[4096];
            new Random(7).nextBytes(bytes);
            for (int i = 0; i < bytes.length; i += 3) {
                bytes[i] = 0;
            }
            bytes[0] = 'T';

            assertRejected(upload(key, bytes, null), key, bytes, RejectionReason.BINARY, "NUL");
        }

        @Test
        void parse_rejectsTextWithOneNulByte() {
            byte[] bytes = "Title\n\nA body with a \u0000 in the middle.\n".getBytes(StandardCharsets.UTF_8);

            assertRejected(upload("incoming/nul.txt", bytes, null), "incoming/nul.txt", bytes,
                    RejectionReason.BINARY, "NUL");
        }

        @Test
        void parse_rejectsControlCharacterHeavyContent_withoutNul() {
            StringBuilder text = new StringBuilder("Title\n\n");
            for (int i = 0; i < 200; i++) {
                text.append("ab\u0001\u0002\u0003\u001b");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

            assertRejected(upload("incoming/controls.md", bytes, null), "incoming/controls.md", bytes,
                    RejectionReason.BINARY, "control characters");
        }
    }

    // ---- encodings --------------------------------------------------------------------------

    @Nested
    class Encodings {

        @Test
        void parse_rejectsLatin1Text_asInvalidEncoding() {
            byte[] bytes = resource("latin1.txt");

            assertRejected(upload("incoming/latin1.txt", bytes, "text/plain"), "incoming/latin1.txt",
                    bytes, RejectionReason.INVALID_ENCODING, "UTF-8");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "truncated sequence, incoming/truncated.md, 'Title\n\nCaf', C3",
                "overlong slash, incoming/overlong.json, '{\"title\":\"a', C0AF",
                "encoded surrogate, incoming/surrogate.txt, 'Title\n\nText ', EDA080",
                "stray continuation byte, incoming/stray.md, '# Title\n\nText ', 80",
                "beyond U+10FFFF, incoming/beyond.txt, 'Title\n\nText ', F4908080"})
        void parse_rejectsInvalidUtf8(String name, String key, String prefix, String badHex) {
            byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] bad = java.util.HexFormat.of().parseHex(badHex);
            byte[] tail = " and more text.\n".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(bad, 0, bytes, head.length, bad.length);
            System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);

            ErrorRecord error = assertRejected(upload(key, bytes, null), key, bytes,
                    RejectionReason.INVALID_ENCODING, "not valid UTF-8");
            assertThat(error.message()).contains("at byte " + head.length);
        }

        @Test
        void parse_acceptsUtf8WithByteOrderMark_andDropsIt() {
            byte[] body = "Tram lines\n\nThe council votes on Friday.\n".getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[body.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);

            ParsedArticle parsed = assertParsed(upload("incoming/bom.txt", bytes, null), "incoming/bom.txt");

            assertThat(parsed.article().title()).isEqualTo("Tram lines");
        }

        @Test
        void parse_acceptsUtf16LittleEndianWithByteOrderMark() {
            String text = "\uFEFF# Café reopens\n\nThe café by the station reopens on Monday.\n";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);

            ParsedArticle parsed = assertParsed(upload("incoming/utf16.md", bytes, null), "incoming/utf16.md");

            assertThat(parsed.article().title()).isEqualTo("Café reopens");
            assertThat(parsed.article().paragraphs()).containsExactly("The café by the station reopens on Monday.");
        }

        @Test
        void parse_acceptsUtf16BigEndianJsonWithByteOrderMark() {
            String json = "\uFEFF{\"title\":\"Été en ville\",\"body\":\"Les terrasses sont pleines.\"}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_16BE);

            ParsedArticle parsed = assertParsed(upload("incoming/utf16.json", bytes, null), "incoming/utf16.json");

            assertThat(parsed.article().title()).isEqualTo("Été en ville");
        }

        @Test
        void parse_readsTextAsUtf8_whenItsContentTypeClaimsAnotherCharset() {
            byte[] bytes = "Café reopens\n\nThe café by the station reopens on Monday.\n".getBytes(StandardCharsets.UTF_8);

            ParsedArticle parsed = assertParsed(upload("incoming/mislabelled.txt", bytes, "text/plain; charset=iso-8859-1"),
                    "incoming/mislabelled.txt");

            assertThat(parsed.article().title()).isEqualTo("Café reopens");
        }

        @Test
        void parse_acceptsUtf16Html_withByteOrderMark() {
            String html = "\uFEFF<html><head><title>Café reopens</title></head><body><h1>Café reopens</h1>"
                    + "<p>The café by the station reopens on Monday.</p></body></html>";
            byte[] bytes = html.getBytes(StandardCharsets.UTF_16LE);

            ParsedArticle parsed = assertParsed(upload("incoming/utf16.html", bytes, "text/html"), "incoming/utf16.html");

            assertThat(parsed.article().title()).isEqualTo("Café reopens");
        }

        @Test
        void parse_acceptsLatin1Html_whoseMetaDeclaresTheCharset() {
            byte[] bytes = resource("latin1-meta-charset.html");

            ParsedArticle parsed = assertParsed(upload("incoming/cafe.html", bytes, "text/html"), "incoming/cafe.html");

            assertThat(parsed.article().title()).isEqualTo("Le café de la gare rouvre");
            assertThat(parsed.article().body()).contains("Après deux ans de travaux");
        }
    }

    // ---- sizes ------------------------------------------------------------------------------

    @Nested
    class Sizes {

        @Test
        void parse_rejects50MegabyteUpload_byItsSize_beforeReadingIt() {
            String key = "incoming/huge.txt";
            store.putSizeOnly(key, 50L * 1024 * 1024);   // the store fails the test if the step reads it

            ParseArticleService.Outcome outcome = service.parse(event(key));

            ErrorRecord error = assertRejected(outcome, key, null, RejectionReason.TOO_LARGE, "larger than the limit");
            assertThat(error.message()).contains(Long.toString(50L * 1024 * 1024), Long.toString(MAX_UPLOAD_BYTES));
        }

        @Test
        void parse_rejectsUploadThatGrewBetweenHeadAndGet() {
            String key = "incoming/growing.txt";
            ParseArticleService smallLimit = new ParseArticleService(store, new ArticleParsers(), 64,
                    Clock.fixed(NOW, ZoneOffset.UTC));
            store.put(key, "Title\n\nBody.\n".getBytes(StandardCharsets.UTF_8), null);
            store.beforeNextGet(key, () -> store.put(key, article(10, 10).getBytes(StandardCharsets.UTF_8), null));

            ParseArticleService.Outcome outcome = smallLimit.parse(new ParseArticleService.Upload(key, null, SEQUENCER));

            assertThat(outcome).isInstanceOf(ParseArticleService.Rejected.class);
            assertThat(((ParseArticleService.Rejected) outcome).reason()).isEqualTo(RejectionReason.TOO_LARGE);
            assertThat(store.list(ArticleKeys.PARSED)).isEmpty();
        }

        @Test
        void parse_accepts100000WordArticle_withinTheLimits() {
            String text = article(1_000, 100);
            assertThat(text.length()).isLessThan((int) MAX_UPLOAD_BYTES);

            ParsedArticle parsed = assertParsed(upload("incoming/long.txt", text), "incoming/long.txt");

            assertThat(parsed.article().paragraphs()).hasSize(1_000);
            assertThat(parsed.article().paragraphs().stream().mapToLong(UploadChecks::countWords).sum())
                    .isEqualTo(100_000);
            assertThat(analyze(parsed).result()).isEqualTo(AnalyzeArticleService.Result.CREATED);
        }

        @Test
        void parse_rejectsArticleAboveTheWordLimit_asTooLarge() {
            String text = article(2_500, 100);   // 250,000 words, about 1.7 MB: under the byte limit

            ParseArticleService.Outcome outcome = upload("incoming/novel.txt", text);

            assertRejected(outcome, "incoming/novel.txt", text.getBytes(StandardCharsets.UTF_8),
                    RejectionReason.TOO_LARGE, "words; the limit is " + UploadChecks.MAX_WORDS);
        }

        @Test
        void parse_rejectsTextWhoseFirstLineIsItsWholeBody_byTheTitleLimit() {
            String text = "The council votes. ".repeat(200) + "\n\nA second paragraph.\n";

            assertRejected(upload("incoming/one-line.txt", text), "incoming/one-line.txt", null,
                    RejectionReason.TOO_LARGE, "the title has");
        }

        @Test
        void parse_rejectsAParagraphOfAMillionCharacters_asTooLarge() {
            String text = "Title\n\n" + "word".repeat(250_000) + "\n";

            assertRejected(upload("incoming/wall.txt", text), "incoming/wall.txt", null,
                    RejectionReason.TOO_LARGE, "a paragraph has 1000000 characters");
        }

        @Test
        void parse_rejectsArticleAboveTheParagraphLimit_asTooLarge() {
            String text = article(UploadChecks.MAX_PARAGRAPHS + 1, 2);

            ParseArticleService.Outcome outcome = upload("incoming/list.txt", text);

            assertRejected(outcome, "incoming/list.txt", null, RejectionReason.TOO_LARGE, "paragraphs; the limit is");
        }
    }

    // ---- malformed documents ----------------------------------------------------------------

    @Nested
    class Malformed {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
                "truncated object | {\"title\": \"Tram lines\", \"body\": ",
                "array at the root | [\"Tram lines\", \"The council votes.\"]",
                "trailing garbage in a string | {\"title\": \"Tram\u0001lines\" ,,, }",
                "single quotes | {'title': 'Tram lines', 'body': 'Text.'}"})
        void parse_rejectsMalformedJson(String name, String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

            assertRejected(upload("incoming/bad.json", bytes, null), "incoming/bad.json", bytes,
                    RejectionReason.MALFORMED, "");
        }

        @Test
        void parse_rejectsDeeplyNestedJson_withoutStackOverflow() {
            String json = "{\"title\":\"Deep\",\"body\":\"Text.\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

            assertRejected(upload("incoming/deep.json", json), "incoming/deep.json", null, RejectionReason.MALFORMED, "");
        }

        @Test
        void parse_readsHtmlWithUnclosedTags() {
            String html = "<html><head><title>Tram lines</title><body><h1>Tram lines</h1><p>The council votes on Friday."
                    + "<p>Two new lines <b>would open <i>in 2028.<div><span></table></td>";

            ParsedArticle parsed = assertParsed(upload("incoming/unclosed.html", html), "incoming/unclosed.html");

            assertThat(parsed.article().title()).isEqualTo("Tram lines");
            assertThat(parsed.article().body()).contains("The council votes on Friday.", "would open");
        }

        @Test
        void parse_readsHtmlNested20000Deep_withoutStackOverflow() {
            String html = "<html><head><title>Deep</title></head><body><h1>Deep</h1>" + "<div>".repeat(20_000)
                    + "<p>The story, far down.</p>" + "</div>".repeat(20_000) + "</body></html>";

            ParsedArticle parsed = assertParsed(upload("incoming/deep.html", html), "incoming/deep.html");

            assertThat(parsed.article().title()).isEqualTo("Deep");
            assertThat(parsed.article().paragraphs()).containsExactly("The story, far down.");
        }

        @Test
        void parse_rejectsHtmlWithoutHeadlineOrTitle_cleanly() {
            String html = "<<<>>><div></p><p>Only a paragraph, and no headline anywhere.</div>";

            assertRejected(upload("incoming/soup.html", html), "incoming/soup.html", null, RejectionReason.NO_TITLE, "title");
        }

        @Test
        void parse_rejectsYamlAliasBomb() {
            StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            char previous = 'a';
            for (char name = 'b'; name <= 'j'; name++) {
                yaml.append(name).append(": &").append(name).append(" [");
                for (int i = 0; i < 9; i++) {
                    yaml.append(i == 0 ? "" : ",").append('*').append(previous);
                }
                yaml.append("]\n");
                previous = name;
            }
            String markdown = yaml + "title: Laughs\n---\n\n# Laughs\n\nA billion of them.\n";

            assertRejected(upload("incoming/laughs.md", markdown), "incoming/laughs.md", null,
                    RejectionReason.MALFORMED, "");
        }

        @Test
        void parse_rejectsHugeFrontMatter_asTooLarge() {
            StringBuilder yaml = new StringBuilder("---\ntitle: Big\n");
            for (int i = 0; yaml.length() <= UploadChecks.MAX_FRONT_MATTER_BYTES; i++) {
                yaml.append("key").append(i).append(": value number ").append(i).append('\n');
            }
            String markdown = yaml + "---\n\nA body.\n";

            assertRejected(upload("incoming/big-front.md", markdown), "incoming/big-front.md", null,
                    RejectionReason.TOO_LARGE, "front matter");
        }

        @Test
        void parse_rejectsUnclosedHugeFrontMatter_asTooLarge() {
            String markdown = "---\ntitle: Never closed\n" + "tag: x\n".repeat(20_000);

            assertRejected(upload("incoming/unclosed-front.md", markdown), "incoming/unclosed-front.md", null,
                    RejectionReason.TOO_LARGE, "front matter");
        }

        @Test
        void parse_rejectsDeeplyNestedFrontMatter_withoutStackOverflow() {
            String markdown = "---\ntitle: Deep\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\n\nA body.\n";

            assertRejected(upload("incoming/deep-front.md", markdown), "incoming/deep-front.md", null,
                    RejectionReason.MALFORMED, "");
        }

        @Test
        void parse_rejectsInvalidYamlFrontMatter() {
            String markdown = "---\ntitle: [unclosed\nauthor: : :\n---\n\n# Title\n\nA body.\n";

            assertRejected(upload("incoming/bad-front.md", markdown), "incoming/bad-front.md", null,
                    RejectionReason.MALFORMED, "");
        }
    }

    // ---- formats ----------------------------------------------------------------------------

    @Nested
    class Formats {

        @ParameterizedTest(name = "{1}")
        @CsvSource({
                "article.pdf, incoming/article.pdf, application/pdf",
                "story.docx, incoming/story.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "photo.png, incoming/photo.png, image/png",
                "latin1.txt, incoming/README, ",
                "latin1.txt, incoming/notes, application/octet-stream"})
        void parse_rejectsUnsupportedFormat_beforeReadingIt(String resource, String key, String contentType) {
            byte[] bytes = resource(resource);

            ParseArticleService.Outcome outcome = upload(key, bytes, contentType);

            assertRejected(outcome, key, bytes, RejectionReason.UNSUPPORTED_FORMAT, "accepted: .txt, .md, .html, .json");
            assertThat(store.reads(key)).as("reads of the upload").isZero();
        }

        @Test
        void parse_acceptsFileWithoutExtension_whenItsContentTypeIsText() {
            ParsedArticle parsed = assertParsed(upload("incoming/NOTES",
                    "Tram lines\n\nThe council votes.\n".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"),
                    "incoming/NOTES");

            assertThat(parsed.article().title()).isEqualTo("Tram lines");
        }
    }

    // ---- keys -------------------------------------------------------------------------------

    @Nested
    class Keys {

        @ParameterizedTest
        @ValueSource(strings = {
                "incoming/city news/Tram Lines.txt",
                "incoming/a+b story.txt",
                "incoming/nouvelles/Café été à Zürich.txt",
                "incoming/新闻/報道.txt",
                "incoming/my..story.txt",
                "incoming/.hidden.txt"})
        void parse_acceptsKeyWithSpacesPlusOrUnicode_andGivesAValidId(String key) {
            assertParsed(upload(key, "Tram lines\n\nThe council votes on Friday.\n"), key);
        }

        @ParameterizedTest
        @ValueSource(strings = {"incoming/", "incoming/news/"})
        void parse_skipsFolderMarkers_withoutAnErrorRecord(String key) {
            ParseArticleService.Outcome outcome = upload(key, new byte[0], "application/x-directory");

            assertThat(outcome).isInstanceOf(ParseArticleService.Skipped.class);
            assertThat(store.list(ArticleKeys.REJECTED)).isEmpty();
            assertThat(store.list(ArticleKeys.PARSED)).isEmpty();
        }

        @Test
        void parse_putsTheErrorRecordOfAVeryLongKey_whereS3CanStoreIt() {
            String key = "incoming/" + "é".repeat(503) + "a.txt";   // 1,020 bytes: its mirror would be 1,031
            assertThat(key.getBytes(StandardCharsets.UTF_8)).hasSize(1_020);
            byte[] bytes = "   ".getBytes(StandardCharsets.UTF_8);

            ParseArticleService.Outcome outcome = upload(key, bytes, "text/plain");

            assertRejected(outcome, key, bytes, RejectionReason.EMPTY, "whitespace");
            assertThat(((ParseArticleService.Rejected) outcome).errorKey()).startsWith("rejected/unsafe-keys/");
            assertThat(((ParseArticleService.Rejected) outcome).errorKey().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(1024);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "incoming/../parsed/evil.json",
                "incoming/news/../../site/index.html",
                "incoming/./story.txt",
                "incoming/a//story.txt",
                "incoming/..",
                "incoming/news/..",
                "incoming/news\\..\\story.txt"})
        void parse_rejectsPathTraversalKey_andKeepsTheErrorRecordInsideRejected(String key) {
            byte[] bytes = "Title\n\nBody.\n".getBytes(StandardCharsets.UTF_8);

            ErrorRecord error = assertRejected(upload(key, bytes, "text/plain"), key, bytes,
                    RejectionReason.UNSAFE_KEY, "not a plain file path");

            assertThat(ParseArticleService.errorKey(key)).startsWith("rejected/unsafe-keys/").doesNotContain("..");
            assertThat(error.sourceKey()).isEqualTo(key);
            assertThat(store.reads(key)).isZero();
        }
    }

    // ---- content ----------------------------------------------------------------------------

    @Nested
    class Content {

        @Test
        void parse_rejectsJsonWithoutTitle() {
            String json = "{\"author\":\"A. Writer\",\"body\":\"The council votes on Friday.\"}";

            assertRejected(upload("incoming/untitled.json", json), "incoming/untitled.json", null,
                    RejectionReason.NO_TITLE, "title");
        }

        @Test
        void parse_rejectsMarkdownWithoutTitle() {
            String markdown = "Just a paragraph, no heading and no front matter.\n\nAnd another.\n";

            assertRejected(upload("incoming/untitled.md", markdown), "incoming/untitled.md", null,
                    RejectionReason.NO_TITLE, "title");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "incoming/one.txt | Tram lines\\n\\nThe council votes on Friday.\\n",
                "incoming/one.md | # Tram lines\\n\\nThe council votes on Friday.\\n",
                "incoming/one.json | {\"title\":\"Tram lines\",\"body\":\"The council votes on Friday.\"}",
                "incoming/one.html | <html><head><title>Tram lines</title></head><body><h1>Tram lines</h1><p>The council votes on Friday.</p></body></html>"})
        void parse_acceptsOneSentenceArticle(String key, String content) {
            ParsedArticle parsed = assertParsed(upload(key, content.replace("\\n", "\n")), key);

            assertThat(parsed.article().title()).isEqualTo("Tram lines");
            assertThat(parsed.article().paragraphs()).containsExactly("The council votes on Friday.");
            assertThat(analyze(parsed).result()).isEqualTo(AnalyzeArticleService.Result.CREATED);
        }
    }
}
