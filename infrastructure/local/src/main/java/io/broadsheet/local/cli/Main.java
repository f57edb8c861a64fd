package io.broadsheet.local.cli;

import picocli.CommandLine;

/** Entry point of {@code broadsheet.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(BroadsheetCommand.commandLine().execute(args));
    }
}
