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
      if (Chars.isLetterOrDigit(c)) {
        if (!skipping) {
          word.append(Chars.toLowerCase(c));
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

  /**
   * The pairs of adjacent content words of {@code text} inside one sentence, each as the two words
   * joined by a space ({@code "tony thompson"}, {@code "stade suisse"}): words as
   * {@link #words(String, Set, int)} gives them, stop words and words shorter than
   * {@code minLength} dropped first, so a pair may span a stop word. Sentences end at {@code . ! ?}
   * and at line breaks. A pair is far more specific than either word: two events of one kind share
   * words ("heavyweight", "title") but seldom the phrases that name their people and places.
   */
  public static List<String> phrases(String text, Set<String> stopWords, int minLength) {
    return phrasesOfSentences(sentenceWords(text), stopWords, minLength);
  }

  /**
   * {@link #phrases(String, Set, int)} of a text given as {@link #sentenceWords} of it: one pass of
   * the tokeniser serves both the text's words and its phrases.
   */
  public static List<String> phrasesOfSentences(List<List<String>> sentences, Set<String> stopWords, int minLength) {
    List<String> out = new ArrayList<>();
    String previous = null;
    for (List<String> sentence : sentences) {
      previous = null;
      for (String w : sentence) {
        if (!isContentWord(w, stopWords, minLength)) {
          continue;
        }
        if (previous != null) {
          out.add(previous + " " + w);
        }
        previous = w;
      }
    }
    return out;
  }

  /**
   * Every word of {@code text} (as {@link #words(String)} gives them), sentence by sentence: a
   * sentence ends at {@code . ! ?} and at line breaks. Joined, the sentences' words are the words
   * of the whole text.
   */
  public static List<List<String>> sentenceWords(String text) {
    List<List<String>> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : '\n';
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r') {
        if (i > start) {
          List<String> ws = words(text.substring(start, i));
          if (!ws.isEmpty()) {
            out.add(ws);
          }
        }
        start = i + 1;
      }
    }
    return out;
  }

  /**
   * Whether a word of {@link #words(String)} passes {@link #words(String, Set, int)}'s filter: not
   * a stop word, and at least {@code minLength} characters unless all digits.
   */
  public static boolean isContentWord(String w, Set<String> stopWords, int minLength) {
    if (w.length() < minLength) {
      for (int i = 0; i < w.length(); i++) {
        if (!Character.isDigit(w.charAt(i))) {
          return false;
        }
      }
    }
    return stopWords == null || !stopWords.contains(w);
  }

  /**
   * The capitalised words of {@code text} that do not open a sentence or line, lower-cased: names
   * of people, places and organisations for the most part, which tell one event from another of
   * the same kind (two earthquakes, two trials).
   */
  public static List<String> names(String text, Set<String> stopWords) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int n = text.length();
    boolean sentenceStart = true;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Chars.isLetterOrDigit(c)) {
        int j = i;
        while (j < n && Chars.isLetterOrDigit(text.charAt(j))) {
          j++;
        }
        if (!sentenceStart && Character.isUpperCase(c) && j - i >= 2) {
          String w = text.substring(i, j).toLowerCase(java.util.Locale.ROOT);
          if (!stopWords.contains(w)) {
            out.add(w);
          }
        }
        sentenceStart = false;
        i = j;
        continue;
      }
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' || c == '\u201c' || c == ':') {
        sentenceStart = true;
      }
      i++;
    }
    return out;
  }
}
