package io.broadsheet.local.cli;

import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code broadsheet publish} on the embedded cloud, as a user runs it. */
class PublishCommandIT {

    @TempDir
    Path out;

    @Test
    void publish_writesEveryPageToOut_andExitsZero() throws Exception {
        List<Path> samples = samples("articles");
        List<String> args = new ArrayList<>(List.of("publish", "--out", out.toString()));
        samples.forEach(p -> args.add(p.toString()));
        StringWriter stdout = new StringWriter();

        int status = run(stdout, args);

        assertThat(status).as("exit status, output:%n%s", stdout).isZero();
        for (Path sample : samples) {
            String id = ArticleIds.fromSourceKey(ArticleKeys.INCOMING + sample.getFileName());
            assertThat(out.resolve(id + ".html")).as("page of %s", sample).isNotEmptyFile();
            assertThat(stdout.toString()).containsPattern("(?m)^" + id + "  .+  (\\d+ %|not scored)  .*" + id + "\\.html$");
        }
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        assertThat(stdout.toString()).doesNotContain("rejected");
    }

    @Test
    void publish_ofRejectedFile_printsReason_finishesOthers_andExitsOne() throws Exception {
        Path good = samples("articles").getFirst();
        Path bad = samples("rejected").stream().filter(p -> p.getFileName().toString().equals("no-body.txt")).findFirst().orElseThrow();
        StringWriter stdout = new StringWriter();

        int status = run(stdout, List.of("publish", "--out", out.toString(), bad.toString(), good.toString()));

        assertThat(status).isEqualTo(1);
        assertThat(stdout.toString()).contains("rejected NO_BODY ").contains(bad.toString());
        assertThat(out.resolve(ArticleIds.fromSourceKey(ArticleKeys.INCOMING + good.getFileName()) + ".html")).isNotEmptyFile();
    }

    @Test
    void main_printsOnlyTheTableOnStdout_andTheFunctionsLogsOnStderr() throws Exception {
        // GIVEN the sample articles, published as `./broadsheet publish` runs it
        List<String> args = new ArrayList<>(List.of("publish", "--out", out.toString()));
        samples("articles").forEach(p -> args.add(p.toString()));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        // WHEN
        int status = Main.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        // THEN stdout has a line per article and the site line, the JSON log lines went to stderr
        assertThat(status).isZero();
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(args.size() - 3 + 1).noneMatch(line -> line.startsWith("{"));
        assertThat(lines.getLast()).startsWith("site written to ");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("\"outcome\":\"published\"");
    }

    private static int run(StringWriter stdout, List<String> args) {
        CommandLine cli = BroadsheetCommand.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        return cli.execute(args.toArray(String[]::new));
    }

    static List<Path> samples(String folder) throws URISyntaxException, java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of(PublishCommandIT.class.getResource("/" + folder).toURI()))) {
            return files.sorted().toList();
        }
    }
}
