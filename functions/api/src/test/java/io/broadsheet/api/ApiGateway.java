package io.broadsheet.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.broadsheet.aws.testing.EventFixtures;
import io.broadsheet.aws.testing.InMemoryContexts;
import io.broadsheet.aws.testing.TestLambdaContext;
import io.broadsheet.core.model.ArticleJson;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The api function as API Gateway's REST API invokes it (Lambda proxy, payload 1.0), over an
 * application context whose buckets and table are in memory.
 */
final class ApiGateway implements AutoCloseable {

    static final String TOKEN = "test-token-0123456789";

    final ApplicationContext context;
    private final ApiGatewayProxyRequestEventFunction function;

    ApiGateway(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(Map.of("broadsheet.api-token", TOKEN));
        all.putAll(properties);
        context = InMemoryContexts.start(all);
        function = new ApiGatewayProxyRequestEventFunction(context);
    }

    ApiGateway() {
        this(Map.of());
    }

    Response call(APIGatewayProxyRequestEvent event) {
        return new Response(function.handleRequest(event, new TestLambdaContext("ApiFunction")));
    }

    Response fixture(String name) {
        return call(EventFixtures.event("api/" + name + ".json", APIGatewayProxyRequestEvent.class));
    }

    /** A request shaped like API Gateway's, for the cases the fixtures do not cover. */
    static Request request(String method, String path) {
        return new Request(method, path);
    }

    @Override
    public void close() {
        function.close();
    }

    static final class Request {
        private final APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        private final Map<String, List<String>> headers = new HashMap<>();
        private final Map<String, List<String>> query = new HashMap<>();

        Request(String method, String path) {
            event.setHttpMethod(method);
            event.setPath(path);
            event.setResource("/{proxy+}");
            header("Host", "abcdef1234.execute-api.eu-west-1.amazonaws.com");
            event.setRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                    .withStage("Prod").withPath("/Prod" + path).withHttpMethod(method).withRequestId("test-request"));
        }

        Request header(String name, String value) {
            headers.put(name, List.of(value));
            return this;
        }

        Request authorised() {
            return header("Authorization", "Bearer " + TOKEN);
        }

        Request query(String name, String value) {
            query.put(name, List.of(value));
            return this;
        }

        Request body(String contentType, String body) {
            header("Content-Type", contentType);
            event.setBody(body);
            return this;
        }

        Request json(Object body) {
            return body("application/json", ArticleJson.writeString(body));
        }

        APIGatewayProxyRequestEvent event() {
            event.setMultiValueHeaders(headers);
            Map<String, String> single = new HashMap<>();
            headers.forEach((k, v) -> single.put(k, v.getFirst()));
            event.setHeaders(single);
            if (!query.isEmpty()) {
                event.setMultiValueQueryStringParameters(query);
                Map<String, String> q = new HashMap<>();
                query.forEach((k, v) -> q.put(k, v.getFirst()));
                event.setQueryStringParameters(q);
            }
            event.setIsBase64Encoded(false);
            return event;
        }
    }

    record Response(APIGatewayProxyResponseEvent raw) {
        int status() {
            return raw.getStatusCode();
        }

        String header(String name) {
            if (raw.getMultiValueHeaders() != null) {
                for (var e : raw.getMultiValueHeaders().entrySet()) {
                    if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                        return e.getValue().getFirst();
                    }
                }
            }
            if (raw.getHeaders() != null) {
                for (var e : raw.getHeaders().entrySet()) {
                    if (e.getKey().equalsIgnoreCase(name)) {
                        return e.getValue();
                    }
                }
            }
            return null;
        }

        String body() {
            if (raw.getBody() == null) {
                return "";
            }
            return Boolean.TRUE.equals(raw.getIsBase64Encoded())
                    ? new String(Base64.getDecoder().decode(raw.getBody()), StandardCharsets.UTF_8) : raw.getBody();
        }

        <T> T json(Class<T> type) {
            return ArticleJson.read(body(), type);
        }

        Problem problem() {
            return json(Problem.class);
        }
    }
}
