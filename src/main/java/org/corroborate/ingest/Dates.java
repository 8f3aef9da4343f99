package org.corroborate.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the publication dates news feeds write: ISO-8601 with or without time and zone
 * ({@code 2012-11-20T10:00:00Z}, {@code 2012-11-20 10:00:00}, {@code 2012-11-20}), RFC 1123 as in
 * RSS ({@code Tue, 20 Nov 2012 10:00:00 GMT}), {@code 2012/11/20}, {@code November 20, 2012}, and
 * epoch seconds or milliseconds. A date without a zone is taken as UTC.
 */
public final class Dates {
  private static final List<DateTimeFormatter> ZONED = List.of(
      DateTimeFormatter.ISO_OFFSET_DATE_TIME,
      DateTimeFormatter.ISO_ZONED_DATE_TIME,
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX", Locale.ROOT),
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH));
  private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE_TIME,
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS]", Locale.ROOT),
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm[:ss]", Locale.ROOT));
  private static final List<DateTimeFormatter> LOCAL_DATES = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT),
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));

  private Dates() {}

  /** The instant {@code raw} names, or null when it is blank or not a date this class reads. */
  public static Timestamp parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    if (isEpoch(s)) {
      long n = Long.parseLong(s);
      return new Timestamp(s.length() >= 12 ? n : n * 1000);
    }
    try {
      return Timestamp.from(Instant.parse(s));
    } catch (DateTimeParseException ignored) {
      // not an instant; try the other forms
    }
    for (DateTimeFormatter f : ZONED) {
      try {
        return Timestamp.from(ZonedDateTime.parse(s, f).toInstant());
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    for (DateTimeFormatter f : LOCAL_TIMES) {
      try {
        return Timestamp.from(LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    for (DateTimeFormatter f : LOCAL_DATES) {
      try {
        return Timestamp.from(LocalDate.parse(s, f).atStartOfDay().toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException ignored) {
        // next form
      }
    }
    return null;
  }

  /** True for 9 to 13 ASCII digits: epoch seconds or milliseconds. */
  private static boolean isEpoch(String s) {
    if (s.length() < 9 || s.length() > 13) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
