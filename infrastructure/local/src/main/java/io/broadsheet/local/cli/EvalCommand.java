package io.broadsheet.local.cli;

import io.broadsheet.core.eval.ExtractionEvaluation;
import io.broadsheet.core.eval.SentenceEvaluation;
import io.broadsheet.core.eval.SentimentEvaluation;
import io.broadsheet.core.eval.SummarizationEvaluation;
import io.broadsheet.core.analysis.ArticleAnalyzer;
import io.broadsheet.core.parse.ArticleParsers;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.encoder.Analyzers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code broadsheet eval}: the quality figures of docs/quality.md, beside the published anchors.
 * Sentence splitting is scored on our own cases (shipped in the jar); extraction and sentiment on
 * the evaluation sets, which a user's clone does not have.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score sentence splitting (our cases), HTML extraction, sentiment and highlights (the evaluation sets).",
                "One line per figure: eval <case> key=value ... anchors=..."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding article-extraction/, sentiment/ and summarization/ (default: shared/eval beside the "
                    + "working directory or one of its parents).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SentenceEvaluation.Result sentences = SentenceEvaluation.run(SentenceEvaluation.builtInCases());
        out.printf(Locale.ROOT, "eval sentences accuracy=%.3f cases=%d boundary_precision=%.3f boundary_recall=%.3f%n",
                sentences.accuracy(), sentences.cases(), sentences.boundaryPrecision(), sentences.boundaryRecall());
        out.flush();

        Optional<Path> sets = Optional.ofNullable(data).or(EvalCommand::locate);
        if (sets.isEmpty() || !Files.isDirectory(sets.get())) {
            spec.commandLine().getErr().println("broadsheet: evaluation sets not found; pass --data DIR "
                    + "(the folder with article-extraction/, sentiment/ and summarization/; they are not in the repository)");
            return 2;
        }
        Path extractionSet = sets.get().resolve("article-extraction");
        if (Files.isDirectory(extractionSet)) {
            ExtractionEvaluation.Result extraction = ExtractionEvaluation.run(extractionSet);
            out.printf(Locale.ROOT, "eval extraction f1=%.3f precision=%.3f recall=%.3f pages=%d%n",
                    extraction.f1(), extraction.precision(), extraction.recall(), extraction.count());
            out.println(ExtractionEvaluation.ANCHORS.indent(2).stripTrailing());
            out.flush();
        }
        Path sentimentSet = sets.get().resolve("sentiment");
        Path summarizationSet = sets.get().resolve("summarization");
        if (Files.isDirectory(sentimentSet) || Files.isDirectory(summarizationSet)) {
            ArticleAnalyzer analyzer = Analyzers.load(Math.max(1, Runtime.getRuntime().availableProcessors()));
            if (Files.isDirectory(sentimentSet)) {
                sentiment(out, sentimentSet, analyzer);
            }
            if (Files.isDirectory(summarizationSet)) {
                highlights(out, summarizationSet, analyzer);
            }
        }
        return 0;
    }

    /** Every labelled set through the product's reading, then the training's cross-validated figures. */
    private static void sentiment(PrintWriter out, Path dir, ArticleAnalyzer analyzer) throws IOException {
        JsonNode head = ArticleJson.mapper().readTree(Analyzers.class.getResourceAsStream(Analyzers.SENTIMENT_HEAD));
        java.util.Set<String> trainedOn = new java.util.HashSet<>();
        head.path("trainedOn").forEach(set -> trainedOn.add(set.asText()));
        for (SentimentEvaluation.SetResult r : SentimentEvaluation.run(dir, analyzer::sentimentOf)) {
            boolean seen = trainedOn.contains(r.set());
            out.printf(Locale.ROOT, "eval sentiment %s accuracy=%.3f balanced_accuracy=%.3f n=%d unscored=%d%s%s%n",
                    r.set(), r.accuracy(), r.balancedAccuracy(), r.n(), r.unscored(),
                    Double.isNaN(r.pearson()) ? "" : String.format(Locale.ROOT, " pearson_r=%.3f", r.pearson()),
                    seen ? " (trained on: see the cross-validated figure)" : " (held out)");
            String anchors = SentimentEvaluation.ANCHORS.get(r.set());
            if (!anchors.isEmpty()) {
                out.println("  anchors: " + anchors);
            }
            out.flush();
        }
        head.path("crossValidated").properties().forEach(e -> out.printf(Locale.ROOT,
                "eval sentiment cross-validated %s=%.3f (5 folds, NYT split by article; recorded by train-sentiment)%n",
                e.getKey(), e.getValue().asDouble()));
    }

    /** The analyzer's highlights of each article, parsed as an upload would be, beside Lead-3. */
    private static void highlights(PrintWriter out, Path dir, ArticleAnalyzer analyzer) throws IOException {
        ArticleParsers parsers = new ArticleParsers();
        SummarizationEvaluation.Result r = SummarizationEvaluation.run(SummarizationEvaluation.read(dir), item ->
                analyzer.analyze(parsers.parse(item.id() + ".txt", "text/plain", item.text().getBytes(StandardCharsets.UTF_8))
                        .article()).highlights());
        out.printf(Locale.ROOT, "eval highlights rouge1=%.2f rouge2=%.2f rougeLsum=%.2f words=%.1f articles=%d%n",
                r.system().rouge1(), r.system().rouge2(), r.system().rougeLsum(), r.system().words(), r.articles());
        out.printf(Locale.ROOT, "eval highlights-lead3 rouge1=%.2f rouge2=%.2f rougeLsum=%.2f words=%.1f%n",
                r.lead3().rouge1(), r.lead3().rouge2(), r.lead3().rougeLsum(), r.lead3().words());
        out.println("  " + SummarizationEvaluation.ANCHORS);
        out.flush();
    }

    static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("eval");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
