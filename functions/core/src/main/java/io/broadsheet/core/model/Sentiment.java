package io.broadsheet.core.model;

import java.util.List;

/**
 * The article's tone.
 *
 * @param score   0 (very negative) to 100 (very positive), 50 neutral; {@code null} when the article
 *                was not scored (e.g. it is not in English, the one language the model reads)
 * @param label   the score's label ("negative", "neutral", ...), or "not scored"
 * @param bullets three sentences that explain the reading, grounded in the article's own phrases
 */
public record Sentiment(Integer score, String label, List<String> bullets) {

    public static final String NOT_SCORED = "not scored";

    public Sentiment {
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
    }

    public boolean scored() {
        return score != null;
    }
}
