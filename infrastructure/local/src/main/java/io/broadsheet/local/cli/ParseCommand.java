package io.broadsheet.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.local.OfflinePipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code broadsheet parse FILE...}: what the parse function makes of each file, as JSON lines. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parse files offline, one JSON line per file: source, title, author, publishedAt, tags, body.",
                "A rejected file gets 'rejected <REASON> <message> (<file>)' on stderr; the exit status is then 1."})
final class ParseCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OfflinePipeline pipeline = new OfflinePipeline(Clock.systemUTC());
        int status = 0;
        for (Path file : files) {
            try {
                Article article = pipeline.parse(file);
                spec.commandLine().getOut().println(ArticleJson.mapper().writeValueAsString(json(file.toString(), article)));
                spec.commandLine().getOut().flush();
            } catch (ArticleRejectedException e) {
                Rejections.print(spec.commandLine().getErr(), file.toString(), e.reason(), e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    static ObjectNode json(String source, Article article) {
        ObjectNode line = ArticleJson.mapper().createObjectNode();
        line.put("source", source);
        line.put("title", article.title());
        line.put("author", article.author());
        line.put("publishedAt", article.publishedAt() == null ? null : article.publishedAt().toString());
        ArrayNode tags = line.putArray("tags");
        article.tags().forEach(tags::add);
        line.put("body", article.body());
        return line;
    }
}
