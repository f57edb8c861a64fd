package io.broadsheet.core.parse;

import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a text document (txt, md, json) to a string: a byte-order mark wins, then UTF-8 when
 * the bytes are valid UTF-8, else windows-1252 (what old editors and "Save as text" write).
 */
final class TextDecoding {

    private TextDecoding() {
    }

    static String decode(byte[] bytes) {
        return decode(bytes, false);
    }

    /** @param lenient accept a broken tail (used when sniffing a prefix that may cut a character in two) */
    static String decode(byte[] bytes, boolean lenient) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (lenient) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        // the fast (intrinsic) decoder turns every malformed sequence into U+FFFD: without one the
        // bytes were valid UTF-8 and the strict decoder below would give the same string
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            String text = new String(bytes, HtmlCharsets.WINDOWS_1252);
            if (text.indexOf('\uFFFD') >= 0) {
                throw new ArticleRejectedException(RejectionReason.INVALID_ENCODING,
                        "the text is neither UTF-8 nor windows-1252");
            }
            return text;
        }
    }
}
