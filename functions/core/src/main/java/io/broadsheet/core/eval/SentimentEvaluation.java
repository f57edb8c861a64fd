package io.broadsheet.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.core.analysis.SentenceSplitter;
import io.broadsheet.core.analysis.SentimentAnalyzer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores the sentiment reading on a labelled set ({@code product-reviews.jsonl}: {"id","text","label"}
 * per line, label positive or negative). A text counts as predicted positive when its 0–100 score
 * is at least 50, as the set's README prescribes; accuracy = correct / all.
 *
 * <p>Run: {@code java -cp <core classes + jackson> io.broadsheet.core.eval.SentimentEvaluation
 * ../shared/eval/sentiment} (see docs/analysis.md for the Maven command).
 */
public final class SentimentEvaluation {

    public static final String FILE = "product-reviews.jsonl";
    /** Published anchors on the development set (see its README). */
    public static final double VADER = 0.754;
    public static final double AFINN = 0.726;

    /** A text the analyser got wrong. */
    public record Miss(String id, String text, String label, int score) {
    }

    public record Result(int n, int correct, int truePositive, int trueNegative, List<Miss> misses) {

        public double accuracy() {
            return n == 0 ? 0 : correct / (double) n;
        }
    }

    private SentimentEvaluation() {
    }

    public static Result run(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        SentenceSplitter splitter = new SentenceSplitter();
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        int n = 0;
        int correct = 0;
        int tp = 0;
        int tn = 0;
        List<Miss> misses = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String text = node.path("text").asText();
            String label = node.path("label").asText();
            int score = analyzer.read(splitter.split(text)).score();
            boolean positive = score >= 50;
            boolean expected = label.equals("positive");
            n++;
            if (positive == expected) {
                correct++;
                tp += positive ? 1 : 0;
                tn += positive ? 0 : 1;
            } else {
                misses.add(new Miss(node.path("id").asText(), text, label, score));
            }
        }
        return new Result(n, correct, tp, tn, List.copyOf(misses));
    }

    /**
     * Where the development set is when no folder is given: the system property
     * {@code broadsheet.eval.sentiment}, else {@code shared/eval/sentiment} beside the working
     * directory or one of its parents (a checkout next to the shared folder). Empty on a user's clone.
     */
    public static Optional<Path> locateDefault() {
        String property = System.getProperty("broadsheet.eval.sentiment");
        if (property != null) {
            Path p = Path.of(property);
            return Files.isRegularFile(p.resolve(FILE)) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("eval").resolve("sentiment");
            if (Files.isRegularFile(candidate.resolve(FILE))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static void main(String[] args) throws IOException {
        Optional<Path> found = args.length > 0 ? Optional.of(Path.of(args[0])) : locateDefault();
        if (found.isEmpty()) {
            System.err.println("sentiment set not found: pass its folder, e.g. ../shared/eval/sentiment");
            System.exit(2);
        }
        Path dir = found.get();
        boolean verbose = args.length > 1 && args[1].equals("--misses");
        Result r = run(dir);
        if (verbose) {
            for (Miss m : r.misses()) {
                System.out.println(m.label() + " " + m.score() + " " + m.text());
            }
        }
        System.out.printf("sentiment accuracy=%.3f n=%d (positives right %d, negatives right %d)"
                + " | anchors: VADER %.3f, AFINN %.3f%n", r.accuracy(), r.n(), r.truePositive(), r.trueNegative(), VADER, AFINN);
    }
}
