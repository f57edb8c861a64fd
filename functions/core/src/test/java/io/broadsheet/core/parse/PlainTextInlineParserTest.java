package io.broadsheet.core.parse;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextInlineParserTest {

    private final Parser reference = Parser.builder().build();
    private final Parser shortcut = Parser.builder().inlineParserFactory(PlainTextInlineParser::new).build();
    private final HtmlRenderer html = HtmlRenderer.builder().build();

    @Test
    void parse_buildsTheSameTreeAsCommonMark_forPlainAndMarkedUpText() {
        String[] samples = {
                "Plain words in a paragraph.",
                "Two lines\nof one paragraph.",
                "Hard break  \nafter two spaces, soft after one \nand none.",
                "Trailing tab\t\nand trailing spaces at the end   ",
                "Some *emphasis* and _more_, `code`, [a link](http://x.y), ![img](i.png), &amp; <b>html</b>.",
                "An escaped \\* star and a bang! at the end",
                "A hard break  \nthen a line ending in a bang  !\nthen more",
                "# Heading\n\nParagraph after it.\n\n> quoted\n\n- item one\n- item two",
                "Tomás said “fine” — then left…",
        };
        for (String sample : samples) {
            assertSameTree(sample);
        }
    }

    @Test
    void parse_buildsTheSameTreeAsCommonMark_forRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "abcXYZ019 \t.,;:'\"()-?!*_\\`&<>[]#=+~|{}/@%$^áé—";
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(12) == 0 ? '\n' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameTree(text.toString());
        }
    }

    private void assertSameTree(String markdown) {
        Node expected = reference.parse(markdown);
        Node actual = shortcut.parse(markdown);
        assertThat(dump(actual)).as(markdown).isEqualTo(dump(expected));
        assertThat(html.render(actual)).as(markdown).isEqualTo(html.render(expected));
    }

    /** Every node's type and, for text, its literal, in document order. */
    private static String dump(Node document) {
        StringBuilder out = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                out.append('<').append(parent.getClass().getSimpleName());
                if (parent instanceof Text text) {
                    out.append(" \"").append(text.getLiteral()).append('"');
                }
                out.append('>');
                super.visitChildren(parent);
                out.append("</>");
            }

            @Override
            public void visit(Text text) {
                visitChildren(text);
            }
        });
        return out.toString();
    }
}
