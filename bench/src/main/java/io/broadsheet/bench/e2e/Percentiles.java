package io.broadsheet.bench.e2e;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of durations in nanoseconds, reported in milliseconds. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The smallest sample with at least {@code p} percent of the samples at or below it. */
    long millis(double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return Math.round(sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6);
    }

    long maxMillis() {
        return Math.round(sorted[sorted.length - 1] / 1e6);
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
