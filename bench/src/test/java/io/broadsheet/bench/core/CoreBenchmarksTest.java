package io.broadsheet.bench.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figure lines `bench core` prints, from a run too short to mean anything (in-process, 1 s per iteration). */
class CoreBenchmarksTest {

    @Test
    void run_printsOneLinePerFigure_forThePipelineAndEachStep() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new CoreBenchmarks(List.of(300), 1, 1, 1, 0, false, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).filteredOn(l -> l.startsWith("core "))
                .singleElement().asString()
                .matches("core words=300 articles_per_s=[1-9]\\d* error=\\S+ mb_per_s=\\S+ us_per_article=\\S+ "
                        + "ns_per_word=\\d+ input_bytes=" + CorePipelineBenchmark.inputBytes(300) + " jit=default");
        assertThat(lines).filteredOn(l -> l.startsWith("core-step "))
                .extracting(l -> l.split(" ")[1])
                .containsExactlyInAnyOrder("step=analyze", "step=parse", "step=render");
        assertThat(lines).filteredOn(l -> l.startsWith("core-step "))
                .allMatch(l -> l.matches("core-step step=\\w+ words=300 ops_per_s=[1-9]\\d* error=\\S+ us_per_op=\\S+ jit=default"));
    }

    @Test
    void new_refusesLambdaJit_withoutAFork() {
        assertThatThrownBy(() -> new CoreBenchmarks(List.of(1000), 1, 1, 1, 0, true, System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forks");
    }
}
