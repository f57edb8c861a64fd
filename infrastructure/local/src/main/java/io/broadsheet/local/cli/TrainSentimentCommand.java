package io.broadsheet.local.cli;

import io.broadsheet.encoder.OnnxSentenceEncoder;
import io.broadsheet.encoder.training.SentimentTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code broadsheet train-sentiment}: trains the sentiment head on the labelled sets and writes it
 * where the analyze function reads it. The one way to make the shipped weights again.
 */
@Command(name = "train-sentiment", mixinStandardHelpOptions = true,
        description = {"Train the sentiment head on shared/eval/sentiment (a few minutes on 2 cores) and write it.",
                "Prints the cross-validated figures; the file records them with its sources."})
final class TrainSentimentCommand implements Callable<Integer> {

    static final Path DEFAULT_OUT = Path.of("functions/encoder/src/main/resources/io/broadsheet/encoder/sentiment-head.json");

    @Option(names = "--data", paramLabel = "DIR",
            description = "The sentiment folder (default: shared/eval/sentiment beside the working directory or a parent).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the head (default: ${DEFAULT-VALUE}).")
    Path out = DEFAULT_OUT;

    @Option(names = "--threads", description = "Encoder threads (default: ${DEFAULT-VALUE}).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<Path> dir = Optional.ofNullable(data).or(() -> EvalCommand.locate().map(p -> p.resolve("sentiment")));
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            spec.commandLine().getErr().println("broadsheet: the sentiment sets were not found; pass --data DIR "
                    + "(the evaluation data's sentiment/ folder, shared/eval/sentiment on our machines)");
            return 2;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        SentimentTraining.Result result;
        try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.load(threads)) {
            result = SentimentTraining.train(dir.get(), encoder, new PrintStream(System.err, true));
        }
        SentimentTraining.write(result, out);
        result.report().crossValidated().forEach((figure, value) ->
                stdout.printf(Locale.ROOT, "cross-validated %s=%.3f%n", figure, value));
        stdout.printf(Locale.ROOT, "temperature=%.1f examples=%s%nwrote %s%n", result.report().temperature(),
                result.report().examples(), out);
        return 0;
    }
}
