package io.broadsheet.core.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as articles write them: ISO 8601 ({@code 2025-09-05T10:30:00+02:00}), {@code 2025/9/5},
 * {@code 5 Sep 2025}, {@code Sep. 5, 2025}, {@code September 5th, 2025}, each with or without a time.
 * The date is found inside the text, so labels and weekdays around it do not matter. A time
 * without a zone is read as UTC; purely numeric day/month orders other than year-first are
 * ambiguous (9/5/2025) and deliberately not guessed.
 */
public final class Dates {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?(?!\\d)");
    private static final Pattern YMD = Pattern.compile("(?<!\\d)(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\d\\p{L}])(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<!\\p{L})" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "(?<!\\d)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap])?\\.?(?:m\\.?)?(?![\\p{L}\\d])\\s*(?:(?:UTC|GMT)?\\s*([+-]\\d{2}:?\\d{2})|UTC|GMT|Z)?",
            Pattern.CASE_INSENSITIVE);

    private Dates() {
    }

    /** The first date found in the text, as an instant; empty when there is none or it is not a real date. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = Texts.clean(text);
        Instant utc = utcTimestamp(s);
        if (utc != null) {
            return Optional.of(utc);
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeException ignored) {
            // not a strict ISO timestamp: look for the parts below
        }
        Matcher iso = ISO.matcher(s);
        if (iso.find()) {
            return date(iso.group(1), iso.group(2), iso.group(3)).flatMap(d -> {
                if (iso.group(4) == null) {
                    return Optional.of(d.atStartOfDay(ZoneOffset.UTC).toInstant());
                }
                return at(d, iso.group(4), iso.group(5), iso.group(6), null, iso.group(7));
            });
        }
        Optional<LocalDate> date = Optional.empty();
        int end = -1;
        Matcher m;
        if ((m = YMD.matcher(s)).find()) {
            date = date(m.group(1), m.group(2), m.group(3));
            end = m.end();
        } else if ((m = DAY_MONTH_YEAR.matcher(s)).find()) {
            date = date(m.group(3), month(m.group(2)), m.group(1));
            end = m.end();
        } else if ((m = MONTH_DAY_YEAR.matcher(s)).find()) {
            date = date(m.group(3), month(m.group(1)), m.group(2));
            end = m.end();
        }
        if (date.isEmpty()) {
            return Optional.empty();
        }
        Matcher time = TIME.matcher(s);
        if (time.find()) {
            Optional<Instant> withTime = at(date.get(), time.group(1), time.group(2), time.group(3), time.group(4), time.group(5));
            if (withTime.isPresent()) {
                return withTime;
            }
        }
        return Optional.of(date.get().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * {@code 2025-09-05T10:30:00Z}, the form front matter and feeds mostly use, read without the
     * general ISO parser (a tenth of a Markdown parse): the same instant {@code OffsetDateTime.parse}
     * gives, or null for any other text and for a date or time that does not exist.
     */
    private static Instant utcTimestamp(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The ASCII digits s[from, to) as a number, or -1 when one is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String month(String name) {
        return String.valueOf(MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)));
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1800 || y > 2200) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> at(LocalDate date, String hour, String minute, String second, String ampm, String zone) {
        try {
            int h = Integer.parseInt(hour);
            if (ampm != null) {
                if (h < 1 || h > 12) {
                    return Optional.empty();
                }
                h = h % 12 + (ampm.equalsIgnoreCase("p") ? 12 : 0);
            }
            LocalTime time = LocalTime.of(h, Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
            ZoneOffset offset = ZoneOffset.UTC;
            if (zone != null && !zone.equalsIgnoreCase("Z")) {
                String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
                offset = ZoneOffset.of(z.length() == 3 ? z + ":00" : z);
            }
            return Optional.of(date.atTime(time).atOffset(offset).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
