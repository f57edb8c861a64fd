package io.broadsheet.core.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
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

    @Test
    void of_isTheSha256OfTheJoinedFields_soStoredHashesStayValid() throws Exception {
        // GIVEN text beyond ASCII, a surrogate pair at the end of a paragraph and an absent role
        Article article = new Article("Café “Nord” — reopens", "Zoë Ångström", null, Instant.parse("2025-09-05T10:15:00Z"),
                List.of("Città", "Food"), List.of("It reopened 😀", "Prices rose by 5 %."));
        String joined = "Café “Nord” — reopens\u001fZoë Ångström\u001f\u001f2025-09-05T10:15:00Z\u001f"
                + "Città\u001eFood\u001e\u001f" + "It reopened 😀\u001ePrices rose by 5 %.\u001e";

        // WHEN it is hashed, THEN the hash is that of the joined form records were written with
        String expected = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        assertThat(ContentHash.of(article)).isEqualTo(expected);
    }
}
