package io.broadsheet.core.parse;

import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleParsersTest {

    private final ArticleParsers parsers = new ArticleParsers();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_sniffsHtml_whenNameHasNoExtension() {
        byte[] page = utf8("<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body>"
                + "<p>The bridge reopened on Monday after six weeks of repairs to its cables and deck.</p></body></html>");

        assertThat(parsers.parse("incoming/story", null, page).format()).isEqualTo(SourceFormat.HTML);
    }

    @Test
    void parse_sniffsHtml_whenTextExtensionHidesWebPage() {
        byte[] page = utf8("  <html><head><title>Saved page</title></head><body><p>A page saved by a browser with a .txt name.</p></body></html>");

        assertThat(parsers.parse("saved.txt", "text/plain", page).format()).isEqualTo(SourceFormat.HTML);
    }

    @Test
    void parse_sniffsJson_whenNameHasNoExtension() {
        assertThat(parsers.parse("story", "application/octet-stream", utf8("{\"title\":\"T\",\"body\":\"B.\"}")).format())
                .isEqualTo(SourceFormat.JSON);
    }

    @Test
    void parse_readsAsText_whenNothingNamesAFormat() {
        assertThat(parsers.parse("README", null, utf8("A title\n\nA body.")).format()).isEqualTo(SourceFormat.TEXT);
    }

    @Test
    void parse_usesContentType_whenExtensionIsMissing() {
        assertThat(parsers.parse("story", "text/markdown; charset=utf-8", utf8("# T\n\nBody.")).format()).isEqualTo(SourceFormat.MARKDOWN);
    }

    @Test
    void parse_rejectsUnsupported_whenExtensionIsUnknown() {
        assertThatThrownBy(() -> parsers.parse("story.docx", null, utf8("text")))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT));
    }

    @Test
    void parse_rejectsBinary_whenUploadIsPdfOrHasNulBytes() {
        assertThatThrownBy(() -> parsers.parse("story.txt", null, utf8("%PDF-1.7\n...")))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BINARY));
        assertThatThrownBy(() -> parsers.parse("story.txt", null, new byte[] {'T', 0, 1, 2, '\n', 'x'}))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.BINARY));
    }

    @Test
    void parse_rejectsEmpty_whenNoBytes() {
        assertThatThrownBy(() -> parsers.parse("story.txt", null, new byte[0]))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.EMPTY));
    }

    @Test
    void parse_readsUtf16_whenByteOrderMarkSaysSo() {
        byte[] bytes = "\uFEFFTitle\n\nBody in UTF-16.".getBytes(StandardCharsets.UTF_16LE);

        assertThat(parsers.parse("u.txt", null, bytes).article().paragraphs()).containsExactly("Body in UTF-16.");
    }
}
