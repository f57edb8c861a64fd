package io.broadsheet.bench.core;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.parse.ArticleParsers;
import org.junit.jupiter.api.Test;

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
}
