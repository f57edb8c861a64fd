package io.broadsheet.core.pipeline;

/** Stable codes for uploads that can never be processed; they appear in error records and API problems. */
public enum RejectionReason {
    EMPTY,
    BINARY,
    UNSUPPORTED_FORMAT,
    TOO_LARGE,
    MALFORMED,
    INVALID_ENCODING,
    NO_TITLE,
    NO_BODY,
    UNSAFE_KEY
}
