package io.broadsheet.encoder.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.broadsheet.core.analysis.SentenceEncoder;
import io.broadsheet.core.analysis.SentimentHead;
import io.broadsheet.core.eval.Statistics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the sentiment head ({@code broadsheet train-sentiment}): a logistic regression over the
 * encoder's vectors of the MIT and CC-BY labelled sets in {@code shared/eval/sentiment}, then the
 * temperature that maps its log-odds onto 0–100 so that a score means what people rated: 50 + 12.5 ×
 * the NYT raters' mean on their −4..+4 scale (least squares over held-out predictions).
 *
 * <p>What it learns from: VADER's rated snippets (movie reviews, product reviews, tweets), NewsMTSC's
 * political-news sentences and the NYT opinion sentences whose mean rating is clearly on one side
 * (|mean| ≥ 0.5). Each of the three kinds weighs the same in the loss (news twice, as news is what we
 * publish). {@code product-reviews.jsonl} is never trained on: it stays a held-out check. Before the
 * final fit, five-fold cross-validation (NYT split by article, so no article is on both sides) gives
 * the figures reported for the sets it trains on and picks the temperature.
 */
public final class SentimentTraining {

    public static final String ENCODER = "bge-small-en-v1.5-q";
    static final List<String> SNIPPETS = List.of("vader-movieReviewSnippets", "vader-amazonReviewSnippets", "vader-tweets");
    static final String NEWSMTSC = "news-newsmtsc-train";
    static final String NYT_SENTENCES = "news-nyt-sentences";
    static final String NYT_ARTICLES = "news-nyt-articles";
    /** A NYT sentence is a training example when its mean rating is at least this far from neutral. */
    static final double NYT_CLEAR = 0.5;
    static final double NEWS_WEIGHT = 2.0;
    static final int FOLDS = 5;
    static final double[] TEMPERATURES = {1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6};
    /** Points of the 0–100 scale per point of the human −4..+4 rating: 0 ↔ 50, ±4 ↔ 0 and 100. */
    static final double POINTS_PER_RATING = 12.5;

    /** Cross-validated figures, by name (e.g. {@code news-nyt-sentences.accuracy}). */
    public record Report(Map<String, Double> crossValidated, double temperature, Map<String, Integer> examples) {
    }

    public record Result(SentimentHead head, Report report) {
    }

    private SentimentTraining() {
    }

    public static Result train(Path sentimentDir, SentenceEncoder encoder, PrintStream progress) throws IOException {
        List<LabelledText> items = new ArrayList<>();
        for (String set : SNIPPETS) {
            items.addAll(polar(LabelledText.read(sentimentDir.resolve(set + ".jsonl"))));
        }
        items.addAll(polar(LabelledText.read(sentimentDir.resolve(NEWSMTSC + ".jsonl"))));
        List<LabelledText> nyt = LabelledText.read(sentimentDir.resolve(NYT_SENTENCES + ".jsonl"));
        items.addAll(nyt);
        Map<String, LabelledText> articles = new HashMap<>();
        for (LabelledText article : LabelledText.read(sentimentDir.resolve(NYT_ARTICLES + ".jsonl"))) {
            articles.put(article.id(), article);
        }
        progress.printf("encoding %,d sentences with %s...%n", items.size(), ENCODER);
        float[][] vectors = encodeInChunks(encoder, items, progress);

        boolean[] label = new boolean[items.size()];
        double[] weight = new double[items.size()];
        boolean[] example = new boolean[items.size()];
        int[] fold = new int[items.size()];
        Map<String, Integer> perKind = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            LabelledText item = items.get(i);
            String kind = kind(item);
            boolean nytSentence = item.set().equals(NYT_SENTENCES);
            example[i] = nytSentence ? Math.abs(item.score()) >= NYT_CLEAR : item.polar();
            label[i] = nytSentence ? item.score() > 0 : item.positive();
            fold[i] = kind.equals("snippets") ? -1 : Math.floorMod(item.group().hashCode(), FOLDS);
            if (example[i]) {
                perKind.merge(kind, 1, Integer::sum);
            }
        }
        for (int i = 0; i < items.size(); i++) {
            String kind = kind(items.get(i));
            weight[i] = example[i] ? (kind.equals("snippets") ? 1.0 : NEWS_WEIGHT) / perKind.get(kind) : 0;
        }

        double[] heldOutLogit = new double[items.size()];
        for (int f = 0; f < FOLDS; f++) {
            progress.printf("cross-validation fold %d of %d...%n", f + 1, FOLDS);
            LogisticRegression.Model model = fit(vectors, label, weight, example, fold, f);
            for (int i = 0; i < items.size(); i++) {
                if (fold[i] == f) {
                    heldOutLogit[i] = model.logit(vectors[i]);
                }
            }
        }
        double temperature = TEMPERATURES[0];
        double bestError = Double.MAX_VALUE;
        for (double t : TEMPERATURES) {
            double error = calibrationError(items, heldOutLogit, t);
            if (error < bestError) {
                bestError = error;
                temperature = t;
            }
        }
        Map<String, Double> figures = crossValidatedFigures(items, heldOutLogit, temperature, articles);
        progress.println("final fit on every example...");
        LogisticRegression.Model model = fit(vectors, label, weight, example, fold, -2);
        SentimentHead head = new SentimentHead(ENCODER, model.weights(), model.bias(), (float) temperature);
        return new Result(head, new Report(figures, temperature, perKind));
    }

    private static List<LabelledText> polar(List<LabelledText> items) {
        return items.stream().filter(LabelledText::polar).toList();
    }

    private static String kind(LabelledText item) {
        return SNIPPETS.contains(item.set()) ? "snippets" : item.set();
    }

    /** Fits on every example outside {@code heldOutFold} (−2: on all of them). */
    private static LogisticRegression.Model fit(float[][] vectors, boolean[] label, double[] weight, boolean[] example,
                                                int[] fold, int heldOutFold) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            if (example[i] && fold[i] != heldOutFold) {
                chosen.add(i);
            }
        }
        float[][] x = new float[chosen.size()][];
        boolean[] y = new boolean[chosen.size()];
        double[] w = new double[chosen.size()];
        for (int k = 0; k < chosen.size(); k++) {
            x[k] = vectors[chosen.get(k)];
            y[k] = label[chosen.get(k)];
            w[k] = weight[chosen.get(k)];
        }
        return LogisticRegression.fit(x, y, w);
    }

    static double score(double logit, double temperature) {
        return 100 / (1 + Math.exp(-logit / temperature));
    }

    /**
     * Mean squared distance, over the NYT sentences, between the held-out score and the human mean
     * rating on the same scale: the temperature that minimises it makes 0–100 mean what people rated.
     */
    private static double calibrationError(List<LabelledText> items, double[] logit, double temperature) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).set().equals(NYT_SENTENCES)) {
                double human = 50 + POINTS_PER_RATING * items.get(i).score();
                sum += Math.pow(score(logit[i], temperature) - human, 2);
                n++;
            }
        }
        return sum / n;
    }

    private static double pearsonOnNyt(List<LabelledText> items, double[] logit, double temperature) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).set().equals(NYT_SENTENCES)) {
                pairs.add(new double[] {score(logit[i], temperature), items.get(i).score()});
            }
        }
        return Statistics.pearson(pairs);
    }

    private static Map<String, Double> crossValidatedFigures(List<LabelledText> items, double[] logit, double temperature,
                                                             Map<String, LabelledText> articles) {
        Map<String, Double> figures = new LinkedHashMap<>();
        int nytRight = 0;
        int nytTotal = 0;
        int mtscRight = 0;
        int mtscTotal = 0;
        Map<String, double[]> articleSums = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            LabelledText item = items.get(i);
            double score = score(logit[i], temperature);
            if (item.set().equals(NYT_SENTENCES)) {
                articleSums.computeIfAbsent(item.group(), k -> new double[2]);
                articleSums.get(item.group())[0] += score;
                articleSums.get(item.group())[1]++;
                if (Math.abs(item.score()) >= NYT_CLEAR) {
                    nytTotal++;
                    nytRight += (score > 50) == (item.score() > 0) ? 1 : 0;
                }
            } else if (item.set().equals(NEWSMTSC)) {
                mtscTotal++;
                mtscRight += (score > 50) == item.positive() ? 1 : 0;
            }
        }
        int articleRight = 0;
        int articleTotal = 0;
        List<double[]> articlePairs = new ArrayList<>();
        for (Map.Entry<String, double[]> e : articleSums.entrySet()) {
            LabelledText article = articles.get(e.getKey());
            double score = e.getValue()[0] / e.getValue()[1];
            if (article == null) {
                continue;
            }
            articlePairs.add(new double[] {score, article.score()});
            if (article.polar()) {
                articleTotal++;
                articleRight += (Math.round(score) > 50) == article.positive() ? 1 : 0;
            }
        }
        figures.put(NYT_SENTENCES + ".accuracy", nytRight / (double) nytTotal);
        figures.put(NYT_SENTENCES + ".pearson", pearsonOnNyt(items, logit, temperature));
        figures.put(NYT_SENTENCES + ".rmsPoints", Math.sqrt(calibrationError(items, logit, temperature)));
        figures.put(NYT_ARTICLES + ".accuracy", articleRight / (double) articleTotal);
        figures.put(NYT_ARTICLES + ".pearson", Statistics.pearson(articlePairs));
        figures.put(NEWSMTSC + ".accuracy", mtscRight / (double) mtscTotal);
        return figures;
    }

    private static float[][] encodeInChunks(SentenceEncoder encoder, List<LabelledText> items, PrintStream progress) {
        float[][] vectors = new float[items.size()][];
        int chunk = 512;
        for (int start = 0; start < items.size(); start += chunk) {
            int end = Math.min(items.size(), start + chunk);
            List<String> texts = items.subList(start, end).stream().map(LabelledText::text).toList();
            float[][] encoded = encoder.encode(texts);
            System.arraycopy(encoded, 0, vectors, start, encoded.length);
            if ((start / chunk) % 10 == 9) {
                progress.printf("  %,d of %,d%n", end, items.size());
            }
        }
        return vectors;
    }

    /** Writes the head with its provenance: where it came from, how to make it again, what it measured. */
    public static void write(Result result, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("encoder", result.head().encoder());
        root.put("madeBy", "./broadsheet train-sentiment --data ../shared/eval/sentiment");
        root.put("sources", "shared/eval/sentiment: VADER snippets (MIT, cjhutto/vaderSentiment), NewsMTSC train (MIT, "
                + "fhamborg/NewsMTSC), NYT opinion sentences (MIT, VADER's hutto_ICWSM_2014; their articles are made of the same sentences); "
                + "product-reviews held out");
        ArrayNode trainedOn = root.putArray("trainedOn");
        SNIPPETS.forEach(trainedOn::add);
        trainedOn.add(NEWSMTSC).add(NYT_SENTENCES).add(NYT_ARTICLES);
        ObjectNode examples = root.putObject("examples");
        result.report().examples().forEach(examples::put);
        ObjectNode cv = root.putObject("crossValidated");
        result.report().crossValidated().forEach((k, v) -> cv.put(k, Math.round(v * 1000) / 1000.0));
        root.put("temperature", result.head().temperature());
        root.put("bias", result.head().bias());
        ArrayNode weights = root.putArray("weights");
        for (float w : result.head().weights()) {
            weights.add(w);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json.writeValueAsString(root) + "\n");
    }
}
