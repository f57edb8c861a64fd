package io.broadsheet.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code broadsheet}: publish articles through a local cloud, run it, or use the pipeline's steps
 * offline. Subcommands are registered in {@link #SUBCOMMANDS}, the one place to add more.
 */
@Command(name = "broadsheet", mixinStandardHelpOptions = true, versionProvider = BroadsheetCommand.Version.class,
        description = "Serverless article analysis and publishing, on your machine.",
        subcommandsRepeatable = false)
public final class BroadsheetCommand implements Runnable {

    /** Every subcommand, in help order. */
    static final List<Supplier<Object>> SUBCOMMANDS = List.of(
            PublishCommand::new,
            UpCommand::new,
            ParseCommand::new,
            AnalyzeCommand::new,
            RenderCommand::new,
            EvalCommand::new,
            TrainSentimentCommand::new);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BroadsheetCommand());
        SUBCOMMANDS.forEach(s -> cli.addSubcommand(s.get()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("broadsheet: " + e.getMessage());
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BroadsheetCommand.class.getPackage().getImplementationVersion();
            return new String[] {"broadsheet " + (v == null ? "development" : v)};
        }
    }
}
