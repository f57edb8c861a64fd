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
        assertThat(stdout.toString()).contains("eval sentiment product-reviews accuracy=1.000 balanced_accuracy=1.000 n=2 unscored=0");
        assertThat(stdout.toString()).doesNotContain("eval extraction", "eval highlights");
    }

    @Test
    void eval_scoresHighlightsBesideLead3_givenASummarizationSet(@TempDir Path sets) throws Exception {
        // GIVEN one article in the summarization set's format: a title line, a blank line, a sentence a paragraph
        Path summarization = Files.createDirectories(sets.resolve("summarization").resolve("articles"));
        Files.writeString(summarization.resolve("a1.txt"), """
                Ferry returns after storm repairs

                The harbour ferry resumed service on Monday after three weeks of storm repairs.

                Commuters welcomed the return of the morning boat.

                The operator said the new hull plates should keep the boat running through the winter.

                Tickets stay at their old price until March.
                """);
        Files.writeString(sets.resolve("summarization").resolve("references.json"), """
                {"a1": {"highlights": ["The harbour ferry resumed service on Monday after storm repairs"], "url": ""}}
                """);

        int status = run("eval", "--data", sets.toString());

        assertThat(status).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).containsPattern("eval highlights rouge1=\\d+\\.\\d{2} rouge2=\\d+\\.\\d{2} rougeLsum=\\d+\\.\\d{2} words=\\d+\\.\\d articles=1")
                .containsPattern("eval highlights-lead3 rouge1=\\d+\\.\\d{2}");
    }

    private int run(String... args) {
        CommandLine cli = BroadsheetCommand.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(args);
    }
}
