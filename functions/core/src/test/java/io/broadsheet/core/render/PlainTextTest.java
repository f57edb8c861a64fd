package io.broadsheet.core.render;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    void line_dropsControlCharactersAndLoneSurrogates_andCollapsesSpace() {
        assertThat(PlainText.line(" a\u0000b\u0007\n\tc \uD800d\uFFFEe\u0085 \uD83D\uDE00 ")).isEqualTo("ab c de \uD83D\uDE00");
    }

    @Test
    void line_isTheCleanedTextWithSpaceRunsCollapsed_onRandomText() {
        // the fast paths (nothing to drop, nothing to collapse) must agree with the definition
        Pattern spaceRuns = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");
        String alphabet = "ab Z.  \t\n\r\u000B\f\u0000\u001f\u007f\u0085\u00a0\u00e9\u2028\ufdd0\ufffe\ud83d\ude00\ud800";
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertThat(PlainText.line(s)).as(s).isEqualTo(spaceRuns.matcher(PlainText.clean(s)).replaceAll(" ").strip());
        }
    }

    @Test
    void teaser_cutsAtWordBoundary_withEllipsis() {
        assertThat(PlainText.teaser("The council voted on Friday, to fund trams.", 30)).isEqualTo("The council voted on Friday\u2026");
        assertThat(PlainText.teaser("Short.", 30)).isEqualTo("Short.");
    }

    @Test
    void withoutTail_removesWhatTheTailRegexRemoves() {
        Pattern tail = Pattern.compile("[\\s,;:.\u2013\u2014-]+$");
        String alphabet = "ab ,;:.\u2013\u2014-\t\n\r\u000B\f\u0085\u2028\u2029x";
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertThat(PlainText.withoutTail(s)).as(s).isEqualTo(tail.matcher(s).replaceAll(""));
        }
    }
}
