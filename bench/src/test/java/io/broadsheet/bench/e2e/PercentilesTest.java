package io.broadsheet.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void millis_isTheNearestRank_ofShuffledSamples() {
        List<Long> nanos = new ArrayList<>(LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).boxed().toList());
        Collections.shuffle(nanos);

        Percentiles p = new Percentiles(nanos);

        assertThat(p.millis(50)).isEqualTo(50);
        assertThat(p.millis(90)).isEqualTo(90);
        assertThat(p.millis(99)).isEqualTo(99);
        assertThat(p.maxMillis()).isEqualTo(100);
    }

    @Test
    void millis_ofFewSamples_isTheLargestBelowTheRank() {
        Percentiles p = new Percentiles(List.of(30_000_000L, 10_000_000L, 20_000_000L));

        assertThat(p.millis(50)).isEqualTo(20);
        assertThat(p.millis(99)).isEqualTo(30);
        assertThat(p.millis(0)).isEqualTo(10);
    }

    @Test
    void noSamples_isRefused() {
        assertThatThrownBy(() -> new Percentiles(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
