package org.corroborate.text;

/**
 * Finds a title for an article that has none: the first line when it looks like a headline, else
 * the start of the first line.
 */
public final class Headlines {
  /** Longest first line still taken whole as a headline. */
  static final int MAX_HEADLINE_CHARS = 160;
  /** Length a derived title is cut to when the first line is body text. */
  static final int DERIVED_TITLE_CHARS = 110;

  private Headlines() {}

  /** The first non-blank line of {@code text}, or null when there is none. */
  public static String firstLine(String text) {
    if (text == null) {
      return null;
    }
    for (String line : text.split("\r?\n|\r")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty()) {
        return trimmed;
      }
    }
    return null;
  }

  /**
   * True when the first line reads as a headline: short, not ending like a sentence, and followed by
   * more text. The seeds' third article starts this way; the other two start with a body sentence.
   */
  public static boolean startsWithHeadline(String text) {
    String first = firstLine(text);
    if (first == null || first.length() > MAX_HEADLINE_CHARS) {
      return false;
    }
    char last = first.charAt(first.length() - 1);
    if (last == '.' || last == ',' || last == ';' || last == ':') {
      return false;
    }
    int at = text.indexOf(first) + first.length();
    return !text.substring(at).isBlank();
  }

  /** A title for an article with none: its headline line, else the start of its first line. */
  public static String titleOf(String text) {
    String first = firstLine(text);
    if (first == null) {
      return null;
    }
    if (startsWithHeadline(text) || first.length() <= DERIVED_TITLE_CHARS) {
      return first;
    }
    int cut = first.lastIndexOf(' ', DERIVED_TITLE_CHARS);
    return first.substring(0, cut > 40 ? cut : DERIVED_TITLE_CHARS).strip() + "\u2026";
  }
}
