package io.broadsheet.bench;

import io.broadsheet.bench.coldstart.ColdStartHarness;
import io.broadsheet.bench.core.CoreBenchmarks;
import io.broadsheet.bench.e2e.EndToEndBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench coldstart|core|e2e}: reruns the project's performance figures and prints one line per
 * figure, {@code <bench> <case> key=value ...}, on standard output (progress goes to standard error).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Broadsheet's benchmarks: one line per figure on stdout.",
        subcommands = {BenchCommand.ColdStart.class, BenchCommand.Core.class, BenchCommand.EndToEnd.class})
public final class BenchCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Command(name = "coldstart", mixinStandardHelpOptions = true,
            description = "Cold start (init and first invoke) of each function and two baselines, each in fresh JVMs "
                    + "under the real Lambda runtime interface client, against local S3 and DynamoDB.")
    static final class ColdStart implements Callable<Integer> {

        @Option(names = "--runs", defaultValue = "5", description = "fresh JVMs per case (median reported); default ${DEFAULT-VALUE}")
        int runs;

        @Option(names = "--case", split = ",", description = "cases to run: bare, sdk, parse, parse-by-hand, analyze, publish, api (default: all)")
        List<String> cases = new ArrayList<>();

        @Option(names = "--no-pin", description = "do not pin function JVMs to one core with taskset")
        boolean noPin;

        @Option(names = "--snapstart", description = "also start each function as SnapStart would (priming hooks before the first poll)")
        boolean snapStart;

        @Option(names = "--timeout", defaultValue = "PT2M", description = "per cold start; default ${DEFAULT-VALUE}")
        Duration timeout;

        @Option(names = "--java-tool-options", description = "JAVA_TOOL_OPTIONS for every function JVM (e.g. a CDS archive to try)")
        String javaToolOptions;

        @Option(names = "--lib-layout", description = "lay each function out as lib/function.jar instead of unzipped classes")
        boolean libLayout;

        @Option(names = "--cds", description = "one training start per case writes a dynamic CDS archive, which the measured "
                + "starts use (implies --lib-layout; where the runtime allows it, see docs/performance.md)")
        boolean cds;

        @Option(names = "--root", description = "repository root (default: found from the working directory)")
        Path root;

        @Option(names = "--logs", description = "where function logs go (default: a new temporary directory)")
        Path logs;

        @Override
        public Integer call() throws Exception {
            Path repo = root != null ? root : findRepositoryRoot(Path.of("").toAbsolutePath());
            Path logDir = logs != null ? logs : Files.createTempDirectory("broadsheet-coldstart-");
            var options = new ColdStartHarness.Options(runs, !noPin, snapStart, timeout, logDir, cases, javaToolOptions,
                    libLayout, cds);
            int failed = new ColdStartHarness(ColdStartHarness.Layout.ofRepository(repo), options, System.out).run();
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "core", mixinStandardHelpOptions = true,
            description = "JMH: parse + analyze + render on one thread, per article length.")
    static final class Core implements Callable<Integer> {

        @Option(names = "--words", split = ",", defaultValue = "300,1000,10000", description = "article lengths; default ${DEFAULT-VALUE}")
        List<Integer> words;

        // the whole pipeline needs 20-30 s of warm-up on two cores before C2 has compiled it (scores
        // rise until then; a step alone needs about 16 s): the defaults give figures to quote, about
        // 8 minutes for the three lengths
        @Option(names = "--warmup", defaultValue = "15", description = "warm-up iterations of --seconds each; default ${DEFAULT-VALUE}")
        int warmup;

        @Option(names = "--iterations", defaultValue = "5", description = "measured iterations of --seconds each; default ${DEFAULT-VALUE}")
        int iterations;

        @Option(names = "--seconds", defaultValue = "2", description = "length of one iteration; default ${DEFAULT-VALUE}")
        int seconds;

        @Option(names = "--forks", defaultValue = "1", description = "JMH forks")
        int forks;

        @Option(names = "--lambda-jit", description = "run the forks with the JIT and GC of Lambda's managed runtime "
                + "(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC): what an invocation costs there")
        boolean lambdaJit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CoreBenchmarks benchmarks;
            try {
                benchmarks = new CoreBenchmarks(words, warmup, iterations, seconds, forks, lambdaJit, System.out);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage()); // a usage error, not a crash
            }
            benchmarks.run();
            return 0;
        }
    }

    @Command(name = "e2e", mixinStandardHelpOptions = true,
            description = "Upload-to-published on the embedded cloud: latency of single articles (p50/p90/p99) "
                    + "and the drain time, throughput and peak memory of a burst, each checked for lost or duplicated articles.")
    static final class EndToEnd implements Callable<Integer> {

        @Option(names = "--case", split = ",", description = "cases to run: single, burst (default: both)")
        List<String> cases = new ArrayList<>();

        @Option(names = "--single", defaultValue = "100", description = "articles uploaded one at a time; default ${DEFAULT-VALUE}")
        int single;

        @Option(names = "--burst", defaultValue = "1000", description = "articles uploaded at once; default ${DEFAULT-VALUE}")
        int burst;

        @Option(names = "--min-words", defaultValue = "300", description = "shortest article; default ${DEFAULT-VALUE}")
        int minWords;

        @Option(names = "--max-words", defaultValue = "10000", description = "longest article (lengths are log-uniform in between); default ${DEFAULT-VALUE}")
        int maxWords;

        @Option(names = "--clients", defaultValue = "4", description = "client threads that put the burst; default ${DEFAULT-VALUE}")
        int clients;

        @Option(names = "--warmup", defaultValue = "40", description = "articles pushed through before measuring; default ${DEFAULT-VALUE}")
        int warmup;

        @Option(names = "--timeout", defaultValue = "PT15M", description = "longest wait for an article or the burst; default ${DEFAULT-VALUE}")
        Duration timeout;

        @Option(names = "--root", description = "repository root (default: found from the working directory)")
        Path root;

        @Option(names = "--logs", description = "file for the functions' log lines (default: a new temporary file)")
        Path logs;

        @Override
        public Integer call() throws Exception {
            Path repo = root != null ? root : findRepositoryRoot(Path.of("").toAbsolutePath());
            Path logFile = logs != null ? logs : Files.createTempFile("broadsheet-e2e-", ".log");
            var options = new EndToEndBenchmark.Options(cases, single, burst, minWords, maxWords, clients, warmup, timeout, repo, logFile);
            int problems = new EndToEndBenchmark(options, System.out).run();
            return problems == 0 ? 0 : 1;
        }
    }

    /** The nearest directory, from {@code start} up, that holds both {@code functions/} and {@code bench/}. */
    public static Path findRepositoryRoot(Path start) throws IOException {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("bench"))) {
                return dir;
            }
        }
        throw new IOException("not inside the Broadsheet repository (" + start + "); pass --root");
    }
}
