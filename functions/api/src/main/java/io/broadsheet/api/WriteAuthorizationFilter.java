package io.broadsheet.api;

import io.broadsheet.aws.BroadsheetConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Writes (POST, PUT, PATCH, DELETE) need authorisation; reads are public. With
 * {@code broadsheet.api-auth=token} the request must carry {@code Authorization: Bearer <broadsheet.api-token>}:
 * no or a malformed header answers 401, a wrong token 403, and with no token configured every write
 * is refused (401), so a forgotten setting never opens the API. {@code gateway} trusts API Gateway,
 * which checks an API key on the write methods before the function is invoked (see template.yaml);
 * {@code none} is for a developer's own machine only.
 */
@ServerFilter(patterns = {"/articles", "/articles/**"},
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
public class WriteAuthorizationFilter implements Ordered {

    private static final String BEARER = "Bearer ";

    private final BroadsheetConfiguration config;

    public WriteAuthorizationFilter(BroadsheetConfiguration config) {
        this.config = config;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorise(HttpRequest<?> request) {
        return switch (config.getApiAuth()) {
            case NONE, GATEWAY -> null;
            case TOKEN -> checkToken(request);
        };
    }

    private HttpResponse<?> checkToken(HttpRequest<?> request) {
        String expected = config.getApiToken();
        if (expected == null || expected.isBlank()) {
            return deny(request, ProblemType.UNAUTHORIZED,
                    "Writes are disabled: no API token is configured (set BROADSHEET_API_TOKEN).");
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return deny(request, ProblemType.UNAUTHORIZED, "Send the API token as 'Authorization: Bearer <token>'.");
        }
        byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, expected.getBytes(StandardCharsets.UTF_8))) {
            return deny(request, ProblemType.FORBIDDEN, "The API token is not valid.");
        }
        return null;
    }

    private static HttpResponse<?> deny(HttpRequest<?> request, ProblemType type, String detail) {
        return ProblemResponses.of(request, type, detail, List.of());
    }

    /** After CORS, so that a refused write still carries the CORS headers a browser needs to read it. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
