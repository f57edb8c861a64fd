package io.broadsheet.local.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/** Entry point of {@code broadsheet.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command with its own output on {@code out} and everything else on {@code err}. The
     * functions a command runs in this process log as they do on Lambda, one JSON line per article
     * to {@code System.out}; here that goes to {@code err}, so that {@code publish}'s table (or
     * {@code parse}'s JSON lines) can be read and piped on their own.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        PrintStream previous = System.out;
        // before the command line is built: picocli's default execution strategy remembers System.out
        // when it is made, and if that is no longer System.out at execute() it replaces setOut's writer
        System.setOut(err);
        try {
            CommandLine cli = BroadsheetCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        } finally {
            System.setOut(previous);
        }
    }
}
