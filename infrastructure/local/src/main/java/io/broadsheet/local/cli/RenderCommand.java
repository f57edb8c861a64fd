package io.broadsheet.local.cli;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.local.OfflinePipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code broadsheet render FILE [-o OUT]}: the page the publish function would write, without a cloud. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a file's page offline (parse, analyse, render) to OUT, or to stdout.")
final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "Write the page here (default: stdout).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OfflinePipeline pipeline = new OfflinePipeline(Clock.systemUTC());
        try {
            Article article = pipeline.parse(file);
            String baseUrl = (out == null ? Path.of("") : out.toAbsolutePath().getParent()).toAbsolutePath().toUri().toString();
            String page = pipeline.render(pipeline.record(file, article), article, baseUrl);
            if (out == null) {
                spec.commandLine().getOut().print(page);
                spec.commandLine().getOut().flush();
            } else {
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                Files.writeString(out, page, StandardCharsets.UTF_8);
            }
            return 0;
        } catch (ArticleRejectedException e) {
            Rejections.print(spec.commandLine().getErr(), file.toString(), e.reason(), e.getMessage());
            return 1;
        }
    }
}
