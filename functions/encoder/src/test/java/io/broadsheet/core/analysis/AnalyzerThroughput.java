package io.broadsheet.core.analysis;

import io.broadsheet.encoder.Analyzers;
import io.broadsheet.core.model.Article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A throughput benchmark (not a test) for {@link ArticleAnalyzer}: articles of about 1,000, 5,000
 * and 20,000 words built from our sample articles, single thread, after a warm-up. Prints articles
 * per CPU-second and CPU nanoseconds per word; the 1,000-word article is measured again at the end,
 * when the JIT has compiled everything (on a busy machine its compiler threads lag) (equal ns/word across lengths = linear cost). The JMH
 * benchmark in the bench module measures the same code with more rigour.
 *
 * <p>Run (after {@code mvn -pl functions/encoder -am test-compile}):
 * {@code java -cp functions/encoder/target/test-classes:<the encoder module test class path>
 * io.broadsheet.core.analysis.AnalyzerThroughput}
 */
public final class AnalyzerThroughput {

    /** The process's CPU time: ONNX Runtime may work outside the calling thread, and JIT and GC are part of the cost. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private AnalyzerThroughput() {
    }

    public static void main(String[] args) {
        ArticleAnalyzer analyzer = Analyzers.load(1);
        int[] sizes = args.length == 0 ? new int[] {1_000, 5_000, 20_000, 1_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int words : sizes) {
            Article article = articleOf(words);
            int actual = analyzer.analyze(article).wordCount();
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < deadline) {
                analyzer.analyze(article);
            }
            int runs = 0;
            long start = System.nanoTime();
            long cpuStart = OS.getProcessCpuTime();
            long end = start + 5_000_000_000L;
            long now;
            do {
                analyzer.analyze(article);
                runs++;
                now = System.nanoTime();
            } while (now < end);
            double seconds = (now - start) / 1e9;
            double cpuSeconds = (OS.getProcessCpuTime() - cpuStart) / 1e9;
            // on a shared machine wall-clock time includes waiting for a core; CPU time is the cost
            System.out.printf(Locale.ROOT, "analyze words=%d articles_per_cpu_s=%.0f cpu_us_per_article=%.1f cpu_ns_per_word=%.0f"
                            + " (wall: articles_per_s=%.0f)%n",
                    actual, runs / cpuSeconds, cpuSeconds * 1e6 / runs, cpuSeconds * 1e9 / runs / actual, runs / seconds);
        }
    }

    /** Paragraphs of the English samples, repeated with numbered variations until the article has about {@code words} words. */
    static Article articleOf(int words) {
        List<String> paragraphs = new ArrayList<>();
        int count = 0;
        int round = 0;
        while (count < words) {
            for (String name : SampleArticles.ENGLISH) {
                for (String p : SampleArticles.load(name).paragraphs()) {
                    String varied = round == 0 ? p : p.replace("the ", "the " + round + " ");
                    paragraphs.add(varied);
                    count += Words.count(varied);
                    if (count >= words) {
                        return new Article("Benchmark article", null, null, null, List.of(), paragraphs);
                    }
                }
            }
            round++;
        }
        return new Article("Benchmark article", null, null, null, List.of(), paragraphs);
    }
}
