package io.broadsheet.local.embedded.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * DynamoDB Streams for dynalite, which has none: an HTTP proxy in front of it that forwards every
 * request unchanged and, around each successful write (PutItem, UpdateItem, DeleteItem,
 * BatchWriteItem), reads the item before and after and emits the stream record AWS would
 * (INSERT / MODIFY / REMOVE, keys, images per the table's view type, increasing sequence numbers).
 * Writes are serialised so that each before/after pair belongs to one write and records come out
 * in commit order. Like DynamoDB, a write that leaves the item as it was emits nothing.
 *
 * <p>The proxy outlives dynalite: while dynalite is down (stopped for an outage test) every call
 * is answered 500 InternalServerError, which clients retry, and when dynalite goes away in the middle
 * of a write that it may have committed, the proxy waits for it to come back and reads the items
 * again, so that no committed write ever misses its stream record.
 */
public final class DynamoStreamProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoStreamProxy.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem");
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "date", "via", "warning", "from", "referer", "transfer-encoding", "keep-alive", "te", "trailer");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final URI dynalite;
    private final String region;
    private final String accountId;
    private final Map<String, String> streamViewTypes;
    private final BiConsumer<String, ObjectNode> listener;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpServer server;
    private final ReentrantLock writes = new ReentrantLock(true);
    private volatile boolean closed;
    private final Map<String, List<String>> keyNames = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final String streamLabel = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC)
            .format(Instant.now()).replaceFirst("(\\.\\d{3})\\d*$", "$1");

    /**
     * @param streamViewTypes view type per table name; tables not listed have no stream
     * @param listener        receives (table name, stream record as Lambda gets it)
     */
    public DynamoStreamProxy(URI dynalite, String region, String accountId, Map<String, String> streamViewTypes,
                             BiConsumer<String, ObjectNode> listener) {
        this.dynalite = dynalite;
        this.region = region;
        this.accountId = accountId;
        this.streamViewTypes = Map.copyOf(streamViewTypes);
        this.listener = listener;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The ARN of a table's stream, as in each record's {@code eventSourceARN}. */
    public String streamArn(String table) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + table + "/stream/" + streamLabel;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            HttpResponse<byte[]> response;
            try {
                response = WRITES.contains(operation) ? write(exchange, operation, body) : forward(exchange, body);
            } catch (IOException unreachable) {
                LOG.warn("DynamoDB (dynalite) did not answer {}: {}", operation, unreachable.toString());
                byte[] error = JSON.writeValueAsBytes(JSON.createObjectNode()
                        .put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError")
                        .put("message", "DynamoDB is unavailable: " + unreachable));
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
        } catch (RuntimeException e) {
            LOG.error("DynamoDB proxy failed", e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private HttpResponse<byte[]> write(HttpExchange exchange, String operation, byte[] body)
            throws IOException, InterruptedException {
        JsonNode request = JSON.readTree(body);
        writes.lock();
        try {
            List<ItemRef> items = itemsWritten(operation, request);
            List<JsonNode> before = new ArrayList<>();
            for (ItemRef item : items) {
                before.add(getItem(item.table(), item.key()));
            }
            HttpResponse<byte[]> response;
            try {
                response = forward(exchange, body);
            } catch (IOException lost) {
                // dynalite went away during the write, which it may have committed: the client gets an
                // error, as from a timeout, and the stream gets the record if the item did change.
                emitChanges(items, before);
                throw lost;
            }
            if (response.statusCode() == 200) {
                emitChanges(items, before);
            }
            return response;
        } finally {
            writes.unlock();
        }
    }

    private void emitChanges(List<ItemRef> items, List<JsonNode> before) throws InterruptedException {
        for (int i = 0; i < items.size(); i++) {
            ItemRef item = items.get(i);
            emit(item, before.get(i), readAfterWrite(item));
        }
    }

    /** The item after a write; while dynalite is down, waits for it to come back rather than lose the record. */
    private JsonNode readAfterWrite(ItemRef item) throws InterruptedException {
        long backoffMs = 50;
        while (true) {
            try {
                return getItem(item.table(), item.key());
            } catch (IOException | IllegalStateException e) {
                if (closed) {
                    throw new IllegalStateException("closed before the stream record of a write to " + item.table() + " was produced", e);
                }
                LOG.warn("cannot read {} {} after a write ({}); retrying in {} ms", item.table(), item.key(), e.toString(), backoffMs);
                Thread.sleep(backoffMs);
                backoffMs = Math.min(1_000, backoffMs * 2);
            }
        }
    }

    private record ItemRef(String table, ObjectNode key) {
    }

    private List<ItemRef> itemsWritten(String operation, JsonNode request) throws IOException, InterruptedException {
        List<ItemRef> items = new ArrayList<>();
        if (operation.equals("BatchWriteItem")) {
            var tables = request.path("RequestItems").properties();
            for (var entry : tables) {
                if (!streamViewTypes.containsKey(entry.getKey())) {
                    continue;
                }
                for (JsonNode w : entry.getValue()) {
                    JsonNode source = w.has("PutRequest") ? w.path("PutRequest").path("Item") : w.path("DeleteRequest").path("Key");
                    items.add(new ItemRef(entry.getKey(), keyOf(entry.getKey(), source)));
                }
            }
            return items;
        }
        String table = request.path("TableName").asText();
        if (!streamViewTypes.containsKey(table)) {
            return items;
        }
        JsonNode source = operation.equals("PutItem") ? request.path("Item") : request.path("Key");
        items.add(new ItemRef(table, keyOf(table, source)));
        return items;
    }

    private ObjectNode keyOf(String table, JsonNode item) throws IOException, InterruptedException {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        for (String name : keyNames(table)) {
            key.set(name, item.path(name));
        }
        return key;
    }

    private List<String> keyNames(String table) throws IOException, InterruptedException {
        List<String> names = keyNames.get(table);
        if (names == null) {
            JsonNode description = call("DescribeTable", JSON.createObjectNode().put("TableName", table));
            names = new ArrayList<>();
            for (JsonNode k : description.path("Table").path("KeySchema")) {
                names.add(k.path("AttributeName").asText());
            }
            keyNames.put(table, names);
        }
        return names;
    }

    private JsonNode getItem(String table, ObjectNode key) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("TableName", table).put("ConsistentRead", true);
        request.set("Key", key);
        JsonNode item = call("GetItem", request).get("Item");
        return item == null || item.isEmpty() ? null : item;
    }

    private void emit(ItemRef item, JsonNode oldImage, JsonNode newImage) {
        if (oldImage == null && newImage == null || oldImage != null && oldImage.equals(newImage)) {
            return;
        }
        String eventName = oldImage == null ? "INSERT" : newImage == null ? "REMOVE" : "MODIFY";
        String view = streamViewTypes.get(item.table());
        ObjectNode record = JSON.createObjectNode();
        record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", region);
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
        dynamodb.set("Keys", item.key());
        if (newImage != null && (view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES"))) {
            dynamodb.set("NewImage", newImage);
        }
        if (oldImage != null && (view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES"))) {
            dynamodb.set("OldImage", oldImage);
        }
        dynamodb.put("SequenceNumber", String.format("%021d", sequence.incrementAndGet()));
        dynamodb.put("SizeBytes", (long) (String.valueOf(newImage) + oldImage + item.key()).length());
        dynamodb.put("StreamViewType", view);
        record.put("eventSourceARN", streamArn(item.table()));
        listener.accept(item.table(), record);
    }

    /** One DynamoDB call straight to dynalite (which checks that a signature is there, not that it is right). */
    private JsonNode call(String operation, JsonNode request) throws IOException, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(dynalite)
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", AMZ_DATE.format(Instant.now()))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20200101/" + region
                        + "/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                .build();
        HttpResponse<byte[]> response = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + " failed: " + new String(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(dynalite.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        http.close();
    }
}
