package io.broadsheet.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline commands: one JSON line per file with the fields the issue names, rejections on stderr. */
class OfflineCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @Test
    void parse_printsOneJsonLinePerFile_withTheNamedFields() throws Exception {
        List<Path> samples = PublishCommandIT.samples("articles");

        int status = run(args("parse", samples));

        assertThat(status).isZero();
        List<String> lines = stdout.toString().lines().toList();
        assertThat(lines).hasSize(samples.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.path("source").asText()).isEqualTo(samples.get(i).toString());
            assertThat(line.has("title") && line.has("author") && line.has("publishedAt") && line.has("body")).isTrue();
            assertThat(line.path("tags").isArray()).isTrue();
            assertThat(line.path("body").asText()).contains("\n\n");
        }
        JsonNode markdown = JSON.readTree(lines.get(samples.indexOf(samples.stream()
                .filter(p -> p.toString().endsWith("tram-lines.md")).findFirst().orElseThrow())));
        assertThat(markdown.path("title").asText()).isEqualTo("Council backs two new tram lines");
        assertThat(markdown.path("author").asText()).isEqualTo("Maria Lopez");
        assertThat(markdown.path("publishedAt").asText()).startsWith("2026-03-12T");
    }

    @Test
    void parse_ofRejectedFile_printsRejection_andExitsOne_afterTheOthers() throws Exception {
        Path good = PublishCommandIT.samples("articles").getFirst();
        Path empty = PublishCommandIT.samples("rejected").getFirst();

        int status = run(List.of("parse", empty.toString(), good.toString()));

        assertThat(status).isEqualTo(1);
        assertThat(stderr.toString()).startsWith("rejected EMPTY ");
        assertThat(stdout.toString().lines()).hasSize(1);
    }

    @Test
    void analyze_printsSentimentHighlightsAndInsights_atTopLevel() throws Exception {
        List<Path> samples = PublishCommandIT.samples("articles");

        int status = run(args("analyze", samples));

        assertThat(status).isZero();
        for (String raw : stdout.toString().lines().toList()) {
            JsonNode line = JSON.readTree(raw);
            assertThat(line.path("source").asText()).isNotBlank();
            assertThat(line.path("sentiment").has("label")).isTrue();
            assertThat(line.path("sentiment").path("bullets").isArray()).isTrue();
            assertThat(line.path("highlights").isArray()).isTrue();
            assertThat(line.path("insights").isArray()).isTrue();
        }
    }

    @Test
    void analyzeJsonl_writesOneLinePerInput_withItsId() throws Exception {
        AnalyzeCommand command = new AnalyzeCommand();
        String input = "{\"id\":\"a1\",\"text\":\"The council approved the plan.\\n\\nResidents welcomed the decision.\"}\n"
                + "{\"id\":\"b2\",\"text\":\"Storms damaged the harbour and hundreds lost power.\"}\n";
        command.input = new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(stdout, true));

        int status = cli.execute("--jsonl");

        assertThat(status).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String raw : stdout.toString().lines().toList()) {
            lines.add(JSON.readTree(raw));
        }
        assertThat(lines).extracting(l -> l.path("id").asText()).containsExactly("a1", "b2");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.path("sentiment").has("label")).isTrue();
            assertThat(l.path("highlights").isArray()).isTrue();
            assertThat(l.path("insights").isArray()).isTrue();
        });
    }

    @Test
    void render_writesThePage(@TempDir Path dir) throws Exception {
        Path sample = PublishCommandIT.samples("articles").getFirst();
        Path page = dir.resolve("page.html");

        int status = run(List.of("render", sample.toString(), "-o", page.toString()));

        assertThat(status).isZero();
        assertThat(Files.readString(page)).contains("<h1>", "Highlights", "Key insights");
    }

    private static List<String> args(String command, List<Path> files) {
        List<String> args = new ArrayList<>(List.of(command));
        files.forEach(f -> args.add(f.toString()));
        return args;
    }

    private int run(List<String> args) {
        CommandLine cli = BroadsheetCommand.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        return cli.execute(args.toArray(String[]::new));
    }
}
