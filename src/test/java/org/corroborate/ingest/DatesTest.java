package org.corroborate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static Instant parsed(String raw) {
    return Dates.parse(raw).toInstant();
  }

  @Test
  void readsTheFormsNewsFeedsWrite() {
    Instant noon = Instant.parse("2012-11-20T12:00:00Z");
    assertEquals(noon, parsed("2012-11-20T12:00:00Z"));
    assertEquals(noon, parsed("2012-11-20T14:00:00+02:00"));
    assertEquals(noon, parsed("2012-11-20 12:00:00"));
    assertEquals(noon, parsed("2012-11-20T12:00"));
    assertEquals(noon, parsed("Tue, 20 Nov 2012 12:00:00 GMT"));
    assertEquals(noon, parsed("Tue, 20 Nov 2012 13:00:00 +0100"));
    assertEquals(noon, parsed(String.valueOf(noon.getEpochSecond())));
    assertEquals(noon, parsed(String.valueOf(noon.toEpochMilli())));
  }

  @Test
  void readsDatesWithoutTimeAsMidnightUtc() {
    Instant midnight = Instant.parse("2012-11-20T00:00:00Z");
    assertEquals(midnight, parsed("2012-11-20"));
    assertEquals(midnight, parsed("2012/11/20"));
    assertEquals(midnight, parsed("November 20, 2012"));
    assertEquals(midnight, parsed("Nov 20, 2012"));
  }

  @Test
  void returnsNullForWhatIsNotADate() {
    assertNull(Dates.parse(null));
    assertNull(Dates.parse("  "));
    assertNull(Dates.parse("yesterday"));
    assertNull(Dates.parse("2012-13-45"));
  }
}
