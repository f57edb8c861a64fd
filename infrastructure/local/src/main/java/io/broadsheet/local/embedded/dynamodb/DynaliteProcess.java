package io.broadsheet.local.embedded.dynamodb;

import io.broadsheet.local.embedded.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB from dynalite, run with the machine's Node.js as a child process on a free loopback port.
 * The install is the one pinned by {@code infrastructure/local/package-lock.json}: the build's
 * {@code npm ci} in the source tree, or else the same lock file installed once into a cache folder.
 * The process is stopped with the cloud, and with the JVM if the cloud is never closed.
 */
public final class DynaliteProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynaliteProcess.class);
    private static final String CLI = "node_modules/dynalite/cli.js";
    private static final String PACKAGED = "/io/broadsheet/local/dynalite/";

    private final List<String> command;
    private final int port;
    private final boolean persistent;
    private final URI endpoint;
    private final Thread shutdownHook;
    private volatile Process process;

    private DynaliteProcess(List<String> command, int port, boolean persistent) {
        this.command = List.copyOf(command);
        this.port = port;
        this.persistent = persistent;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.shutdownHook = new Thread(() -> {
            Process running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param workDir  where to look for the source tree's install
     * @param dataDir  where tables are kept between runs (LevelDB), or {@code null} for memory only
     */
    public static DynaliteProcess start(Path workDir, Path dataDir) {
        String node = nodeExecutable();
        Path cli = locateCli(workDir);
        int port = FreePorts.find();
        List<String> command = new ArrayList<>(List.of(node, cli.toString(), "--port", String.valueOf(port),
                "--host", "127.0.0.1", "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
        }
        DynaliteProcess dynalite = new DynaliteProcess(command, port, dataDir != null);
        try {
            dynalite.launch();
        } catch (RuntimeException e) {
            dynalite.close();
            throw e;
        }
        return dynalite;
    }

    /**
     * Stops DynamoDB as an outage would: the process ends, its port refuses connections. The tables
     * stay on disk and {@link #restart()} brings them back; without a data folder they would be lost,
     * so that is refused.
     */
    public synchronized void stop() {
        if (!persistent) {
            throw new IllegalStateException("dynalite keeps its tables in memory: stopping it would lose them; start it with a data folder");
        }
        destroy();
    }

    /** Starts DynamoDB again on the same port, with the tables it had (after {@link #stop()}). */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        launch();
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite with " + command.getFirst(), e);
        }
        awaitListening();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The running process (a new one after {@link #restart()}). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with status " + process.exitValue());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        destroy();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within 30 s");
    }

    private static String nodeExecutable() {
        String node = System.getProperty("broadsheet.node", "node");
        try {
            Process version = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes()).trim();
            if (version.waitFor() != 0) {
                throw new IllegalStateException(node + " --version failed: " + out);
            }
            int major = Integer.parseInt(out.replaceFirst("^v(\\d+).*", "$1"));
            if (major < 18) {
                throw new IllegalStateException("Node.js " + out + " is too old for dynalite: install Node.js 18 or newer");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("Node.js is not installed: the embedded backend runs DynamoDB with dynalite on "
                    + "Node.js. Install Node.js 18 or newer (https://nodejs.org, or apt-get install nodejs npm), "
                    + "or use --backend localstack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The source tree's install (the build ran npm ci), or the pinned lock file installed into a cache. */
    static Path locateCli(Path workDir) {
        String configured = System.getProperty("broadsheet.local.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, CLI))) {
            return Path.of(configured, CLI).toAbsolutePath();
        }
        for (Path dir = workDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(CLI), dir.resolve("infrastructure/local").resolve(CLI))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return installIntoCache();
    }

    private static Path installIntoCache() {
        byte[] packageJson = resource("package.json");
        byte[] lock = resource("package-lock.json");
        Path home = Path.of(System.getProperty("user.home"), ".cache", "broadsheet", "dynalite-" + sha256(lock).substring(0, 12));
        Path cli = home.resolve(CLI);
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        try {
            Files.createDirectories(home);
            Files.write(home.resolve("package.json"), packageJson);
            Files.write(home.resolve("package-lock.json"), lock);
            LOG.info("installing dynalite into {} (npm ci, once)", home);
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(home.toFile()).redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes());
            if (npm.waitFor() != 0 || !Files.isRegularFile(cli)) {
                throw new IllegalStateException("npm ci of dynalite failed in " + home + ":\n" + out);
            }
            return cli;
        } catch (IOException e) {
            throw new IllegalStateException("npm is not installed: it installs dynalite once; install Node.js with npm "
                    + "(apt-get install nodejs npm), or use --backend localstack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DynaliteProcess.class.getResourceAsStream(PACKAGED + name)) {
            if (in == null) {
                throw new IllegalStateException("dynalite's " + name + " is not packaged in this jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void destroy() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to undo
        }
    }

}
