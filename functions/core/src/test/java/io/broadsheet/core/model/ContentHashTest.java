package io.broadsheet.core.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    private final Article article = new Article("Title", "Jane Doe", null, Instant.parse("2025-09-05T00:00:00Z"),
            List.of("Transit"), List.of("First paragraph.", "Second paragraph."));

    @Test
    void of_isStableForEqualContent() {
        Article same = new Article("Title", "Jane Doe", null, Instant.parse("2025-09-05T00:00:00Z"),
                List.of("Transit"), List.of("First paragraph.", "Second paragraph."));

        assertThat(ContentHash.of(same)).isEqualTo(ContentHash.of(article)).startsWith("sha256:");
    }

    @Test
    void of_changesWithAnyField() {
        assertThat(ContentHash.of(new Article("Title!", "Jane Doe", null, article.publishedAt(), article.tags(), article.paragraphs())))
                .isNotEqualTo(ContentHash.of(article));
        assertThat(ContentHash.of(new Article("Title", "Jane Doe", null, article.publishedAt(), List.of(), article.paragraphs())))
                .isNotEqualTo(ContentHash.of(article));
        assertThat(ContentHash.of(new Article("Title", "Jane Doe", null, article.publishedAt(), article.tags(),
                List.of("First paragraph. Second paragraph."))))
                .as("paragraph boundaries are content")
                .isNotEqualTo(ContentHash.of(article));
    }
}
