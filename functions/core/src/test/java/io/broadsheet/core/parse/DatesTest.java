package io.broadsheet.core.parse;

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
}
