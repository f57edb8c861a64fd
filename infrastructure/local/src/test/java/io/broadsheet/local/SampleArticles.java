package io.broadsheet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample articles the end-to-end scenarios upload: the project's {@code events/articles/} when
 * the source tree has them, else this module's own fixtures (one per accepted format).
 */
final class SampleArticles {

    private SampleArticles() {
    }

    static List<Path> all() {
        Path shared = moduleDir().resolve("../../events/articles").normalize();
        Path dir = Files.isDirectory(shared) && !list(shared).isEmpty() ? shared : resource("articles");
        return list(dir);
    }

    static Path rejected(String name) {
        return resource("rejected").resolve(name);
    }

    static Path moduleDir() {
        String configured = System.getProperty("broadsheet.local.dir");
        return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(txt|md|markdown|html|htm|json)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(SampleArticles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
