package io.broadsheet.bench.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The part of the Lambda Runtime API that a runtime client uses, on loopback: one function instance
 * polls {@code /invocation/next}, gets the events queued with {@link #enqueue}, and posts each
 * result back. Time stamps ({@link System#nanoTime()}) are taken where Lambda's own clock would
 * see them: the first poll ends init, delivery and response bound the invoke.
 *
 * <p>The official emulator is a Go binary that cannot be fetched everywhere; this one needs only the JDK.
 */
public final class RuntimeApiEmulator implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:bench";

    private final HttpServer server;
    private final ExecutorService threads;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private volatile long restorePolledAt;

    private RuntimeApiEmulator(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts on an ephemeral loopback port. */
    public static RuntimeApiEmulator start() throws IOException {
        // Without TCP_NODELAY the JDK server's small responses wait out Nagle's delay (~40 ms an invoke).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // A poll for the next event blocks until there is one, so every exchange gets its own thread.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        RuntimeApiEmulator emulator = new RuntimeApiEmulator(server, threads);
        server.createContext(PREFIX, emulator::handle);
        server.start();
        return emulator;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event; the returned future completes when the function answers it (or reports an error). */
    public CompletableFuture<Invocation> enqueue(String eventJson) {
        Pending pending = new Pending(UUID.randomUUID().toString(), eventJson, new CompletableFuture<>());
        queue.add(pending);
        return pending.result;
    }

    /**
     * Waits for the end of init: the instant of the first poll for an event.
     *
     * @throws InitFailedException when the function reported an init error instead
     */
    public long awaitFirstPoll(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return firstPoll.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (InitFailedException) e.getCause();
        }
    }

    /** When the client asked whether it was restored from a SnapStart snapshot, or 0 if it never did. */
    public long restorePolledAt() {
        return restorePolledAt;
    }

    /** Fails whatever still waits, e.g. when the function's process died. */
    public void abandon(String why) {
        firstPoll.completeExceptionally(new InitFailedException(why));
        inFlight.values().forEach(p -> p.result.completeExceptionally(new IllegalStateException(why)));
        queue.forEach(p -> p.result.completeExceptionally(new IllegalStateException(why)));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            byte[] body = readBody(exchange.getRequestBody());
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("GET") && path.equals("restore/next")) {
                restorePolledAt = System.nanoTime();
                send(exchange, 200, new byte[0]);
            } else if (method.equals("POST") && path.equals("init/error")) {
                firstPoll.completeExceptionally(new InitFailedException(new String(body, StandardCharsets.UTF_8)));
                send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                complete(exchange, path, body);
            } else {
                send(exchange, 404, "{\"errorType\":\"NotFound\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Pending pending;
        try {
            pending = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        pending.deliveredAt = System.nanoTime();
        inFlight.put(pending.requestId, pending);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", pending.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        send(exchange, 200, pending.event.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code invocation/<id>/response} or {@code invocation/<id>/error}. */
    private void complete(HttpExchange exchange, String path, byte[] body) throws IOException {
        long now = System.nanoTime();
        String[] parts = path.split("/");
        Pending pending = parts.length == 3 ? inFlight.remove(parts[1]) : null;
        if (pending == null || !(parts[2].equals("response") || parts[2].equals("error"))) {
            send(exchange, 400, "{\"errorType\":\"InvalidRequestID\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
        pending.result.complete(new Invocation(pending.requestId, pending.deliveredAt, now,
                parts[2].equals("error"), new String(body, StandardCharsets.UTF_8)));
    }

    private static byte[] readBody(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /**
     * One answered event.
     *
     * @param deliveredAt nano time the event left for the function
     * @param answeredAt  nano time its response (or error) arrived
     * @param error       whether the function posted to {@code /error}
     * @param body        the response payload, or the error document
     */
    public record Invocation(String requestId, long deliveredAt, long answeredAt, boolean error, String body) {

        public double millis() {
            return (answeredAt - deliveredAt) / 1e6;
        }
    }

    /** The function could not initialise (it posted to {@code /init/error} or died before polling). */
    public static final class InitFailedException extends RuntimeException {
        public InitFailedException(String message) {
            super(message);
        }
    }

    private static final class Pending {
        final String requestId;
        final String event;
        final CompletableFuture<Invocation> result;
        volatile long deliveredAt;

        Pending(String requestId, String event, CompletableFuture<Invocation> result) {
            this.requestId = requestId;
            this.event = event;
            this.result = result;
        }
    }
}
