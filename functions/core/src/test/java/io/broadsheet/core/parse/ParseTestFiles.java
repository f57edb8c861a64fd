package io.broadsheet.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the sample documents under {@code src/test/resources/parse}. */
final class ParseTestFiles {

    private ParseTestFiles() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ParseTestFiles.class.getResourceAsStream("/parse/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
