package io.broadsheet.local.load;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.SourceFormat;
import io.broadsheet.core.parse.ArticleParsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleGeneratorTest {

    @Test
    void markdown_isTheSameForTheSameSeed_andDiffersForAnother() {
        assertThat(ArticleGenerator.markdown(1000, 7)).isEqualTo(ArticleGenerator.markdown(1000, 7));
        assertThat(ArticleGenerator.markdown(1000, 7)).isNotEqualTo(ArticleGenerator.markdown(1000, 8));
    }

    @Test
    void markdown_parsesToAnArticleOfAboutTheAskedLength() {
        for (int words : new int[] {300, 1000, 10000}) {
            Article article = new ArticleParsers()
                    .parse("a.md", "text/markdown", ArticleGenerator.markdownBytes(words, 42)).article();

            int counted = article.paragraphs().stream().mapToInt(p -> p.split("\\s+").length).sum();
            assertThat(article.title()).isNotBlank();
            assertThat(article.author()).isNotBlank();
            assertThat(counted).isBetween(words, words + 40);
        }
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void everyFormat_parsesToTheSameArticleAsTheMarkdown(SourceFormat format) {
        ArticleParsers parsers = new ArticleParsers();
        Article markdown = parsers.parse("a.md", "text/markdown", ArticleGenerator.markdownBytes(700, 5)).article();

        Article other = parsers.parse("a." + format.extension(), format.mediaType(), ArticleGenerator.bytes(format, 700, 5)).article();

        assertThat(other.title()).isEqualTo(markdown.title());
        assertThat(other.author()).isEqualTo(markdown.author());
        assertThat(other.publishedAt()).isEqualTo(markdown.publishedAt());
        assertThat(other.tags()).isEqualTo(markdown.tags());
        assertThat(other.paragraphs()).isEqualTo(markdown.paragraphs());
    }

    @Test
    void mix_takesTurnsThroughTheFormats_withLengthsInRange_andDistinctIds() {
        List<Upload> uploads = ArticleMix.uploads("burst", 40, 300, 10_000, 3);

        assertThat(uploads).extracting(Upload::format).startsWith(
                SourceFormat.MARKDOWN, SourceFormat.TEXT, SourceFormat.HTML, SourceFormat.JSON, SourceFormat.MARKDOWN);
        assertThat(uploads).allSatisfy(u -> {
            assertThat(u.key()).startsWith("incoming/burst/").endsWith("." + u.format().extension());
            assertThat(u.words()).isBetween(300, 10_000);
        });
        assertThat(uploads).extracting(Upload::articleId).doesNotHaveDuplicates();
        assertThat(uploads.stream().mapToInt(Upload::words).max().getAsInt()).isGreaterThan(3000);
        assertThat(uploads.stream().mapToInt(Upload::words).min().getAsInt()).isLessThan(1000);
        assertThat(ArticleMix.uploads("burst", 40, 300, 10_000, 3)).extracting(Upload::key)
                .isEqualTo(uploads.stream().map(Upload::key).toList());
    }
}
