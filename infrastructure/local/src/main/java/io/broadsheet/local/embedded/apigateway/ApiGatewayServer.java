package io.broadsheet.local.embedded.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * API Gateway's REST API with a Lambda proxy integration ({@code /{proxy+}}, payload 1.0) over real
 * HTTP: each request becomes the event API Gateway would send, the api function answers, and its
 * status, headers and body go back. The site bucket is served under {@code /site/} so pages can be
 * opened in a browser.
 */
public final class ApiGatewayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String STAGE = "local";
    private static final String SITE = "/site";

    private final HttpServer server;
    private final Function<String, APIGatewayProxyResponseEvent> api;
    private final S3Client s3;
    private final String siteBucket;

    /**
     * @param api        invokes the api function with an event's JSON
     * @param s3         reads the site bucket
     */
    public ApiGatewayServer(int port, Function<String, APIGatewayProxyResponseEvent> api, S3Client s3, String siteBucket) {
        this.api = api;
        this.s3 = s3;
        this.siteBucket = siteBucket;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " (in use? choose another with --port)", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(SITE) || path.startsWith(SITE + "/")) {
                serveSite(exchange, URLDecoder.decode(path.substring(SITE.length()), StandardCharsets.UTF_8));
            } else {
                proxy(exchange);
            }
        } catch (RuntimeException e) {
            LOG.error("request {} failed", exchange.getRequestURI(), e);
            send(exchange, 502, "text/plain", "Internal server error\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void serveSite(HttpExchange exchange, String path) throws IOException {
        String key = keyOf(path);
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(siteBucket).key(key));
            String type = object.response().contentType() == null ? "application/octet-stream" : object.response().contentType();
            send(exchange, 200, type, exchange.getRequestMethod().equals("HEAD") ? new byte[0] : object.asByteArray());
        } catch (NoSuchKeyException e) {
            send(exchange, 404, "text/plain", ("Not found: " + key + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String keyOf(String path) {
        String key = path.replaceFirst("^/+", "");
        return key.isEmpty() || key.endsWith("/") ? key + "index.html" : key;
    }

    private void proxy(HttpExchange exchange) throws IOException {
        APIGatewayProxyResponseEvent response = api.apply(eventJson(exchange));
        byte[] body = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) -> exchange.getResponseHeaders().put(k, new ArrayList<>(v)));
        }
        exchange.getResponseHeaders().remove("Content-Length");
        int status = response.getStatusCode() == null ? 502 : response.getStatusCode();
        exchange.sendResponseHeaders(status, body.length == 0 || exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
        if (body.length > 0 && !exchange.getRequestMethod().equals("HEAD")) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The request as API Gateway's proxy integration delivers it (payload format 1.0). */
    String eventJson(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean text = isText(contentType);
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", "/{proxy+}");
        event.put("path", path);
        event.put("httpMethod", exchange.getRequestMethod());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiHeaders = event.putObject("multiValueHeaders");
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.getLast());
            values.forEach(multiHeaders.withArray(name)::add);
        });
        Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((k, vs) -> {
                single.put(k, vs.getLast());
                vs.forEach(multi.withArray(k)::add);
            });
        }
        event.putObject("pathParameters").put("proxy", path.replaceFirst("^/", ""));
        event.putNull("stageVariables");
        String requestId = UUID.randomUUID().toString();
        ObjectNode context = event.putObject("requestContext");
        context.put("resourceId", "local");
        context.put("resourcePath", "/{proxy+}");
        context.put("httpMethod", exchange.getRequestMethod());
        context.put("path", "/" + STAGE + path);
        context.put("accountId", "000000000000");
        context.put("protocol", "HTTP/1.1");
        context.put("stage", STAGE);
        context.put("domainName", exchange.getRequestHeaders().getFirst("Host"));
        context.put("requestId", requestId);
        context.put("extendedRequestId", requestId);
        context.put("requestTime", DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
                .format(ZonedDateTime.now(ZoneOffset.UTC)));
        context.put("requestTimeEpoch", System.currentTimeMillis());
        context.put("apiId", "local");
        context.putObject("identity").put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress())
                .put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
        } else if (text) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
        return event.toString();
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("x-www-form-urlencoded")
                || t.contains("javascript") || t.contains("markdown");
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
