package io.broadsheet.core.parse;

import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.text.Characters;

import java.util.List;

/**
 * CommonMark's inline parser with a shortcut for what most paragraphs are: lines of text without
 * any character that can start inline markup. For those it builds the nodes the full parser
 * would (one text node per line, each line break soft or hard as the trailing spaces say, trailing
 * spaces trimmed the same way) without scanning the text character by character through it;
 * anything else goes to the full parser. {@code PlainTextInlineParserTest} holds the two to the
 * same output.
 */
final class PlainTextInlineParser implements InlineParser {

    /**
     * The characters the full parser treats specially: emphasis delimiters, the triggers of
     * backslash escapes, code spans, entities, autolinks and inline HTML, link and image brackets.
     */
    private static final boolean[] SPECIAL = new boolean[128];

    static {
        for (char c : "*_\\`&<[]!\n".toCharArray()) {
            SPECIAL[c] = true;
        }
    }

    private final InlineParserContext context;
    private InlineParser full;

    PlainTextInlineParser(InlineParserContext context) {
        this.context = context;
    }

    @Override
    public void parse(SourceLines lines, Node block) {
        List<SourceLine> all = lines.getLines();
        if (!isPlain(all)) {
            if (full == null) {
                full = new InlineParserImpl(context);
            }
            full.parse(lines, block);
            return;
        }
        int last = all.size() - 1;
        for (int k = 0; k <= last; k++) {
            CharSequence line = all.get(k).getContent();
            if (k < last) {
                int end = Characters.skipBackwards(' ', line, line.length() - 1, 0) + 1;
                block.appendChild(new Text(line.subSequence(0, end).toString()));
                block.appendChild(line.length() - end >= 2 ? new HardLineBreak() : new SoftLineBreak());
            } else {
                int end = Characters.skipSpaceTabBackwards(line, line.length() - 1, 0) + 1;
                block.appendChild(new Text(line.subSequence(0, end).toString()));
            }
        }
    }

    /** Every line has text left after trimming, and no character that could start inline markup. */
    private static boolean isPlain(List<SourceLine> lines) {
        if (lines.isEmpty()) {
            return false;
        }
        for (SourceLine sourceLine : lines) {
            CharSequence line = sourceLine.getContent();
            if (Characters.skipSpaceTabBackwards(line, line.length() - 1, 0) < 0) {
                return false;
            }
            char[] chars = line.toString().toCharArray(); // array reads: every character is looked at
            for (char c : chars) {
                if (c < 128 && SPECIAL[c]) {
                    return false;
                }
            }
        }
        return true;
    }
}
