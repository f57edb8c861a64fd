package io.broadsheet.core.model;

import java.util.Locale;
import java.util.Optional;

/** The document formats an upload may have; the parser is chosen from it. */
public enum SourceFormat {
    TEXT("txt", "text/plain"),
    MARKDOWN("md", "text/markdown"),
    HTML("html", "text/html"),
    JSON("json", "application/json");

    private final String extension;
    private final String mediaType;

    SourceFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format named by a file name's extension ({@code .htm} and {@code .markdown} included). */
    public static Optional<SourceFormat> fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "txt", "text" -> Optional.of(TEXT);
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "html", "htm" -> Optional.of(HTML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format of a media type such as {@code text/markdown; charset=utf-8}. */
    public static Optional<SourceFormat> fromMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "text/plain" -> Optional.of(TEXT);
            case "text/markdown", "text/x-markdown" -> Optional.of(MARKDOWN);
            case "text/html", "application/xhtml+xml" -> Optional.of(HTML);
            case "application/json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
