package io.broadsheet.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceFormatTest {

    @Test
    void fromFileName_knowsEveryAcceptedExtension_caseInsensitively() {
        assertThat(SourceFormat.fromFileName("a.TXT")).contains(SourceFormat.TEXT);
        assertThat(SourceFormat.fromFileName("a.markdown")).contains(SourceFormat.MARKDOWN);
        assertThat(SourceFormat.fromFileName("a.htm")).contains(SourceFormat.HTML);
        assertThat(SourceFormat.fromFileName("a.b.json")).contains(SourceFormat.JSON);
        assertThat(SourceFormat.fromFileName("a.pdf")).isEmpty();
        assertThat(SourceFormat.fromFileName("README")).isEmpty();
    }

    @Test
    void fromMediaType_ignoresParameters() {
        assertThat(SourceFormat.fromMediaType("text/markdown; charset=utf-8")).contains(SourceFormat.MARKDOWN);
        assertThat(SourceFormat.fromMediaType("application/octet-stream")).isEmpty();
        assertThat(SourceFormat.fromMediaType(null)).isEmpty();
    }
}
