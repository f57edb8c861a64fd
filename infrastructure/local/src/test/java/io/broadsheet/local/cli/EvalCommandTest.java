package io.broadsheet.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code broadsheet eval}: our sentence cases ship in the jar; the evaluation sets are looked for, never assumed. */
class EvalCommandTest {

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @Test
    void eval_scoresTheBuiltInSentenceCases_andExplains_whenTheSetsAreMissing(@TempDir Path empty) {
        int status = run("eval", "--data", empty.resolve("nowhere").toString());

        assertThat(status).isEqualTo(2);
        assertThat(stdout.toString()).containsPattern("eval sentences accuracy=0\\.\\d{3} cases=\\d+ ");
        assertThat(stderr.toString()).contains("evaluation sets not found");
    }

    @Test
    void eval_scoresTheSentimentSet_givenInData(@TempDir Path sets) throws Exception {
        // GIVEN a two-sentence set in the development set's format
        Path sentiment = Files.createDirectories(sets.resolve("sentiment"));
        Files.writeString(sentiment.resolve("product-reviews.jsonl"), """
                {"id":"a","text":"This is a wonderful, reliable little phone and I love it.","label":"positive"}
                {"id":"b","text":"Terrible battery, it broke after two days and support never answered.","label":"negative"}
                """);

        int status = run("eval", "--data", sets.toString());

        assertThat(status).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("eval sentiment accuracy=1.000 n=2");
        assertThat(stdout.toString()).doesNotContain("eval extraction");
    }

    private int run(String... args) {
        CommandLine cli = BroadsheetCommand.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(args);
    }
}
