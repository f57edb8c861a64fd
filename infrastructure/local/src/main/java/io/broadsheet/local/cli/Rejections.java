package io.broadsheet.local.cli;

import io.broadsheet.core.model.RejectionReason;

import java.io.PrintWriter;

/** The one shape of a rejection line: {@code rejected <REASON> <message> (<file>)}. */
final class Rejections {

    private Rejections() {
    }

    static void print(PrintWriter out, String file, RejectionReason reason, String message) {
        out.println("rejected " + reason + " " + message + " (" + file + ")");
        out.flush();
    }
}
