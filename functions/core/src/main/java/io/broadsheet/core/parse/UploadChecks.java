package io.broadsheet.core.parse;

import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.SourceFormat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What an upload must be before a parser sees it: a safe key, an accepted format, a bounded size,
 * text rather than binary, and (for the text formats) well-formed Unicode. Every check throws
 * {@link ArticleRejectedException}, a permanent failure, so the parse step records it and does not retry.
 *
 * <p>The encoding rule: {@code .txt}, {@code .md} and {@code .json} must be UTF-8 (a byte-order
 * mark is allowed and dropped) or UTF-16 with a byte-order mark; anything else, including a
 * Latin-1 file, is {@link RejectionReason#INVALID_ENCODING}. HTML is left to the parser, which
 * reads the charset from the bytes and the page's {@code <meta>}.
 */
public final class UploadChecks {

    /** Front matter is a handful of fields; a larger one is an attack or a mistake, not an article. */
    public static final int MAX_FRONT_MATTER_BYTES = 64 * 1024;
    /** About two novels: enough for any article, and it bounds analysis time and page size. */
    public static final int MAX_WORDS = 200_000;
    /** A 100,000-word article has a few thousand paragraphs. */
    public static final int MAX_PARAGRAPHS = 20_000;
    /** Longer than any real paragraph; bounds the sentences the analysis quotes into the record. */
    public static final int MAX_PARAGRAPH_CHARS = 50_000;
    /** A headline, not a paragraph: a text file whose first line is its whole body is refused. */
    public static final int MAX_TITLE_CHARS = 1_000;
    /** Author and author role. */
    public static final int MAX_BYLINE_CHARS = 500;
    public static final int MAX_TAGS = 100;
    public static final int MAX_TAG_CHARS = 100;
    /** Share of control characters (other than tab, CR, LF, FF) above which bytes are not text. */
    static final double MAX_CONTROL_RATIO = 0.05;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    /** Leading bytes of the binary formats people most often drop into a bucket by mistake. */
    private static final List<Magic> MAGIC_NUMBERS = List.of(
            new Magic("PDF", "%PDF-"),
            new Magic("PNG", "89504E470D0A1A0A"),
            new Magic("JPEG", "FFD8FF"),
            new Magic("GIF", "GIF87a"),
            new Magic("GIF", "GIF89a"),
            new Magic("ZIP (or .docx, .xlsx, .epub)", "504B0304"),
            new Magic("ZIP (empty)", "504B0506"),
            new Magic("GZIP", "1F8B"),
            new Magic("7-Zip", "377ABCAF271C"),
            new Magic("RAR", "Rar!\u001a\u0007"),
            new Magic("MS Office (.doc, .xls)", "D0CF11E0A1B11AE1"),
            new Magic("ELF executable", "7F454C46"),
            new Magic("Java class", "CAFEBABE"),
            new Magic("WebAssembly", "0061736D"),
            new Magic("SQLite", "SQLite format 3\u0000"));

    private UploadChecks() {
    }

    /**
     * The key must name a plain file under the prefix: no {@code .} or {@code ..} segment (path
     * traversal into {@code rejected/} or {@code parsed/} when the key is reused as a path), no empty
     * segment, no control character. Spaces, {@code +} and any Unicode letter are fine.
     */
    public static void checkKey(String key) {
        if (key.isEmpty() || key.endsWith("/")) {
            throw unsafe(key, "it names a folder, not a file");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw unsafe(key, "it contains a '" + segment + "' segment");
            }
            if (segment.isEmpty()) {
                throw unsafe(key, "it contains an empty segment");
            }
        }
        if (key.chars().anyMatch(c -> Character.isISOControl(c) || c == '\\')) {
            throw unsafe(key, "it contains a control character or a backslash");
        }
    }

    public static boolean isSafeKey(String key) {
        try {
            checkKey(key);
            return true;
        } catch (ArticleRejectedException e) {
            return false;
        }
    }

    /** The format from the file name, else the content type: known before a byte is read. */
    public static SourceFormat format(String fileName, String contentType) {
        return SourceFormat.fromFileName(fileName)
                .or(() -> SourceFormat.fromMediaType(contentType))
                .orElseThrow(() -> new ArticleRejectedException(RejectionReason.UNSUPPORTED_FORMAT,
                        "unsupported file type: '" + fileName + "'"
                                + (contentType == null ? "" : " (" + contentType + ")")
                                + "; accepted: .txt, .md, .html, .json"));
    }

    /** By the size the store reports, before the upload is read. */
    public static void checkSize(long size, long maxBytes) {
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes);
        }
        if (size == 0) {
            throw new ArticleRejectedException(RejectionReason.EMPTY, "the file is empty (0 bytes)");
        }
    }

    public static ArticleRejectedException tooLarge(long size, long maxBytes) {
        return new ArticleRejectedException(RejectionReason.TOO_LARGE, "the upload is larger than the limit of "
                + maxBytes + " bytes" + (size >= 0 ? " (" + size + " bytes)" : ""));
    }

    /**
     * Checks the bytes and returns what the parser should read: for the text formats, the content
     * re-encoded as UTF-8 without a byte-order mark; HTML unchanged (its charset is the parser's).
     */
    public static byte[] checkContent(SourceFormat format, byte[] content) {
        Charset bomCharset = checkBytes(content);
        if (format == SourceFormat.HTML) {
            if (bomCharset == null && isAllAsciiWhitespace(content)) {
                throw whitespaceOnly();
            }
            return content;
        }
        String text = checkText(format, content, bomCharset);
        return bomCharset == null ? content : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The checks of {@link #checkContent} for a text format (not HTML), returning the text itself,
     * so a parser that reads text need not decode the upload a second time: the text those bytes
     * decode to, without a byte-order mark.
     */
    public static String checkText(SourceFormat format, byte[] content) {
        if (format == SourceFormat.HTML) {
            throw new IllegalArgumentException("HTML is checked as bytes: its charset is the parser's");
        }
        return checkText(format, content, checkBytes(content));
    }

    /** Not empty, no binary format's magic number, and (without a byte-order mark) text-like bytes; returns the mark's charset or null. */
    private static Charset checkBytes(byte[] content) {
        if (content.length == 0) {
            throw new ArticleRejectedException(RejectionReason.EMPTY, "the file is empty (0 bytes)");
        }
        sniffMagic(content);
        Charset bomCharset = bomCharset(content);
        if (bomCharset == null) {
            checkTextLikeBytes(content);
        }
        return bomCharset;
    }

    private static String checkText(SourceFormat format, byte[] content, Charset bomCharset) {
        String text = decode(content, bomCharset);
        if (bomCharset != null) {
            checkTextLikeChars(text);
        }
        if (text.isBlank() || text.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw whitespaceOnly();
        }
        if (format == SourceFormat.MARKDOWN) {
            checkFrontMatter(text);
        }
        return text;
    }

    /**
     * Bounds what the later steps must analyse, store and render: the record, which holds the
     * title, byline, tags and quoted sentences, must stay far below DynamoDB's 400 KB item limit.
     */
    public static void checkArticle(Article article) {
        checkLength("the title", article.title(), MAX_TITLE_CHARS);
        checkLength("the author", article.author(), MAX_BYLINE_CHARS);
        checkLength("the author's role", article.authorRole(), MAX_BYLINE_CHARS);
        if (article.tags().size() > MAX_TAGS) {
            throw new ArticleRejectedException(RejectionReason.TOO_LARGE, "the article has "
                    + article.tags().size() + " tags; the limit is " + MAX_TAGS);
        }
        for (String tag : article.tags()) {
            checkLength("a tag", tag, MAX_TAG_CHARS);
        }
        for (String paragraph : article.paragraphs()) {
            checkLength("a paragraph", paragraph, MAX_PARAGRAPH_CHARS);
        }
        if (article.paragraphs().size() > MAX_PARAGRAPHS) {
            throw new ArticleRejectedException(RejectionReason.TOO_LARGE, "the article has "
                    + article.paragraphs().size() + " paragraphs; the limit is " + MAX_PARAGRAPHS);
        }
        long words = 0;
        for (String paragraph : article.paragraphs()) {
            words += countWords(paragraph);
        }
        if (words > MAX_WORDS) {
            throw new ArticleRejectedException(RejectionReason.TOO_LARGE, "the article has "
                    + words + " words; the limit is " + MAX_WORDS);
        }
    }

    private static void checkLength(String what, String text, int max) {
        if (text != null && text.length() > max) {
            throw new ArticleRejectedException(RejectionReason.TOO_LARGE, what + " has " + text.length()
                    + " characters; the limit is " + max);
        }
    }

    public static long countWords(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static void sniffMagic(byte[] content) {
        for (Magic magic : MAGIC_NUMBERS) {
            if (startsWith(content, magic.bytes())) {
                throw new ArticleRejectedException(RejectionReason.BINARY,
                        "the file is binary (" + magic.name() + "), not a text article");
            }
        }
    }

    /** NUL bytes never occur in UTF-8 or single-byte text; a high share of other controls neither. */
    private static void checkTextLikeBytes(byte[] content) {
        int controls = 0;
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (b >= 0x20 && b != 0x7F) {
                continue; // neither NUL nor a control: nearly every byte, two comparisons
            }
            if (b == 0) {
                throw nulFound(i);
            }
            if (isControl(b)) {
                controls++;
            }
        }
        checkControlRatio(controls, content.length);
    }

    private static void checkTextLikeChars(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw nulFound(i);
            }
            if (isControl(c)) {
                controls++;
            }
        }
        checkControlRatio(controls, text.length());
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F;
    }

    private static void checkControlRatio(int controls, int length) {
        if (length > 0 && controls > MAX_CONTROL_RATIO * length) {
            throw new ArticleRejectedException(RejectionReason.BINARY, "the file is binary: "
                    + controls + " of its " + length + " characters are control characters");
        }
    }

    private static ArticleRejectedException nulFound(int offset) {
        return new ArticleRejectedException(RejectionReason.BINARY,
                "the file is binary: it contains a NUL byte (at offset " + offset + ")");
    }

    private static ArticleRejectedException whitespaceOnly() {
        return new ArticleRejectedException(RejectionReason.EMPTY, "the file contains only whitespace");
    }

    private static boolean isAllAsciiWhitespace(byte[] content) {
        for (byte b : content) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private static Charset bomCharset(byte[] content) {
        if (startsWith(content, UTF8_BOM)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(content, UTF16BE_BOM)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(content, UTF16LE_BOM)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /**
     * The start of an upload as text, to sniff its format: the byte-order mark's charset, else UTF-8,
     * with a malformed (e.g. cut) sequence replaced rather than refused; the checks decode strictly.
     */
    static String decodeLeniently(byte[] prefix) {
        Charset bomCharset = bomCharset(prefix);
        int bomLength = bomCharset == null ? 0 : bomCharset == StandardCharsets.UTF_8 ? 3 : 2;
        return new String(prefix, bomLength, prefix.length - bomLength, bomCharset == null ? StandardCharsets.UTF_8 : bomCharset);
    }

    /** Strict decoding: a malformed sequence is an error, never a replacement character. */
    private static String decode(byte[] content, Charset bomCharset) {
        if (bomCharset == null) {
            // the JDK's intrinsic decoder turns every malformed sequence into U+FFFD: without one the
            // bytes were valid UTF-8 and the strict decoder below would give the same string
            String fast = new String(content, StandardCharsets.UTF_8);
            if (fast.indexOf('\uFFFD') < 0) {
                return fast;
            }
        }
        Charset charset = bomCharset == null ? StandardCharsets.UTF_8 : bomCharset;
        int bomLength = bomCharset == null ? 0 : bomCharset == StandardCharsets.UTF_8 ? 3 : 2;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, bomLength, content.length - bomLength);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (MalformedInputException e) {
            throw invalidEncoding(charset, in.position());
        } catch (CharacterCodingException e) {
            throw invalidEncoding(charset, -1);
        }
    }

    private static ArticleRejectedException invalidEncoding(Charset charset, int offset) {
        return new ArticleRejectedException(RejectionReason.INVALID_ENCODING, "the file is not valid "
                + charset.name() + (offset >= 0 ? " (at byte " + offset + ")" : "")
                + "; text, Markdown and JSON files must be UTF-8, or UTF-16 with a byte-order mark");
    }

    /** Bounds the YAML block before a YAML parser sees it. */
    private static void checkFrontMatter(String text) {
        String body = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n"); // no copy, no slow search, when no CR
        if (!body.startsWith("---\n")) {
            return;
        }
        int end = body.indexOf("\n---", 4);
        int size = end < 0 ? body.length() : end;
        if (size > MAX_FRONT_MATTER_BYTES) {
            throw new ArticleRejectedException(RejectionReason.TOO_LARGE, "the front matter is "
                    + (end < 0 ? "not closed by '---' and " : "") + "larger than " + MAX_FRONT_MATTER_BYTES + " bytes");
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static ArticleRejectedException unsafe(String key, String why) {
        return new ArticleRejectedException(RejectionReason.UNSAFE_KEY, "the key '" + key + "' is not a plain file path: " + why);
    }

    private record Magic(String name, byte[] bytes) {
        /** {@code signature} is hex when it is all hex digits of even length, else Latin-1 text. */
        Magic(String name, String signature) {
            this(name, signature.matches("([0-9A-F]{2})+")
                    ? HexFormat.of().parseHex(signature)
                    : signature.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
