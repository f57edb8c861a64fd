package io.broadsheet.bench.core;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link CorePipelineBenchmark} through JMH's API and prints the figures: articles/s, MB/s and
 * nanoseconds per word for the whole pipeline (equal ns/word across lengths = linear cost), and
 * each step's own rate. JMH's progress goes to standard error.
 */
public final class CoreBenchmarks {

    /** How Lambda's managed java21 runtime starts the JVM, as far as per-article work is concerned. */
    static final String[] LAMBDA_JIT = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    private final List<Integer> words;
    private final int warmup;
    private final int iterations;
    private final int seconds;
    private final int forks;
    private final boolean lambdaJit;
    private final PrintStream out;

    /** @param lambdaJit fork with Lambda's JIT and GC flags (C1 only, serial GC) instead of the JVM's defaults */
    public CoreBenchmarks(List<Integer> words, int warmup, int iterations, int seconds, int forks, boolean lambdaJit,
                          PrintStream out) {
        if (lambdaJit && forks < 1) {
            // without a fork JMH runs in this JVM, whose flags are already set
            throw new IllegalArgumentException("Lambda's JIT flags need a forked JVM: forks must be at least 1");
        }
        this.words = List.copyOf(words);
        this.warmup = warmup;
        this.iterations = iterations;
        this.seconds = seconds;
        this.forks = forks;
        this.lambdaJit = lambdaJit;
        this.out = out;
    }

    public void run() throws Exception {
        Options options = new OptionsBuilder()
                .include(CorePipelineBenchmark.class.getName() + "\\.")
                .param("words", words.stream().map(String::valueOf).toArray(String[]::new))
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .forks(forks).threads(1)
                .jvmArgsAppend(lambdaJit ? LAMBDA_JIT : new String[0])
                .build();
        Collection<RunResult> results = new Runner(options,
                OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
        report(results);
    }

    private String jit() {
        return lambdaJit ? "lambda" : "default";
    }

    private void report(Collection<RunResult> results) {
        Map<Integer, Double> pipeline = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            int n = Integer.parseInt(result.getParams().getParam("words"));
            double perSecond = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            if (method.equals("pipeline")) {
                pipeline.put(n, perSecond);
                int bytes = CorePipelineBenchmark.inputBytes(n);
                out.printf(Locale.ROOT, "core words=%d articles_per_s=%.0f error=%.0f mb_per_s=%.2f us_per_article=%.1f ns_per_word=%.0f input_bytes=%d jit=%s%n",
                        n, perSecond, error, perSecond * bytes / 1e6, 1e6 / perSecond, 1e9 / perSecond / n, bytes, jit());
            } else {
                out.printf(Locale.ROOT, "core-step step=%s words=%d ops_per_s=%.0f error=%.0f us_per_op=%.1f jit=%s%n",
                        method.replace("Only", ""), n, perSecond, error, 1e6 / perSecond, jit());
            }
        }
        // Linear cost: time per article grows like the word count, i.e. this ratio stays near 1.
        Integer shortest = pipeline.isEmpty() ? null : ((TreeMap<Integer, Double>) pipeline).firstKey();
        if (shortest != null) {
            pipeline.forEach((n, perSecond) -> {
                if (!n.equals(shortest)) {
                    double costRatio = pipeline.get(shortest) / perSecond;
                    double lengthRatio = n / (double) shortest;
                    out.printf(Locale.ROOT, "core scaling from_words=%d to_words=%d length_ratio=%.1f cost_ratio=%.1f per_word_ratio=%.2f%n",
                            shortest, n, lengthRatio, costRatio, costRatio / lengthRatio);
                }
            });
        }
    }
}
