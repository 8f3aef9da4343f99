package org.corroborate.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits an article's text into sentences whose offsets point into the original text.
 *
 * <p>Every line break is a boundary (news paragraphs are lines; headlines and datelines have no final
 * stop), blank lines are skipped, and inside a paragraph the boundaries come from the Apache OpenNLP
 * maximum-entropy sentence detector (Reynar and Ratnaparkhi 1997) with the Universal Dependencies
 * English EWT model {@value #MODEL_RESOURCE} from {@code opennlp-models-sentdetect-en}. Two repairs
 * follow the model: a break after a title abbreviation ("Mr.", "Sen.", "Gen.") or a country
 * abbreviation before a name ("U.S. Senate") is undone, and so is a break that leaves the next piece
 * starting with a lower-case word or closing punctuation, as in {@code "Why?" he asked.}, so that
 * quotations do not break their sentence. Spans are trimmed of surrounding white space.
 *
 * <p>The model is loaded once per JVM; the detector itself is not thread-safe, so each thread gets
 * its own instance.
 */
public final class SentenceSplitter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Class-path resource of the OpenNLP sentence model. */
  public static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

  // Abbreviations that precede a name and therefore never end a sentence.
  private static final Set<String> TITLES = Set.copyOf(Arrays.asList(
      "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.",
      "maj.", "adm.", "cmdr.", "prof.", "rev.", "st.", "ft.", "mt.", "pres.", "supt.", "det.",
      "insp.", "hon.", "atty.", "no.", "nos.", "vs.", "v.", "jan.", "feb.", "mar.", "apr.", "aug.",
      "sept.", "sep.", "oct.", "nov.", "dec.", "e.g.", "i.e.", "approx.", "ca.", "cf."));

  // Abbreviations that may end a sentence, but not when a capitalised non-starter word follows.
  private static final Set<String> MAYBE_END = Set.copyOf(Arrays.asList(
      "u.s.", "u.n.", "u.k.", "e.u.", "u.s.a.", "d.c.", "inc.", "corp.", "co.", "ltd.", "jr.",
      "sr.", "a.m.", "p.m."));

  // Words that commonly start a sentence; after "U.S." they signal a real boundary.
  private static final Set<String> STARTERS = Set.copyOf(Arrays.asList(
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
      "those", "but", "and", "or", "so", "in", "on", "at", "for", "if", "when", "while", "after",
      "before", "as", "there", "his", "her", "their", "its", "our", "officials", "meanwhile",
      "however", "also", "yet", "still", "then", "now", "some", "many", "one", "no", "not"));

  private static final class ModelHolder {
    static final SentenceModel MODEL = load();
    static final char[] END_OF_SENTENCE = MODEL.getEosCharacters();

    private static SentenceModel load() {
      try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("OpenNLP sentence model " + MODEL_RESOURCE
              + " not on the class path; add org.apache.opennlp:opennlp-models-sentdetect-en");
        }
        return new SentenceModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read OpenNLP sentence model " + MODEL_RESOURCE, e);
      }
    }
  }

  private static final ThreadLocal<SentenceDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(ModelHolder.MODEL));

  /** Sentences of {@code text} in order, as trimmed, non-empty spans of the original text. */
  public List<TextSpan> split(String text) {
    List<TextSpan> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    SentenceDetectorME detector = DETECTOR.get();
    int n = text.length();
    int lineStart = 0;
    while (lineStart < n) {
      int lineEnd = lineStart;
      while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      int s = lineStart;
      int e = lineEnd;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (s < e) {
        splitParagraph(text, s, e, detector, out);
      }
      lineStart = lineEnd + 1;
    }
    return out;
  }

  private static void splitParagraph(String text, int from, int to, SentenceDetectorME detector,
      List<TextSpan> out) {
    if (!hasInnerEndOfSentence(text, from, to)) {
      // With no end-of-sentence character before its last one the model can only return the whole
      // paragraph (headlines, datelines, one-sentence paragraphs); skip it.
      addSplittingAtAbbreviations(text, from, to, out);
      return;
    }
    String paragraph = text.substring(from, to);
    Span[] spans = detector.sentPosDetect(paragraph);
    int curStart = -1;
    int curEnd = -1;
    for (Span span : spans) {
      int s = from + span.getStart();
      int e = from + span.getEnd();
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (s >= e) {
        continue;
      }
      if (curStart >= 0 && continues(text, curStart, curEnd, s, e)) {
        curEnd = e;
        continue;
      }
      if (curStart >= 0) {
        addSplittingAtAbbreviations(text, curStart, curEnd, out);
      }
      curStart = s;
      curEnd = e;
    }
    if (curStart >= 0) {
      addSplittingAtAbbreviations(text, curStart, curEnd, out);
    } else {
      out.add(new TextSpan(from, to));
    }
  }

  /**
   * Adds the sentence, split after a country or company abbreviation that ends a sentence but that
   * the model read as inside one ("... from the U.S. The money ...").
   */
  private static void addSplittingAtAbbreviations(String text, int from, int to,
      List<TextSpan> out) {
    int start = from;
    // Only a token that ends in a period and is followed by white space can be such a boundary.
    for (int dot = text.indexOf('.', from); dot >= 0 && dot + 1 < to; dot = text.indexOf('.', dot + 1)) {
      int tokenEnd = dot + 1;
      if (!Character.isWhitespace(text.charAt(tokenEnd))) {
        continue;
      }
      int tokenStart = dot;
      while (tokenStart > from && !Character.isWhitespace(text.charAt(tokenStart - 1))) {
        tokenStart--;
      }
      if (!MAYBE_END.contains(lastToken(text, tokenStart, tokenEnd))) {
        continue;
      }
      int next = tokenEnd;
      while (next < to && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      String word = firstWord(text, next, to);
      if (next < to && Character.isUpperCase(text.charAt(next))
          && STARTERS.contains(word.toLowerCase(Locale.ROOT))) {
        out.add(new TextSpan(start, tokenEnd));
        start = next;
      }
    }
    out.add(new TextSpan(start, to));
  }

  /** True when {@code text[from, to - 1)} holds a character the model may end a sentence at. */
  private static boolean hasInnerEndOfSentence(String text, int from, int to) {
    char[] ends = ModelHolder.END_OF_SENTENCE;
    for (int i = from; i < to - 1; i++) {
      char c = text.charAt(i);
      for (char e : ends) {
        if (c == e) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the model's break between the two pieces is wrong and they form one sentence. */
  static boolean continues(String text, int prevStart, int prevEnd, int nextStart, int nextEnd) {
    char first = text.charAt(nextStart);
    if (Character.isLowerCase(first) || ",;:)]}”’".indexOf(first) >= 0) {
      return true;
    }
    // A straight quote that closes an open quotation of the previous piece.
    if ((first == '"' || first == '\'') && countChar(text, prevStart, prevEnd, first) % 2 == 1) {
      return true;
    }
    String last = lastToken(text, prevStart, prevEnd);
    if (TITLES.contains(last)) {
      return true;
    }
    if (MAYBE_END.contains(last)) {
      String next = firstWord(text, nextStart, nextEnd);
      return !next.isEmpty() && Character.isUpperCase(next.charAt(0))
          && !STARTERS.contains(next.toLowerCase(Locale.ROOT));
    }
    return false;
  }

  private static int countChar(String text, int from, int to, char c) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        count++;
      }
    }
    return count;
  }

  private static String lastToken(String text, int from, int to) {
    int i = to;
    while (i > from && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    // Drop opening brackets or quotes glued to the token: ("Mr.
    while (i < to && !Character.isLetterOrDigit(text.charAt(i))) {
      i++;
    }
    return text.substring(i, to).toLowerCase(Locale.ROOT);
  }

  private static String firstWord(String text, int from, int to) {
    int i = from;
    while (i < to && !Character.isLetter(text.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < to && Character.isLetter(text.charAt(j))) {
      j++;
    }
    return text.substring(i, j);
  }
}
