package io.broadsheet.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.local.OfflinePipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code broadsheet analyze FILE...}: the record the analyze function would store for each file,
 * as JSON lines (source plus the record's fields, the analysis's at the top level).
 * {@code --jsonl} analyses bulk text from stdin instead: lines {@code {"id","text"}} in, one line per input out.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse files offline, one JSON line per file: source, id, title, ..., sentiment {score, label, bullets}, "
                + "highlights, insights [{aspect, description}], keywords.",
                "With --jsonl, read lines {\"id\",\"text\"} from stdin and write one such line per input, with its id.",
                "A rejected file gets 'rejected <REASON> <message> (<file>)' on stderr; the exit status is then 1."})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE")
    List<Path> files = List.of();

    @Option(names = "--jsonl", description = "Read {\"id\",\"text\"} lines from stdin instead of files.")
    boolean jsonl;

    @Spec
    CommandSpec spec;

    /** Where {@code --jsonl} reads from; stdin unless a caller gives another. */
    java.io.InputStream input = System.in;

    @Override
    public Integer call() throws Exception {
        OfflinePipeline pipeline = new OfflinePipeline(Clock.systemUTC());
        if (jsonl) {
            return bulk(pipeline);
        }
        if (files.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give FILE... or --jsonl");
        }
        int status = 0;
        for (Path file : files) {
            try {
                Article article = pipeline.parse(file);
                ArticleRecord record = pipeline.record(file, article);
                ObjectNode line = ArticleJson.mapper().createObjectNode();
                line.put("source", file.toString());
                ObjectNode fields = ArticleJson.mapper().valueToTree(record);
                fields.remove("analysis");
                line.setAll(fields);
                line.setAll((ObjectNode) ArticleJson.mapper().valueToTree(record.analysis()));
                print(line);
            } catch (ArticleRejectedException e) {
                Rejections.print(spec.commandLine().getErr(), file.toString(), e.reason(), e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private int bulk(OfflinePipeline pipeline) throws Exception {
        var in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        int status = 0;
        String raw;
        while ((raw = in.readLine()) != null) {
            if (raw.isBlank()) {
                continue;
            }
            JsonNode input = ArticleJson.mapper().readTree(raw);
            String text = input.path("text").asText("");
            List<String> paragraphs = Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
            ObjectNode line = ArticleJson.mapper().createObjectNode();
            line.set("id", input.get("id"));
            if (paragraphs.isEmpty()) {
                line.put("error", "NO_BODY");
                status = 1;
            } else {
                String title = input.path("title").asText(paragraphs.getFirst());
                Analysis analysis = pipeline.analyze(new Article(title, null, null, null, List.of(), paragraphs));
                line.setAll((ObjectNode) ArticleJson.mapper().valueToTree(analysis));
            }
            print(line);
        }
        return status;
    }

    private void print(ObjectNode line) throws Exception {
        spec.commandLine().getOut().println(ArticleJson.mapper().writeValueAsString(line));
        spec.commandLine().getOut().flush();
    }
}
