package io.broadsheet.core.render;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Dates as readers and machines see them. Always UTC: a page is rendered once for every reader. */
final class DisplayDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private DisplayDates() {
    }

    /** "5 September 2025, 14:30 UTC", or just the day when the source gave no time (midnight UTC). */
    static String longText(Instant instant) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        String day = DAY.format(utc);
        return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? day : day + ", " + TIME.format(utc) + " UTC";
    }

    /** "5 Sep 2025", for listings. */
    static String shortText(Instant instant) {
        return instant == null ? null : SHORT_DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    /** ISO 8601 to the second: what {@code <time datetime>}, Atom, sitemaps and schema.org accept. */
    static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
