package io.broadsheet.local.cli;

import io.broadsheet.core.eval.ExtractionEvaluation;
import io.broadsheet.core.eval.SentenceEvaluation;
import io.broadsheet.core.eval.SentimentEvaluation;
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
        description = {"Score sentence splitting (our cases), HTML extraction and sentiment (the evaluation sets).",
                "One line per figure: eval <case> key=value ... anchors=..."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding article-extraction/ and sentiment/ (default: shared/eval beside the "
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
                    + "(the folder with article-extraction/ and sentiment/)");
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
        if (Files.isDirectory(sentimentSet)) {
            SentimentEvaluation.Result sentiment = SentimentEvaluation.run(sentimentSet);
            out.printf(Locale.ROOT, "eval sentiment accuracy=%.3f n=%d%n  anchors: VADER accuracy=%.3f AFINN accuracy=%.3f%n",
                    sentiment.accuracy(), sentiment.n(), SentimentEvaluation.VADER, SentimentEvaluation.AFINN);
        }
        return 0;
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
