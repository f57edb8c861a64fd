package io.broadsheet.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ArticleRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Scores the HTML parser's article-body extraction on a data set laid out as
 * {@code ground-truth.json} (id -> {"articleBody": text}) and {@code html/<id>.html.gz}, with the
 * set's metric: 4-token shingles, per-page TP/FP/FN normalised by their sum, precision and recall
 * averaged over pages, F1 from the two means.
 */
public final class ExtractionEvaluation {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;

    /** Published scores on the development set, printed beside ours. */
    public static final String ANCHORS = """
            anchors: rs-trafilatura f1=0.966 precision=0.942 recall=0.990
                     trafilatura 2.0 f1=0.958 precision=0.937 recall=0.979
                     newspaper4k f1=0.945 precision=0.955 recall=0.936
                     Readability.js f1=0.944 precision=0.909 recall=0.982""";

    private ExtractionEvaluation() {
    }

    public record PageScore(String id, double precision, double recall, String rejection) {
    }

    public record Result(List<PageScore> pages, double precision, double recall, double f1, int count) {
    }

    public static Result run(Path datasetDir) {
        JsonNode truth;
        try {
            truth = ArticleJson.mapper().readTree(datasetDir.resolve("ground-truth.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArticleParsers parsers = new ArticleParsers();
        List<PageScore> pages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            String id = entry.getKey();
            Path page = datasetDir.resolve("html").resolve(id + ".html.gz");
            if (!Files.exists(page)) {
                continue;
            }
            String predicted;
            String rejection = null;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                predicted = parsers.parse(id + ".html", "text/html", in.readAllBytes()).article().body();
            } catch (ArticleRejectedException e) {
                predicted = "";
                rejection = e.reason().name();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pages.add(score(id, predicted, entry.getValue().path("articleBody").asText(""), rejection));
        }
        double precision = pages.stream().mapToDouble(PageScore::precision).average().orElse(0);
        double recall = pages.stream().mapToDouble(PageScore::recall).average().orElse(0);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Result(List.copyOf(pages), precision, recall, f1, pages.size());
    }

    static PageScore score(String id, String predicted, String expected, String rejection) {
        Map<String, Integer> p = shingles(predicted);
        Map<String, Integer> e = shingles(expected);
        int tp = 0;
        int fp = 0;
        for (Map.Entry<String, Integer> s : p.entrySet()) {
            int shared = Math.min(s.getValue(), e.getOrDefault(s.getKey(), 0));
            tp += shared;
            fp += s.getValue() - shared;
        }
        int fn = 0;
        for (Map.Entry<String, Integer> s : e.entrySet()) {
            fn += s.getValue() - Math.min(s.getValue(), p.getOrDefault(s.getKey(), 0));
        }
        double precision;
        double recall;
        if (fp == 0 && fn == 0) {
            precision = 1;
            recall = 1;
        } else {
            // normalising by the sum does not change the ratios; it only weighs every page equally
            precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }
        return new PageScore(id, precision, recall, rejection);
    }

    static Map<String, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return counts;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval/article-extraction");
        boolean verbose = args.length > 1 && args[1].equals("--pages");
        Result result = run(dir);
        if (verbose) {
            result.pages().stream()
                    .sorted((a, b) -> Double.compare(f1(a), f1(b)))
                    .forEach(p -> System.out.printf(Locale.ROOT, "%s p=%.3f r=%.3f%s%n", p.id(), p.precision(), p.recall(),
                            p.rejection() == null ? "" : " rejected=" + p.rejection()));
        }
        System.out.printf(Locale.ROOT, "extraction f1=%.3f precision=%.3f recall=%.3f pages=%d%n",
                result.f1(), result.precision(), result.recall(), result.count());
        System.out.println(ANCHORS);
    }

    private static double f1(PageScore p) {
        return p.precision() + p.recall() == 0 ? 0 : 2 * p.precision() * p.recall() / (p.precision() + p.recall());
    }
}
