package io.broadsheet.aws.snapstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for S3 and DynamoDB on loopback that answers every request with an empty success, so
 * SnapStart priming can send the function's requests all the way (signing, chunked uploads, the
 * HTTP exchange, parsing a successful response) without writing to the real buckets and table.
 * Only the shape of a success matters: objects have no content, tables no items.
 */
final class LoopbackCloud implements AutoCloseable {

    private static final String ETAG = "\"0123456789abcdef0123456789abcdef\"";
    private static final byte[] OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_LISTING = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>priming</Name><Prefix></Prefix>"
            + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_ITEMS = "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTHING = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private LoopbackCloud(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port until {@link #close()}. */
    static LoopbackCloud start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", LoopbackCloud::answer);
        server.start();
        return new LoopbackCloud(server);
    }

    /** Where to point an SDK client (S3 with path-style addressing). */
    URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null) {
                // DynamoDB's JSON protocol names the operation in the header: "DynamoDB_20120810.Query".
                String operation = target.substring(target.indexOf('.') + 1);
                boolean listing = operation.equals("Query") || operation.equals("Scan");
                send(exchange, 200, "application/x-amz-json-1.0", listing ? NO_ITEMS : NOTHING);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    if (query != null && query.contains("list-type=2")) {
                        send(exchange, 200, "application/xml", EMPTY_LISTING);
                    } else {
                        exchange.getResponseHeaders().set("ETag", ETAG);
                        send(exchange, 200, "application/json", OBJECT);
                    }
                }
                case "HEAD" -> {
                    exchange.getResponseHeaders().set("ETag", ETAG);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.getResponseHeaders().set("Content-Length", Integer.toString(OBJECT.length));
                    exchange.sendResponseHeaders(200, -1);
                }
                case "PUT" -> {
                    exchange.getResponseHeaders().set("ETag", ETAG);
                    exchange.sendResponseHeaders(200, -1);
                }
                case "DELETE" -> exchange.sendResponseHeaders(204, -1);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
