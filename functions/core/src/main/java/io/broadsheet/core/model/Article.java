package io.broadsheet.core.model;

import java.time.Instant;
import java.util.List;

/**
 * An article as a parser understood it: the story alone, without the site around it.
 *
 * @param title       the headline; never blank
 * @param author      the byline's name, or {@code null} when the source names nobody
 * @param authorRole  the author's role or outlet ("Transport correspondent", "Reuters"), or {@code null}
 * @param publishedAt when the article was published or last edited, or {@code null} when unknown
 * @param tags        topic tags without the leading {@code #}, in source order, no duplicates
 * @param paragraphs  the body as plain-text paragraphs, in order; never empty
 */
public record Article(
        String title,
        String author,
        String authorRole,
        Instant publishedAt,
        List<String> tags,
        List<String> paragraphs) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** The body as text: paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
