package io.broadsheet.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scores highlights against the human highlights of {@code shared/eval/summarization} with ROUGE F1,
 * as Google's {@code rouge-score} computes it (lower case, every run outside {@code [a-z0-9]} a
 * separator, no stemming): and R-Lsum (summary-level union LCS over sentences), averaged over
 * the articles, beside Lead-3 (the article's first three sentences as the set splits them).
 */
public final class SummarizationEvaluation {

    public static final String ANCHORS = """
            anchors (R-1 / R-2 / R-Lsum): Lead-3 39.75 / 18.07 / 36.30 and TextRank 33.59 / 14.04 / 30.29 on these \
            250 articles (dev + held-out); full CNN/DM test set: Lead-3 40.34 / 17.70 / 36.57, PACSUM 40.7 / 17.8 / 36.9, \
            BertSumExt 43.23 / 20.24 / 39.63""";
    private static final Pattern SEPARATOR = Pattern.compile("[^a-z0-9]+");

    /** Averages over the articles, in percent; {@code words} is the mean length of a system's highlights. */
    public record Scores(double rouge1, double rouge2, double rougeLsum, double words) {
    }

    public record Result(int articles, Scores system, Scores lead3) {
    }

    /** One article of the set: its file's text and its human highlights. */
    public record Item(String id, String text, List<String> references) {

        /** The article's sentences as the set splits them: a paragraph each, after the title line. */
        public List<String> sentences() {
            String[] lines = text.split("\n");
            List<String> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.add(lines[i].strip());
                }
            }
            return out;
        }
    }

    private SummarizationEvaluation() {
    }

    public static List<Item> read(Path dir) throws IOException {
        JsonNode references = new ObjectMapper().readTree(dir.resolve("references.json").toFile());
        List<Item> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("articles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.txt$", "");
                List<String> highlights = new ArrayList<>();
                references.path(id).path("highlights").forEach(h -> highlights.add(h.asText()));
                if (!highlights.isEmpty()) {
                    items.add(new Item(id, Files.readString(file, StandardCharsets.UTF_8), highlights));
                }
            }
        }
        return items;
    }

    /** @param highlights the system: an article file's text to its highlights */
    public static Result run(List<Item> items, Function<Item, List<String>> highlights) {
        double[] system = new double[4];
        double[] lead = new double[4];
        for (Item item : items) {
            add(system, highlights.apply(item), item.references());
            List<String> sentences = item.sentences();
            add(lead, sentences.subList(0, Math.min(3, sentences.size())), item.references());
        }
        return new Result(items.size(), mean(system, items.size()), mean(lead, items.size()));
    }

    private static void add(double[] sums, List<String> candidate, List<String> reference) {
        sums[0] += rougeN(candidate, reference, 1);
        sums[1] += rougeN(candidate, reference, 2);
        sums[2] += rougeLsum(candidate, reference);
        sums[3] += tokens(String.join(" ", candidate)).size();
    }

    private static Scores mean(double[] sums, int n) {
        return n == 0 ? new Scores(0, 0, 0, 0)
                : new Scores(100 * sums[0] / n, 100 * sums[1] / n, 100 * sums[2] / n, sums[3] / n);
    }

    static List<String> tokens(String text) {
        return Arrays.stream(SEPARATOR.split(text.toLowerCase(java.util.Locale.ROOT))).filter(t -> !t.isEmpty()).toList();
    }

    static double rougeN(List<String> candidate, List<String> reference, int n) {
        Map<String, Integer> c = ngrams(tokens(String.join(" ", candidate)), n);
        Map<String, Integer> r = ngrams(tokens(String.join(" ", reference)), n);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : c.entrySet()) {
            overlap += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
        }
        return f1(overlap, total(c), total(r));
    }

    /** Summary-level LCS: for each reference sentence, the union of its LCS hits with every candidate sentence. */
    static double rougeLsum(List<String> candidate, List<String> reference) {
        List<List<String>> c = candidate.stream().map(SummarizationEvaluation::tokens).toList();
        List<List<String>> r = reference.stream().map(SummarizationEvaluation::tokens).toList();
        Map<String, Integer> candidateLeft = counts(c);
        Map<String, Integer> referenceLeft = counts(r);
        int hits = 0;
        for (List<String> referenceSentence : r) {
            java.util.TreeSet<Integer> union = new java.util.TreeSet<>();
            for (List<String> candidateSentence : c) {
                union.addAll(lcsPositions(referenceSentence, candidateSentence));
            }
            for (int position : union) {
                String token = referenceSentence.get(position);
                if (candidateLeft.getOrDefault(token, 0) > 0 && referenceLeft.getOrDefault(token, 0) > 0) {
                    hits++;
                    candidateLeft.merge(token, -1, Integer::sum);
                    referenceLeft.merge(token, -1, Integer::sum);
                }
            }
        }
        return f1(hits, c.stream().mapToInt(List::size).sum(), r.stream().mapToInt(List::size).sum());
    }

    /** Positions in {@code a} of one longest common subsequence with {@code b}. */
    private static List<Integer> lcsPositions(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                table[i + 1][j + 1] = a.get(i).equals(b.get(j)) ? table[i][j] + 1 : Math.max(table[i][j + 1], table[i + 1][j]);
            }
        }
        List<Integer> positions = new ArrayList<>();
        int i = a.size();
        int j = b.size();
        while (i > 0 && j > 0) {
            if (a.get(i - 1).equals(b.get(j - 1))) {
                positions.add(i - 1);
                i--;
                j--;
            } else if (table[i - 1][j] >= table[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        return positions;
    }

    private static Map<String, Integer> counts(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        sentences.forEach(s -> s.forEach(t -> counts.merge(t, 1, Integer::sum)));
        return counts;
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> grams = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            grams.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return grams;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double f1(int overlap, int candidate, int reference) {
        if (overlap == 0 || candidate == 0 || reference == 0) {
            return 0;
        }
        double precision = overlap / (double) candidate;
        double recall = overlap / (double) reference;
        return 2 * precision * recall / (precision + recall);
    }
}
