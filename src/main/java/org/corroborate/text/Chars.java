package org.corroborate.text;

/**
 * {@link Character#isLetterOrDigit(char)} and {@link Character#toLowerCase(char)} with the ASCII
 * answer computed inline: the tokenisers ask both of every character of every article, and for
 * news text nearly every character is ASCII. Same results as {@link Character} for every char.
 */
public final class Chars {
  private Chars() {}

  /** {@link Character#isLetterOrDigit(char)}. */
  public static boolean isLetterOrDigit(char c) {
    if (c < 0x80) {
      char lower = (char) (c | 0x20);
      return (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /** {@link Character#toLowerCase(char)}. */
  public static char toLowerCase(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(c);
  }
}
