package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownArticleParserTest {

    private final ArticleParsers parsers = new ArticleParsers();

    private Article parse(String markdown) {
        return parsers.parse("story.md", null, markdown.getBytes(StandardCharsets.UTF_8)).article();
    }

    @Test
    void parse_readsFrontMatterAndBody_whenDocumentHasBoth() {
        Article article = parsers.parse("tram.md", "text/markdown", ParseTestFiles.bytes("front-matter.md")).article();

        assertThat(article.title()).isEqualTo("Council backs two new tram lines in transit budget");
        assertThat(article.author()).isEqualTo("Jane Doe");
        assertThat(article.authorRole()).isEqualTo("Transport correspondent");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-09-05T00:00:00Z"));
        assertThat(article.tags()).containsExactly("Transit", "Budget", "Trams");
        assertThat(article.paragraphs()).containsExactly(
                "The city council voted on Friday to fund two new tram lines, the largest expansion of the network in thirty years, after a debate that ran late into the evening.",
                "A northern line to the hospital district.",
                "An eastern line along the old canal, with construction due in 2027.",
                "“This is the moment the city stops talking about congestion and starts doing something about it,” said Councillor Amara Okafor.",
                "The council will publish a detailed timetable in November. See the consultation page for details.");
    }

    @Test
    void parse_takesHeadingAsTitle_whenNoFrontMatter() {
        Article article = parse("# Night buses return\n\nNight buses run again from Friday on four routes.\n");

        assertThat(article.title()).isEqualTo("Night buses return");
        assertThat(article.paragraphs()).containsExactly("Night buses run again from Friday on four routes.");
    }

    @Test
    void parse_acceptsCommaSeparatedTagsAndPublishedAt() {
        Article article = parse("---\ntitle: T\npublishedAt: \"2025-09-05T10:00:00+02:00\"\ntags: Transit, Budget\n---\nBody.\n");

        assertThat(article.tags()).containsExactly("Transit", "Budget");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-09-05T08:00:00Z"));
    }

    @Test
    void parse_rejectsAsMalformed_whenFrontMatterIsAliasBomb() {
        assertThatThrownBy(() -> parsers.parse("bomb.md", null, ParseTestFiles.bytes("alias-bomb.md")))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }

    @Test
    void parse_rejectsAsMalformed_whenFrontMatterAsksForJavaType() {
        assertThatThrownBy(() -> parse("---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\nBody.\n"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }

    @Test
    void parse_rejectsAsMalformed_whenFrontMatterIsNestedTooDeeply() {
        String deep = "[".repeat(40) + "]".repeat(40);

        assertThatThrownBy(() -> parse("---\ntitle: T\nx: " + deep + "\n---\nBody.\n"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }

    @Test
    void parse_rejectsAsMalformed_whenFrontMatterIsNotYaml() {
        assertThatThrownBy(() -> parse("---\ntitle: [unclosed\n---\nBody.\n"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }

    @Test
    void parse_rejectsWithNoTitle_whenNeitherFrontMatterNorHeadingNamesOne() {
        assertThatThrownBy(() -> parse("Just a paragraph.\n\n## Not a title\n"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.NO_TITLE));
    }

    @Test
    void parse_rejectsWithNoBody_whenOnlyHeadings() {
        assertThatThrownBy(() -> parse("# Title\n\n## Section\n"))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.NO_BODY));
    }
}
