package io.broadsheet.api;

import io.micronaut.http.HttpStatus;

/**
 * The stable problem types of the API (RFC 9457 {@code type}). Clients switch on the URI, never on
 * the human-readable title or detail, so a URI, once published, never changes meaning.
 */
public enum ProblemType {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input", "The request is not valid"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "The credentials do not allow this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
    PAGE_NOT_PUBLISHED(HttpStatus.NOT_FOUND, "page-not-published", "The article's page is not published"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "The method is not allowed here"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    VERSION_CONFLICT(HttpStatus.CONFLICT, "version-conflict", "The article has another version"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "The document is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "The content type is not accepted"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The request could not be completed");

    /** Every type URI starts with this: a URN, since the project owns no domain to host them on. */
    public static final String PREFIX = "urn:broadsheet:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for a status the framework produced itself (no route, wrong method, ...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.getCode() == status && type != PAGE_NOT_PUBLISHED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_INPUT;
    }
}
