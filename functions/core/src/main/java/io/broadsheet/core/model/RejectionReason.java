package io.broadsheet.core.model;

/**
 * Stable codes for uploads that can never be processed; they appear in error records and API
 * problems. docs/reliability.md lists which input gives which code.
 */
public enum RejectionReason {
    /** 0 bytes, or only whitespace (a byte-order mark included). */
    EMPTY,
    /** A binary file (PDF, image, archive... by magic number), NUL bytes, or mostly control characters. */
    BINARY,
    /** Neither the extension nor the content type names .txt, .md, .html or .json. */
    UNSUPPORTED_FORMAT,
    /** Over the upload byte limit, the front-matter limit, or the word or paragraph limit. */
    TOO_LARGE,
    /** The document does not follow its format: bad JSON or YAML, absurd nesting, alias bombs. */
    MALFORMED,
    /** A text format that is not UTF-8 (or UTF-16 with a byte-order mark). */
    INVALID_ENCODING,
    /** The document has no headline. */
    NO_TITLE,
    /** The document has a headline but no text. */
    NO_BODY,
    /** The key is not a plain file path ({@code ..}, {@code .}, empty segments, control characters). */
    UNSAFE_KEY
}
