package org.corroborate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {
  @ParameterizedTest
  @ValueSource(strings = {"http://example.com", "https://example.com/a?b=1&c=2#d", "HTTPS://EXAMPLE.COM/x"})
  void linksHttpAndHttpsUrls(String url) {
    assertTrue(Links.isWebLink(url));
    assertEquals(url, Links.webLink(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x",
      "/relative/path", "example.com", "https://", "http:///nohost", "https://exa mple.com", "https://a.example/\u0000x",
      "mailto:a@example.com", "ftp://example.com/f", ""})
  void refusesEverythingElse(String url) {
    assertFalse(Links.isWebLink(url), url);
    assertNull(Links.webLink(url));
  }

  @Test
  void stripsSurroundingWhitespaceAndRefusesNull() {
    assertEquals("https://example.com/a", Links.webLink("  https://example.com/a\n"));
    assertNull(Links.webLink(null));
  }
}
