package io.broadsheet.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Article ids, derived from the upload's key alone so that every step (and the API, before the
 * upload is even parsed) computes the same id, and re-uploading a key updates the same article.
 *
 * <p>An id is the file name's readable stem plus eight hex digits of the key's SHA-256:
 * {@code incoming/news/Tram Lines.md} becomes {@code tram-lines-1f3a9c0b}. It is safe as an S3 key,
 * a URL path segment and a file name.
 */
public final class ArticleIds {

    private static final int MAX_STEM = 48;
    // compiled once: slugify runs for every tag of every rendered page
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_HYPHENS = Pattern.compile("-+$");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private ArticleIds() {
    }

    public static String fromSourceKey(String sourceKey) {
        String name = sourceKey.substring(sourceKey.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = slugify(dot > 0 ? name.substring(0, dot) : name);
        if (stem.isEmpty()) {
            stem = "article";
        }
        if (stem.length() > MAX_STEM) {
            stem = TRAILING_HYPHENS.matcher(stem.substring(0, MAX_STEM)).replaceAll("");
        }
        return stem + "-" + sha256Hex(sourceKey).substring(0, 8);
    }

    /** Lower-case ASCII letters and digits joined by single hyphens; accents are dropped, not the letters. */
    public static String slugify(String text) {
        if (isAscii(text)) {
            return asciiSlug(text);
        }
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return EDGE_HYPHENS.matcher(NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #slugify} of ASCII text (which has no marks and which NFKD leaves as it is) in one pass
     * instead of three regex replacements: it runs for every tag of every page and every id.
     */
    private static String asciiSlug(String text) {
        StringBuilder slug = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && !slug.isEmpty()) {
                    slug.append('-');
                }
                gap = false;
                slug.append(c);
            } else {
                gap = true;
            }
        }
        return slug.toString();
    }

    /** Whether a string has the shape of an id (what API paths accept). */
    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX_STEM + 9 && ID.matcher(id).matches();
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    /** A fresh SHA-256 digest, for hashing content given in parts. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
