package io.broadsheet.bench.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB on loopback: dynalite (an npm package, pinned by {@code bench/package-lock.json}) run
 * with the machine's Node.js, in memory. Installed with {@code npm ci} in {@code bench/} when missing.
 *
 * <p>A stop-gap until the local cloud module's own launcher can be shared.
 */
public final class Dynalite implements AutoCloseable {

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param packageDir the directory with dynalite's {@code package.json} and lock file
     * @param log        where dynalite's output goes
     */
    public static Dynalite start(Path packageDir, Path log) throws IOException, InterruptedException {
        Path cli = packageDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            install(packageDir, log);
        }
        int port = freePort();
        Process process = new ProcessBuilder(List.of("node", cli.toString(), "--port", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Dynalite dynalite = new Dynalite(process, port);
        dynalite.awaitListening(Duration.ofSeconds(30));
        return dynalite;
    }

    private static void install(Path packageDir, Path log) throws IOException, InterruptedException {
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                .directory(packageDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IOException("npm ci for dynalite failed in " + packageDir + " (see " + log + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dynalite exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException("dynalite did not listen on port " + port + " within " + timeout);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
