package io.broadsheet.local.cli;

import io.broadsheet.local.LocalCloud;

import java.io.PrintWriter;

/** Lets tests print exactly what {@code broadsheet up} prints. */
public final class UpCommandAccess {

    private UpCommandAccess() {
    }

    public static void printEndpoints(PrintWriter out, LocalCloud cloud) {
        UpCommand.printEndpoints(out, cloud, "test-token");
    }
}
