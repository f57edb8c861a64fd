package io.broadsheet.core.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2025-09-05                          | 2025-09-05T00:00:00Z",
            "2025-09-05T10:30:00+02:00           | 2025-09-05T08:30:00Z",
            "2025-09-05T10:30:00.123Z            | 2025-09-05T10:30:00.123Z",
            "2025-09-05 10:30                    | 2025-09-05T10:30:00Z",
            "2025-09-05T10:30:00+0200            | 2025-09-05T08:30:00Z",
            "2025/9/5                            | 2025-09-05T00:00:00Z",
            "5 Sep 2025                          | 2025-09-05T00:00:00Z",
            "5th September 2025                  | 2025-09-05T00:00:00Z",
            "Sep. 5, 2025                        | 2025-09-05T00:00:00Z",
            "Sept 5, 2025                        | 2025-09-05T00:00:00Z",
            "September 5, 2025                   | 2025-09-05T00:00:00Z",
            "Friday, September 5, 2025 3:15 PM   | 2025-09-05T15:15:00Z",
            "Updated 10:32 AM, Nov 20, 2019      | 2019-11-20T10:32:00Z",
            "Published Monday, November 18, 2019 8:22AM EST | 2019-11-18T08:22:00Z"})
    void parse_readsCommonFormats(String text, String expected) {
        assertThat(Dates.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-13-45", "31 Feb 2025", "9/5/2025", "Room 2025"})
    void parse_isEmpty_whenNoRealDate(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }

    @Test
    void parse_readsUtcTimestamps_asTheIsoParserDoes_andRejectsImpossibleOnes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int n = 0; n < 20_000; n++) {
            String s = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62));
            java.util.Optional<java.time.Instant> expected;
            try {
                expected = java.util.Optional.of(java.time.OffsetDateTime.parse(s).toInstant());
            } catch (java.time.DateTimeException impossible) {
                expected = java.util.Optional.empty();
            }
            assertThat(Dates.parse(s)).as(s).isEqualTo(expected);
        }
    }
}
