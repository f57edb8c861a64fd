package io.broadsheet.core.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a web page's bytes the way browsers do, simplified: a byte-order mark wins, then the
 * charset the page declares near its start ({@code <meta charset>}, {@code http-equiv}, an XML
 * declaration), else UTF-8 when the bytes are valid UTF-8 and windows-1252 when they are not. A legacy
 * label on bytes that are valid non-ASCII UTF-8 is taken as a mislabel (a common CMS mistake).
 * ISO-8859-1 and US-ASCII labels mean windows-1252, as the HTML standard says.
 */
final class HtmlCharsets {

    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HtmlCharsets() {
    }

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decodeLenient(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return decodeLenient(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return decodeLenient(bytes, 2, StandardCharsets.UTF_16LE);
        }
        String utf8 = strictUtf8(bytes);
        Charset declared = declared(bytes);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            // a page labelled with a legacy charset whose bytes are valid, non-ASCII UTF-8 was saved as
            // UTF-8 and mislabelled: text in a legacy charset is almost never also valid UTF-8
            boolean mislabelled = utf8 != null && !isAscii(bytes);
            return mislabelled ? utf8 : decodeLenient(bytes, 0, declared);
        }
        return utf8 != null ? utf8 : decodeLenient(bytes, 0, WINDOWS_1252);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The charset named in the first bytes of the page, or {@code null}. */
    static Charset declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        Matcher meta = META_CHARSET.matcher(head);
        String label = xml.find() ? xml.group(1) : meta.find() ? meta.group(1) : null;
        return label == null ? null : forLabel(label);
    }

    private static Charset forLabel(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("iso8859-1") || name.equals("us-ascii")
                || name.equals("ascii") || name.equals("l1")) {
            return WINDOWS_1252;
        }
        if (name.startsWith("utf-16")) {
            // a page that could be read as ASCII to find this label is not UTF-16
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String decodeLenient(byte[] bytes, int offset, Charset charset) {
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
