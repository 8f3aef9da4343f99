package org.corroborate.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into lower-case word tokens: runs of letters and digits after Unicode NFKC
 * normalisation. Apostrophes end a word and drop what follows ({@code Israel's} -> {@code israel});
 * hyphens and other punctuation separate words. Plain Java, no Spark: shared by every stage that
 * reads words (features, copies, facts).
 */
public final class Tokenizer {
  private Tokenizer() {}

  /** Every word of {@code text}, lower-cased, in order. */
  public static List<String> words(String text) {
    return words(text, null, 1);
  }

  /**
   * The words of {@code text} that are not in {@code stopWords} and have at least
   * {@code minLength} characters (numbers are kept at any length).
   */
  public static List<String> words(String text, Set<String> stopWords, int minLength) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String normal = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
        ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder word = new StringBuilder();
    boolean skipping = false;
    boolean digitsOnly = true;
    int n = normal.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? normal.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        if (!skipping) {
          word.append(Character.toLowerCase(c));
          digitsOnly &= Character.isDigit(c);
        }
        continue;
      }
      if ((c == '\'' || c == '\u2019') && word.length() > 0 && i + 1 < n
          && Character.isLetter(normal.charAt(i + 1))) {
        // "Israel's", "don't": keep the stem, skip the clitic.
        skipping = true;
        continue;
      }
      if (word.length() > 0) {
        String w = word.toString();
        if ((digitsOnly || w.length() >= minLength) && (stopWords == null || !stopWords.contains(w))) {
          out.add(w);
        }
        word.setLength(0);
      }
      skipping = false;
      digitsOnly = true;
    }
    return out;
  }
}
