package org.corroborate.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Decides which URLs from the input may become links in the report: only http(s) ones. */
public final class Links {
  private Links() {}

  /** True for a well-formed http or https URL with a host; {@code javascript:} and the rest are text. */
  public static boolean isWebLink(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
