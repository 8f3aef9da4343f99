package org.corroborate.text;

import java.util.Locale;
import java.util.Set;

/**
 * Lines an outlet repeats on many of its articles ("Also Read", "Follow us on ...", a newsletter
 * plug). They say nothing about the story, yet would make unrelated articles of one outlet look
 * alike, so copy detection, story features and facts all skip them.
 *
 * <p>A line is identified by a 64-bit hash of its normalised form (lower case, single spaces),
 * keyed by source: {@link #key(String, String)}. The Spark side counts keys per article; this class
 * holds the plain-Java parts.
 */
public final class Boilerplate {
  /** Lines longer than this are never boilerplate: they are prose. */
  public static final int MAX_LINE_CHARS = 300;

  private Boilerplate() {}

  /** The normalised form of a line, or null when the line cannot be boilerplate. */
  public static String normalise(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > MAX_LINE_CHARS) {
      return null;
    }
    return collapseSpaces(s.toLowerCase(Locale.ROOT));
  }

  /**
   * {@code s} with each run of whitespace ({@code \\s}: space, tab, line breaks, form feed) as one
   * space. The same as {@code replaceAll("\\s+", " ")}, without compiling a pattern for every line of
   * every article.
   */
  static String collapseSpaces(String s) {
    StringBuilder out = null;
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = isSpace(c);
      if (space && out == null && (c != ' ' || (i + 1 < s.length() && isSpace(s.charAt(i + 1))))) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        if (!space) {
          out.append(c);
        } else if (!inRun) {
          out.append(' ');
        }
      }
      inRun = space;
    }
    return out == null ? s : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
  }

  /** The key of a line of one source, or 0 when the line cannot be boilerplate. */
  public static long key(String source, String line) {
    String normal = normalise(line);
    if (normal == null || source == null) {
      return 0L;
    }
    return Hashing.hash64(source + "\u0000" + normal);
  }

  /** {@code text} without its boilerplate lines (line breaks kept, so paragraphs stay apart). */
  public static String strip(String text, String source, Set<Long> boilerplate) {
    if (boilerplate.isEmpty() || source == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      if (!boilerplate.contains(key(source, lines[i]))) {
        out.append(lines[i]);
      }
    }
    return out.toString();
  }

  /**
   * {@code text} with its boilerplate lines blanked out by spaces: same length, so character
   * offsets into the result are offsets into the original.
   */
  public static String mask(String text, String source, Set<Long> boilerplate) {
    if (boilerplate.isEmpty() || source == null || text == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (boilerplate.contains(key(source, text.substring(start, end)))) {
        for (int i = start; i < end; i++) {
          out.setCharAt(i, ' ');
        }
      }
      start = end + 1;
    }
    return out.toString();
  }
}
