package io.broadsheet.aws.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample events and articles under the repository's {@code events/} folder, read the way the
 * Lambda Java runtime reads an invocation: with {@code aws-lambda-java-serialization}, so a fixture
 * that the real runtime could not deserialise fails the tests too.
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** {@code events/<relative>}, found from the module's directory (Maven runs tests there) upwards. */
    public static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path events = dir.resolve("events");
            if (Files.isDirectory(events) && Files.exists(dir.resolve("infrastructure"))) {
                return events.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
    }

    /** The repository's root (the folder holding {@code events/} and {@code infrastructure/}). */
    public static Path repositoryRoot() {
        return path("").toAbsolutePath().normalize().getParent();
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An event from {@code events/<relative>} with some of its text replaced (e.g. another object key
     * and that object's ETag), deserialised as the Lambda runtime does.
     *
     * @param targetsAndReplacements pairs: text to find, text to put instead
     */
    public static <T> T eventWith(String relative, Class<T> type, String... targetsAndReplacements) {
        if (targetsAndReplacements.length % 2 != 0) {
            throw new IllegalArgumentException("targets and replacements come in pairs");
        }
        String json = new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < targetsAndReplacements.length; i += 2) {
            if (!json.contains(targetsAndReplacements[i])) {
                throw new IllegalArgumentException(relative + " does not contain " + targetsAndReplacements[i]);
            }
            json = json.replace(targetsAndReplacements[i], targetsAndReplacements[i + 1]);
        }
        return LambdaEventSerializers.serializerFor(type, EventFixtures.class.getClassLoader()).fromJson(json);
    }

    /** An event of the given type from {@code events/<relative>}, as the Lambda runtime deserialises it. */
    public static <T> T event(String relative, Class<T> type) {
        try (InputStream in = Files.newInputStream(path(relative))) {
            return LambdaEventSerializers.serializerFor(type, EventFixtures.class.getClassLoader()).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
