package io.broadsheet.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.core.model.Sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores the sentiment reading on every labelled set of {@code shared/eval/sentiment}, as its README
 * prescribes: a text is predicted positive when its 0–100 score is above 50 and negative below; 50 or
 * "not scored" counts as wrong. NYT sentences count in accuracy when their mean rating is at least
 * 0.5 from neutral, and all of them in Pearson's r against the human mean.
 */
public final class SentimentEvaluation {

    /** The sets, in report order, with where other analysers stand on them (the README's table). */
    public static final Map<String, String> ANCHORS = new java.util.LinkedHashMap<>();

    static {
        ANCHORS.put("product-reviews", "VADER 0.829, AFINN 0.807, CoreNLP 0.810, TF-IDF LR 0.85, encoder spike 0.96");
        ANCHORS.put("news-nyt-sentences", "VADER ~0.68 (r 0.49), AFINN ~0.66 (r 0.44), TF-IDF LR ~0.74, encoder spike ~0.86 (r ~0.68); one human rater r 0.745");
        ANCHORS.put("news-nyt-articles", "VADER ~0.73, AFINN ~0.76, TF-IDF LR ~0.79, encoder spike ~0.90");
        ANCHORS.put("news-newsmtsc-train", "VADER ~0.65, AFINN ~0.65, CoreNLP ~0.65, TF-IDF LR ~0.74, encoder spike ~0.86 (other split)");
        ANCHORS.put("vader-movieReviewSnippets", "");
        ANCHORS.put("vader-amazonReviewSnippets", "");
        ANCHORS.put("vader-tweets", "");
    }

    /** How far from neutral a NYT sentence's mean rating must be to count in accuracy. */
    static final double CLEAR = 0.5;

    /** One set's figures; {@code pearson} is NaN where the set has no human ratings. */
    public record SetResult(String set, int n, int correct, double balancedAccuracy, int unscored, double pearson) {

        public double accuracy() {
            return n == 0 ? 0 : correct / (double) n;
        }
    }

    private SentimentEvaluation() {
    }

    /** Scores each set found in {@code dir} with the product's sentiment reading of a text. */
    public static List<SetResult> run(Path dir, Function<String, Sentiment> reader) throws IOException {
        List<SetResult> results = new ArrayList<>();
        for (String set : ANCHORS.keySet()) {
            Path file = dir.resolve(set + ".jsonl");
            if (Files.isRegularFile(file)) {
                results.add(score(set, file, reader));
            }
        }
        return results;
    }

    private static SetResult score(String set, Path file, Function<String, Sentiment> reader) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        int correct = 0;
        int unscored = 0;
        int[] positives = new int[2];
        int[] negatives = new int[2];
        List<double[]> ratings = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            Sentiment sentiment = reader.apply(node.path("text").asText());
            Integer score = sentiment.score();
            boolean rated = node.hasNonNull("score");
            if (rated && score != null) {
                ratings.add(new double[] {score, node.path("score").asDouble()});
            }
            Boolean positive = expected(set, node);
            if (positive == null) {
                continue;
            }
            n++;
            if (score == null) {
                unscored++;
            }
            boolean right = score != null && score != 50 && (score > 50) == positive;
            correct += right ? 1 : 0;
            int[] tally = positive ? positives : negatives;
            tally[0] += right ? 1 : 0;
            tally[1]++;
        }
        double balanced = (ratio(positives) + ratio(negatives)) / 2;
        return new SetResult(set, n, correct, balanced, unscored, ratings.isEmpty() ? Double.NaN : Statistics.pearson(ratings));
    }

    /** Whether the item is positive, or null when it does not count in accuracy. */
    private static Boolean expected(String set, JsonNode node) {
        if (set.equals("news-nyt-sentences")) {
            double rating = node.path("score").asDouble();
            return Math.abs(rating) >= CLEAR ? rating > 0 : null;
        }
        return switch (node.path("label").asText()) {
            case "positive" -> true;
            case "negative" -> false;
            default -> null;
        };
    }

    private static double ratio(int[] tally) {
        return tally[1] == 0 ? 0 : tally[0] / (double) tally[1];
    }
}
