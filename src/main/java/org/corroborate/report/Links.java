package org.corroborate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides which URLs from the input may become links in the report: only absolute http and https
 * URLs with a host. Everything else ({@code javascript:}, {@code data:}, {@code file:}, relative or
 * malformed URLs) is shown as escaped text, never as a link.
 */
public final class Links {
  private Links() {}

  /** True for a well-formed http or https URL with a host; {@code javascript:} and the rest are text. */
  public static boolean isWebLink(String url) {
    return webLink(url) != null;
  }

  /**
   * The URL to put into an {@code href}: {@code url} without surrounding whitespace when it is a
   * well-formed http(s) URL with a host and no control characters, else null.
   */
  public static String webLink(String url) {
    if (url == null) {
      return null;
    }
    String candidate = url.strip();
    for (int i = 0; i < candidate.length(); i++) {
      if (Character.isISOControl(candidate.charAt(i))) {
        return null;
      }
    }
    try {
      URI uri = new URI(candidate);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null || uri.getHost().isEmpty()) {
        return null;
      }
      String lower = scheme.toLowerCase(Locale.ROOT);
      return lower.equals("http") || lower.equals("https") ? candidate : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
