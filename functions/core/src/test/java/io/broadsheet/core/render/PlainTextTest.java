package io.broadsheet.core.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    void line_dropsControlCharactersAndLoneSurrogates_andCollapsesSpace() {
        assertThat(PlainText.line(" a\u0000b\u0007\n\tc \uD800d\uFFFEe\u0085 \uD83D\uDE00 ")).isEqualTo("ab c de \uD83D\uDE00");
    }

    @Test
    void teaser_cutsAtWordBoundary_withEllipsis() {
        assertThat(PlainText.teaser("The council voted on Friday, to fund trams.", 30)).isEqualTo("The council voted on Friday\u2026");
        assertThat(PlainText.teaser("Short.", 30)).isEqualTo("Short.");
    }
}
