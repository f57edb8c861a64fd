package io.broadsheet.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's code laid out as Lambda lays out {@code /var/task}: the deployment package unzipped,
 * classes at the top (and any jars under {@code lib/}). The runtime client loads from its working directory.
 */
public record TaskRoot(Path dir) implements AutoCloseable {

    /** Unzips a deployment package (a shaded jar is one) into a new temporary directory. */
    public static TaskRoot unzip(Path deploymentPackage) throws IOException {
        if (!Files.isRegularFile(deploymentPackage)) {
            throw new IOException("no deployment package at " + deploymentPackage + " (build it with mvn package)");
        }
        Path dir = Files.createTempDirectory("broadsheet-task-");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(deploymentPackage))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new TaskRoot(dir);
    }

    /**
     * A deployment package laid out with its code in {@code lib/} (which Lambda also supports for zip
     * packages): the jar itself is copied to {@code lib/function.jar}, nothing at the top. Classes loaded
     * from a jar, unlike those from a directory, can be kept in a CDS archive.
     */
    public static TaskRoot libJar(Path deploymentPackage) throws IOException {
        if (!Files.isRegularFile(deploymentPackage)) {
            throw new IOException("no deployment package at " + deploymentPackage + " (build it with mvn package)");
        }
        Path dir = Files.createTempDirectory("broadsheet-task-");
        Files.createDirectories(dir.resolve("lib"));
        Files.copy(deploymentPackage, dir.resolve("lib/function.jar"));
        return new TaskRoot(dir);
    }

    /** {@link #ofClasses}, packed as {@code lib/function.jar} (see {@link #libJar}). */
    public static TaskRoot libJarOfClasses(Class<?>... classes) throws IOException {
        Path dir = Files.createTempDirectory("broadsheet-task-");
        Files.createDirectories(dir.resolve("lib"));
        writeJar(dir.resolve("lib/function.jar"), classes);
        return new TaskRoot(dir);
    }

    /**
     * A task root holding only the given classes, copied from this program's own class path: enough
     * for a handler that needs nothing but the Lambda interfaces the runtime already provides.
     */
    public static TaskRoot ofClasses(Class<?>... classes) throws IOException {
        return new TaskRoot(Files.createTempDirectory("broadsheet-task-")).withClasses(classes);
    }

    /**
     * Adds classes from this program's class path: as {@code lib/extra.jar} when the code is in
     * {@code lib/} (see {@link #libJar}), else as class files at the top.
     */
    public TaskRoot withClasses(Class<?>... classes) throws IOException {
        if (Files.isRegularFile(dir.resolve("lib/function.jar"))) {
            writeJar(dir.resolve("lib/extra.jar"), classes);
            return this;
        }
        for (Class<?> type : classes) {
            try (InputStream in = classFile(type)) {
                Path target = dir.resolve(resourceOf(type));
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return this;
    }

    private static void writeJar(Path jarFile, Class<?>... classes) throws IOException {
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(jarFile))) {
            for (Class<?> type : classes) {
                try (InputStream in = classFile(type)) {
                    jar.putNextEntry(new ZipEntry(resourceOf(type)));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
    }

    private static String resourceOf(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static InputStream classFile(Class<?> type) throws IOException {
        InputStream in = type.getClassLoader().getResourceAsStream(resourceOf(type));
        if (in == null) {
            throw new IOException("class file not found: " + resourceOf(type));
        }
        return in;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
