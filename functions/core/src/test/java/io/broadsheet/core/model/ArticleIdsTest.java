package io.broadsheet.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void fromSourceKey_isReadableStemPlusHash() {
        String id = ArticleIds.fromSourceKey("incoming/news/Tram Lines.md");

        assertThat(id).matches("tram-lines-[0-9a-f]{8}");
        assertThat(ArticleIds.isValid(id)).isTrue();
    }

    @Test
    void fromSourceKey_isStable_andDiffersByKey() {
        assertThat(ArticleIds.fromSourceKey("incoming/a/story.txt"))
                .isEqualTo(ArticleIds.fromSourceKey("incoming/a/story.txt"))
                .isNotEqualTo(ArticleIds.fromSourceKey("incoming/b/story.txt"));
    }

    @Test
    void fromSourceKey_dropsAccentsButKeepsLetters() {
        assertThat(ArticleIds.fromSourceKey("incoming/Café Müller résumé.txt")).startsWith("cafe-muller-resume-");
    }

    @Test
    void fromSourceKey_fallsBackToArticle_whenNameHasNoLatinLetters() {
        assertThat(ArticleIds.fromSourceKey("incoming/新闻.txt")).matches("article-[0-9a-f]{8}");
    }

    @Test
    void fromSourceKey_boundsLength() {
        String id = ArticleIds.fromSourceKey("incoming/" + "very-long-name-".repeat(20) + ".md");

        assertThat(id.length()).isLessThanOrEqualTo(57);
        assertThat(ArticleIds.isValid(id)).isTrue();
    }

    @Test
    void isValid_rejectsPathTricks() {
        assertThat(ArticleIds.isValid("../etc/passwd")).isFalse();
        assertThat(ArticleIds.isValid("a/b")).isFalse();
        assertThat(ArticleIds.isValid("")).isFalse();
        assertThat(ArticleIds.isValid(null)).isFalse();
    }
}
