package io.broadsheet.core.parse;

import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UploadChecksTest {

    static RejectionReason reasonOf(Runnable check) {
        ArticleRejectedException e = catchThrowableOfType(ArticleRejectedException.class, check::run);
        return e == null ? null : e.reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/a.md", "incoming/city news/Tram Lines.md", "incoming/a+b.txt",
            "incoming/été/Zürich.html", "incoming/v1..v2.json", "incoming/.draft.md"})
    void checkKey_acceptsPlainFilePaths(String key) {
        assertThatCode(() -> UploadChecks.checkKey(key)).doesNotThrowAnyException();
        assertThat(UploadChecks.isSafeKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/../x.md", "incoming/a/../../x.md", "incoming/./x.md", "incoming/a/",
            "incoming//x.md", "incoming/x\u0000.md", "incoming/a\\b.md", "incoming/line\nbreak.md", ""})
    void checkKey_rejectsTraversalAndOddPaths(String key) {
        assertThat(reasonOf(() -> UploadChecks.checkKey(key))).isEqualTo(RejectionReason.UNSAFE_KEY);
        assertThat(UploadChecks.isSafeKey(key)).isFalse();
    }

    @Test
    void checkSize_rejectsEmptyAndOversized_byTheReportedSize() {
        assertThat(reasonOf(() -> UploadChecks.checkSize(0, 100))).isEqualTo(RejectionReason.EMPTY);
        assertThat(reasonOf(() -> UploadChecks.checkSize(101, 100))).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(reasonOf(() -> UploadChecks.checkSize(100, 100))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"story.md,, MARKDOWN", "story.HTM,, HTML", "README, text/plain, TEXT",
            "data, application/json; charset=utf-8, JSON", "page.md, text/html, MARKDOWN"})
    void format_comesFromTheExtension_thenTheContentType(String name, String contentType, SourceFormat expected) {
        assertThat(UploadChecks.format(name, contentType)).isEqualTo(expected);
    }

    @Test
    void checkContent_returnsUtf8WithoutByteOrderMark_forTheTextFormats() {
        byte[] utf16 = "\uFEFFTitre\n\nCafé.".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf8Bom = "\uFEFFTitre\n\nCafé.".getBytes(StandardCharsets.UTF_8);
        byte[] plain = "Titre\n\nCafé.".getBytes(StandardCharsets.UTF_8);

        assertThat(UploadChecks.checkContent(SourceFormat.TEXT, utf16)).isEqualTo(plain);
        assertThat(UploadChecks.checkContent(SourceFormat.MARKDOWN, utf8Bom)).isEqualTo(plain);
        assertThat(UploadChecks.checkContent(SourceFormat.JSON, plain)).isSameAs(plain);
    }

    @Test
    void checkText_returnsTheTextWithoutByteOrderMark_andRejectsWhatCheckContentRejects() {
        byte[] utf16 = "\uFEFFTitre\n\nCafé.".getBytes(StandardCharsets.UTF_16LE);
        byte[] plain = "Titre\n\nCafé.".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Titre\n\nCafé.".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(UploadChecks.checkText(SourceFormat.TEXT, utf16)).isEqualTo("Titre\n\nCafé.");
        assertThat(UploadChecks.checkText(SourceFormat.MARKDOWN, plain)).isEqualTo("Titre\n\nCafé.");
        assertThat(reasonOf(() -> UploadChecks.checkText(SourceFormat.JSON, latin1))).isEqualTo(RejectionReason.INVALID_ENCODING);
    }

    @Test
    void checkContent_leavesHtmlBytesToTheParser_evenWhenTheyAreNotUtf8() {
        byte[] latin1 = "<meta charset=iso-8859-1><h1>Café</h1><p>Été.</p>".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(UploadChecks.checkContent(SourceFormat.HTML, latin1)).isSameAs(latin1);
        assertThat(reasonOf(() -> UploadChecks.checkContent(SourceFormat.TEXT, latin1)))
                .isEqualTo(RejectionReason.INVALID_ENCODING);
    }

    @Test
    void checkContent_allowsAFewControlCharacters_butNotMany() {
        String few = "Title\n\n" + "word ".repeat(100) + "\u001b[1m bold \u001b[0m\u000b";
        String many = "Title\n\n" + "ab\u0001\u0002".repeat(50);

        assertThat(reasonOf(() -> UploadChecks.checkContent(SourceFormat.TEXT, few.getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThat(reasonOf(() -> UploadChecks.checkContent(SourceFormat.TEXT, many.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(RejectionReason.BINARY);
    }

    @Test
    void checkContent_rejectsNulInUtf16Text() {
        byte[] utf16 = "\uFEFFTitle\n\nA \u0000 here.".getBytes(StandardCharsets.UTF_16BE);

        assertThat(reasonOf(() -> UploadChecks.checkContent(SourceFormat.MARKDOWN, utf16))).isEqualTo(RejectionReason.BINARY);
    }

    @Test
    void checkContent_rejectsOddLengthUtf16_asInvalidEncoding() {
        byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'T', 0, 'i'};

        assertThat(reasonOf(() -> UploadChecks.checkContent(SourceFormat.TEXT, utf16))).isEqualTo(RejectionReason.INVALID_ENCODING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mz office notes", "PK is a fine opening", "%PD is not a PDF", "GIF without a version"})
    void checkContent_acceptsTextThatMerelyStartsLikeAMagicNumber(String title) {
        byte[] text = (title + "\n\nBody.").getBytes(StandardCharsets.UTF_8);

        assertThat(reasonOf(() -> UploadChecks.checkContent(SourceFormat.TEXT, text))).isNull();
    }

    @Test
    void checkArticle_boundsWordsAndParagraphs() {
        List<String> atWordLimit = java.util.Collections.nCopies(UploadChecks.MAX_WORDS / 2_000, "word ".repeat(2_000));
        List<String> overWordLimit = new java.util.ArrayList<>(atWordLimit);
        overWordLimit.add("word");
        List<String> overParagraphLimit = java.util.Collections.nCopies(UploadChecks.MAX_PARAGRAPHS + 1, "Word.");

        ArticleRejectedException words = catchThrowableOfType(ArticleRejectedException.class, () ->
                UploadChecks.checkArticle(new Article("T", null, null, null, List.of(), overWordLimit)));
        ArticleRejectedException paragraphs = catchThrowableOfType(ArticleRejectedException.class, () ->
                UploadChecks.checkArticle(new Article("T", null, null, null, List.of(), overParagraphLimit)));

        assertThat(words.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(words.getMessage()).contains((UploadChecks.MAX_WORDS + 1) + " words");
        assertThat(paragraphs.getMessage()).contains((UploadChecks.MAX_PARAGRAPHS + 1) + " paragraphs");
        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("T", null, null, null, List.of(), atWordLimit)))).isNull();
    }

    @Test
    void checkArticle_boundsTitleBylineTagsAndParagraphLength() {
        List<String> body = List.of("Text.");
        String longest = "x".repeat(UploadChecks.MAX_PARAGRAPH_CHARS);

        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("t".repeat(UploadChecks.MAX_TITLE_CHARS + 1),
                null, null, null, List.of(), body)))).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("T", "a".repeat(UploadChecks.MAX_BYLINE_CHARS + 1),
                null, null, List.of(), body)))).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("T", null, "r".repeat(UploadChecks.MAX_BYLINE_CHARS + 1),
                null, List.of(), body)))).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("T", null, null, null,
                java.util.stream.IntStream.rangeClosed(0, UploadChecks.MAX_TAGS).mapToObj(i -> "tag" + i).toList(), body))))
                .isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("T", null, null, null,
                List.of("g".repeat(UploadChecks.MAX_TAG_CHARS + 1)), body)))).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("T", null, null, null, List.of(),
                List.of(longest + "x"))))).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(reasonOf(() -> UploadChecks.checkArticle(new Article("t".repeat(UploadChecks.MAX_TITLE_CHARS),
                "a".repeat(UploadChecks.MAX_BYLINE_CHARS), null, null, List.of("g".repeat(UploadChecks.MAX_TAG_CHARS)),
                List.of(longest))))).isNull();
    }

    @Test
    void countWords_countsRunsOfNonWhitespace() {
        assertThat(UploadChecks.countWords("  one two\tthree\n four  ")).isEqualTo(4);
        assertThat(UploadChecks.countWords("")).isZero();
    }
}
