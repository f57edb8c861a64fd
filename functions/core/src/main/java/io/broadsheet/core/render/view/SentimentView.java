package io.broadsheet.core.render.view;

import java.util.List;

/**
 * The sentiment reading as the page draws it.
 *
 * @param scored   whether there is a score at all
 * @param percent  0..100, or 0 when not scored
 * @param label    the analyzer's label ("positive", "not scored", ...)
 * @param tone     CSS modifier chosen from the score: "negative", "neutral", "positive" or "unscored"
 * @param needleX  gauge needle tip, in the gauge's 200x120 SVG view box
 * @param needleY  gauge needle tip
 * @param bullets  what drives the reading (or, when not scored, why not)
 */
public record SentimentView(boolean scored, int percent, String label, String tone,
                            String needleX, String needleY, List<String> bullets) {

    public SentimentView {
        bullets = List.copyOf(bullets);
    }
}
