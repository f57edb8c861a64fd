package io.broadsheet.api;

import io.broadsheet.core.model.ArticleJson;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every error the API answers is {@code application/problem+json}: problems the controllers raise
 * ({@link ProblemException}) and the ones the framework finds itself (no route, wrong method or
 * content type, unreadable parameters, unexpected exceptions), which replace Micronaut's own JSON errors.
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    /** The response for a problem; the body is written here so it needs no message-body writer for the media type. */
    public static MutableHttpResponse<String> of(HttpRequest<?> request, ProblemType type, String detail,
                                                 List<Problem.FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), type.status().getCode(), detail,
                request == null ? null : request.getPath(), errors);
        MutableHttpResponse<String> response = HttpResponse.<String>status(type.status())
                .body(ArticleJson.writeString(problem))
                .contentType(Problem.MEDIA_TYPE);
        if (type == ProblemType.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"broadsheet\"");
        }
        return response;
    }

    /** Problems raised on purpose by the API's own code. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    public static class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<String>> {

        @Override
        public HttpResponse<String> handle(HttpRequest request, ProblemException exception) {
            return of(request, exception.type(), exception.getMessage(), exception.errors());
        }
    }

    /** Errors the framework produced (404 without a route, 405, 415, binding errors, 500): same shape. */
    @Singleton
    @Primary
    public static class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {

        @Override
        public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
            ProblemType type = ProblemType.forStatus(base.code());
            String detail;
            if (type == ProblemType.INTERNAL_ERROR) {
                context.getRootCause().ifPresent(e -> LOG.error("request {} failed", context.getRequest().getPath(), e));
                detail = "An unexpected error occurred; it has been logged.";
            } else {
                detail = context.getErrors().stream().map(e -> e.getMessage()).reduce((a, b) -> a + "; " + b)
                        .orElse(base.reason());
            }
            MutableHttpResponse<String> problem = of(context.getRequest(), type, detail, List.of());
            base.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    values.forEach(v -> problem.header(name, v));
                }
            });
            return problem.status(base.code(), base.reason());
        }
    }
}
