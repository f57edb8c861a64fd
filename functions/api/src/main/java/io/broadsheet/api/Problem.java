package io.broadsheet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An error response body, RFC 9457 {@code application/problem+json}.
 *
 * @param type     stable URI of the kind of problem (see {@link ProblemType})
 * @param title    short summary of the type
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, for a person
 * @param instance the request path
 * @param errors   for invalid input: each field and why it was refused
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param field the JSON field, query parameter or header; {@code reason} why its value was refused */
    @Schema(name = "FieldError")
    public record FieldError(String field, String reason) {
    }
}
