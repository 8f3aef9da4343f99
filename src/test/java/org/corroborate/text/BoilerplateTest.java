package org.corroborate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoilerplateTest {
  private static final String TEXT = "Quake hits coast\nAlso Read\nTwelve people died.\nFollow us on Twitter";

  @Test
  void stripsAnOutletsRepeatedLinesOnly() {
    Set<Long> lines = Set.of(Boilerplate.key("daily.example", "Also Read"),
        Boilerplate.key("daily.example", "follow  us on twitter"));
    assertEquals("Quake hits coast\n\nTwelve people died.\n", Boilerplate.strip(TEXT, "daily.example", lines));
    assertEquals(TEXT, Boilerplate.strip(TEXT, "other.example", lines));
  }

  @Test
  void masksBoilerplateKeepingEveryOffset() {
    Set<Long> lines = Set.of(Boilerplate.key("daily.example", "Also Read"));
    String masked = Boilerplate.mask(TEXT, "daily.example", lines);
    assertEquals(TEXT.length(), masked.length());
    assertEquals("Quake hits coast\n         \nTwelve people died.\nFollow us on Twitter", masked);
    int at = TEXT.indexOf("Twelve");
    assertEquals(TEXT.substring(at, at + 19), masked.substring(at, at + 19));
  }

  @Test
  void keysLinesBySource() {
    assertNotEquals(Boilerplate.key("a.example", "Also Read"), Boilerplate.key("b.example", "Also Read"));
    assertEquals(0L, Boilerplate.key(null, "Also Read"));
    assertEquals(0L, Boilerplate.key("a.example", "   "));
  }

  @Test
  void collapsesWhitespaceRunsAsTheRegexDoes() {
    // Random strings over letters and every kind of whitespace, including non-breaking spaces the
    // pattern \\s leaves alone.
    char[] alphabet = {'a', 'B', ' ', ' ', '\t', '\n', '\r', '\f', '\013', '\u00a0', '\u2003', '.'};
    Random random = new Random(3);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = s.toString();
      assertEquals(text.replaceAll("\\s+", " "), Boilerplate.collapseSpaces(text), "'" + text + "'");
    }
  }
}
