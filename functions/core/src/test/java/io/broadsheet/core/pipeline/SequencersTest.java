package io.broadsheet.core.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequencersTest {

    @Test
    void isOlder_comparesAsHexNumbers_withShorterOnesLeftPadded() {
        assertThat(Sequencers.isOlder("0055AED6DCD90281E5", "0055AED6DCD90281E6")).isTrue();
        assertThat(Sequencers.isOlder("0055AED6DCD90281E6", "0055AED6DCD90281E5")).isFalse();
        assertThat(Sequencers.isOlder("FF", "0100")).isTrue();
        assertThat(Sequencers.isOlder("0100", "ff")).isFalse();
        assertThat(Sequencers.isOlder("0a", "0B")).isTrue();
    }

    @Test
    void isOlder_isFalse_forEqualOrMissingSequencers() {
        assertThat(Sequencers.isOlder("0055AED6DCD90281E5", "0055AED6DCD90281E5")).isFalse();
        assertThat(Sequencers.isOlder(null, "01")).isFalse();
        assertThat(Sequencers.isOlder("01", null)).isFalse();
    }
}
