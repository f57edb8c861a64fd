package io.broadsheet.bench.e2e;

import io.broadsheet.bench.BenchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench e2e} at a tiny size on a real embedded cloud: it runs, prints its lines, and finds nothing lost. */
class EndToEndBenchmarkIT {

    @Test
    void run_printsOneLinePerFigure_andChecksTheArticles(@TempDir Path logs) throws Exception {
        ByteArrayOutputStream figures = new ByteArrayOutputStream();
        var options = new EndToEndBenchmark.Options(List.of(), 3, 12, 300, 2000, 2, 2, Duration.ofMinutes(3),
                BenchCommand.findRepositoryRoot(Path.of("").toAbsolutePath()), logs.resolve("functions.log"));

        int problems = new EndToEndBenchmark(options, new PrintStream(figures, true, StandardCharsets.UTF_8)).run();

        List<String> lines = figures.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(problems).isZero();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("e2e single n=3 p50_ms=\\d+ p90_ms=\\d+ p99_ms=\\d+ max_ms=\\d+ settled_p50_ms=\\d+ .*");
        assertThat(lines.get(1)).startsWith("e2e single-check articles=3 ").contains(" version1=3 ", " problems=0");
        assertThat(lines.get(2)).matches("e2e burst articles=12 upload_s=[\\d.]+ drain_s=[\\d.]+ articles_per_s=[\\d.]+ peak_heap_mb=\\d+ .*");
        assertThat(lines.get(3)).startsWith("e2e burst-check articles=12 ").contains(" records=17 ", " version1=12 ", " problems=0");
        assertThat(logs.resolve("functions.log")).content().contains("\"function\":\"publish\"");
    }
}
