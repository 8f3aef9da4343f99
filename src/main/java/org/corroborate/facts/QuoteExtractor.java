package org.corroborate.facts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds attributed quotations in an article: the quoted words and who said them.
 *
 * <p>Input: an article's text. Output: {@link Quote}s whose span is the quoted words without the
 * quote marks (and without the comma before the closing mark), as offsets into the original text.
 * Quotes are paired per paragraph (straight {@code "} toggles, curly quotes open and close); a quote
 * left open at the end of a paragraph runs to its end, the news convention for a quotation that goes
 * on in the next paragraph, and takes the speaker of that continuation. The speaker comes from the
 * attribution next to the quote, the patterns of news style: {@code "...," Netanyahu said},
 * {@code "...", said the official}, {@code "...," Erin Pelton, spokeswoman ..., was quoted},
 * {@code Clinton said: "..."}, {@code X quoted Netanyahu}. A pronoun speaker ("he said") is replaced
 * by the article's last named speaker. Quotes shorter than {@code minWords} words or without a
 * speaker are not returned: short scare quotes ("durable outcome") are not statements.
 */
public final class QuoteExtractor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A quotation: the span of the quoted words and the speaker's name as written. */
  public record Quote(int start, int end, String speaker) implements Serializable {}

  private static final Set<String> SPEECH_VERBS = Set.copyOf(Arrays.asList(
      "said", "says", "say", "added", "adds", "told", "tells", "stated", "states", "explained",
      "noted", "notes", "wrote", "writes", "asked", "asks", "declared", "insisted", "insists",
      "argued", "argues", "warned", "warns", "claimed", "claims", "recalled", "continued",
      "quoted", "announced", "acknowledged", "admitted", "replied", "responded", "remarked",
      "commented", "concluded", "stressed", "urged", "suggested", "conceded", "countered",
      "confirmed", "according", "tweeted", "posted", "insisted", "maintained", "vowed"));

  private static final Set<String> PRONOUNS = Set.copyOf(Arrays.asList("he", "she", "they", "we", "i", "it"));

  // Words that end a speaker noun phrase after the verb ("said Nuland in Washington").
  private static final Set<String> NP_STOP = Set.copyOf(Arrays.asList(
      "in", "on", "at", "to", "during", "after", "before", "while", "when", "from", "with",
      "that", "as", "of", "who", "which", "and", "late", "earlier", "later", "yesterday", "today",
      "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "speaking"));

  private static final Set<String> AUX = Set.copyOf(Arrays.asList("was", "were", "has", "had", "is", "have", "also",
      "then", "later", "again", "has", "reportedly"));

  private final int minWords;

  /** Extractor returning quotes of at least {@code minWords} words. */
  public QuoteExtractor(int minWords) {
    this.minWords = minWords;
  }

  private record Tok(int start, int end, String lower) {}

  private record RawQuote(int open, int close, boolean continues) {}

  /** Attributed quotations of {@code text}, in text order. */
  public List<Quote> extract(String text) {
    List<Quote> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    List<RawQuote> raws = new ArrayList<>();
    List<int[]> paragraphs = new ArrayList<>();
    int n = text.length();
    int ls = 0;
    while (ls < n) {
      int le = ls;
      while (le < n && text.charAt(le) != '\n' && text.charAt(le) != '\r') {
        le++;
      }
      pairQuotes(text, ls, le, raws, paragraphs);
      ls = le + 1;
    }
    String[] speakers = new String[raws.size()];
    for (int i = 0; i < raws.size(); i++) {
      RawQuote q = raws.get(i);
      int[] para = paragraphs.get(i);
      String speaker = null;
      if (!q.continues()) {
        speaker = speakerAfter(text, q.close() + 1, para[1]);
      }
      if (speaker == null) {
        int from = i > 0 && paragraphs.get(i - 1) == para ? raws.get(i - 1).close() + 1 : para[0];
        speaker = speakerBefore(text, from, q.open());
      }
      if (speaker != null && PRONOUNS.contains(speaker.toLowerCase(Locale.ROOT))) {
        String named = lastNamedSpeaker(text, q.open());
        speaker = named != null ? named : speaker;
      }
      speakers[i] = speaker;
    }
    // A quotation that runs on into the next paragraph is attributed where it ends.
    for (int i = raws.size() - 2; i >= 0; i--) {
      if (speakers[i] == null && raws.get(i).continues()) {
        speakers[i] = speakers[i + 1];
      }
    }
    for (int i = 0; i < raws.size(); i++) {
      RawQuote q = raws.get(i);
      if (speakers[i] == null) {
        continue;
      }
      int s = q.open() + 1;
      int e = q.close();
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) {
        e--;
      }
      if (s < e && countWords(text, s, e) >= minWords) {
        out.add(new Quote(s, e, speakers[i]));
      }
    }
    return out;
  }

  private static void pairQuotes(String text, int from, int to, List<RawQuote> raws,
      List<int[]> paragraphs) {
    int[] para = {from, to};
    int open = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean straight = c == '"';
      if (c == '“' || (straight && open < 0)) {
        if (open < 0) {
          open = i;
        }
      } else if (c == '”' || straight) {
        if (open >= 0) {
          raws.add(new RawQuote(open, i, false));
          paragraphs.add(para);
          open = -1;
        }
      }
    }
    if (open >= 0) {
      int end = to;
      while (end > open && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      raws.add(new RawQuote(open, end, true));
      paragraphs.add(para);
    }
  }

  /** Speaker named in the attribution after a closing quote, or null. */
  static String speakerAfter(String text, int from, int to) {
    List<Tok> toks = tokens(text, from, to, true);
    if (toks.isEmpty()) {
      return null;
    }
    int verb = -1;
    for (int i = 0; i < toks.size() && i <= 14; i++) {
      String w = toks.get(i).lower();
      if (w.equals(".") || w.equals("\"") || w.equals("?") || w.equals("!")) {
        break;
      }
      if (SPEECH_VERBS.contains(w)) {
        verb = i;
        break;
      }
    }
    if (verb < 0) {
      return null;
    }
    String verbWord = toks.get(verb).lower();
    if (verb == 0 || verbWord.equals("quoted") || verbWord.equals("according")) {
      int s = verb + 1;
      if (verbWord.equals("according") && s < toks.size() && toks.get(s).lower().equals("to")) {
        s++;
      }
      if (verbWord.equals("quoted") && verb > 0 && AUX.contains(toks.get(verb - 1).lower())) {
        // "X was quoted": the speaker is before the verb.
        return npBefore(text, toks, verb);
      }
      return npAfter(text, toks, s);
    }
    return npBefore(text, toks, verb);
  }

  private static String npAfter(String text, List<Tok> toks, int s) {
    int e = s;
    while (e < toks.size() && e - s < 7) {
      String w = toks.get(e).lower();
      if (!Character.isLetterOrDigit(w.charAt(0)) || NP_STOP.contains(w)) {
        break;
      }
      e++;
    }
    return e > s ? text.substring(toks.get(s).start(), toks.get(e - 1).end()) : null;
  }

  private static String npBefore(String text, List<Tok> toks, int verb) {
    int e = verb;
    while (e > 0 && AUX.contains(toks.get(e - 1).lower())) {
      e--;
    }
    // The speaker is the first phrase after the quote, before any appositive comma.
    int s = 0;
    int stop = e;
    for (int i = 0; i < e; i++) {
      if (toks.get(i).lower().equals(",")) {
        stop = i;
        break;
      }
    }
    if (stop == 0 || stop - s > 8) {
      return null;
    }
    for (int i = s; i < stop; i++) {
      if (!Character.isLetterOrDigit(toks.get(i).lower().charAt(0))) {
        return null;
      }
    }
    return text.substring(toks.get(s).start(), toks.get(stop - 1).end());
  }

  /** Speaker of a quote introduced before its opening mark ("Clinton said: "), or null. */
  static String speakerBefore(String text, int from, int to) {
    List<Tok> toks = tokens(text, from, to, true);
    int n = toks.size();
    // Allow ":" or "," and up to three words between verb and quote ("told reporters:").
    int end = n;
    if (end > 0 && (toks.get(end - 1).lower().equals(":") || toks.get(end - 1).lower().equals(","))) {
      end--;
    }
    int verb = -1;
    for (int i = end - 1; i >= 0 && i >= end - 4; i--) {
      if (SPEECH_VERBS.contains(toks.get(i).lower())) {
        verb = i;
        break;
      }
    }
    if (verb <= 0) {
      return null;
    }
    for (int i = verb + 1; i < end; i++) {
      if (!Character.isLetter(toks.get(i).lower().charAt(0)) || toks.get(i).lower().equals("that")) {
        return null;
      }
    }
    int e = verb;
    while (e > 0 && AUX.contains(toks.get(e - 1).lower())) {
      e--;
    }
    int s = e;
    while (s > 0 && e - s < 6) {
      String w = toks.get(s - 1).lower();
      if (!Character.isLetterOrDigit(w.charAt(0)) || NP_STOP.contains(w)) {
        break;
      }
      s--;
    }
    return s < e ? text.substring(toks.get(s).start(), toks.get(e - 1).end()) : null;
  }

  /**
   * The name in the last "Name said" or "said Name" before {@code before}: news writers use a
   * pronoun for the person whose words were reported just before.
   */
  static String lastNamedSpeaker(String text, int before) {
    List<Tok> toks = tokens(text, Math.max(0, before - 4000), before, true);
    for (int v = toks.size() - 1; v >= 0; v--) {
      if (!SPEECH_VERBS.contains(toks.get(v).lower()) || toks.get(v).lower().equals("according")) {
        continue;
      }
      int e = v;
      while (e > 0 && AUX.contains(toks.get(e - 1).lower())) {
        e--;
      }
      int s = e;
      while (s > 0 && e - s < 4 && isCapitalised(text, toks.get(s - 1))) {
        s--;
      }
      if (s < e && !PRONOUNS.contains(toks.get(e - 1).lower())) {
        return text.substring(toks.get(s).start(), toks.get(e - 1).end());
      }
      int a = v + 1;
      int b = a;
      while (b < toks.size() && b - a < 4 && isCapitalised(text, toks.get(b))) {
        b++;
      }
      if (b > a && !PRONOUNS.contains(toks.get(a).lower())) {
        return text.substring(toks.get(a).start(), toks.get(b - 1).end());
      }
    }
    return null;
  }

  private static boolean isCapitalised(String text, Tok t) {
    return Character.isUpperCase(text.charAt(t.start()));
  }

  /** Word and punctuation tokens of a range; words keep inner periods, apostrophes and hyphens. */
  private static List<Tok> tokens(String text, int from, int to, boolean punct) {
    List<Tok> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < to) {
          char d = text.charAt(j);
          if (Character.isLetterOrDigit(d)) {
            j++;
          } else if ((d == '.' || d == '\'' || d == '’' || d == '-') && j + 1 < to
              && Character.isLetterOrDigit(text.charAt(j + 1))) {
            j += 2;
          } else {
            break;
          }
        }
        // Keep the final period of an abbreviation such as "U.S." or "Mr." inside the word.
        if (j < to && text.charAt(j) == '.' && j - i <= 4 && j + 1 < to
            && Character.isWhitespace(text.charAt(j + 1)) && Character.isUpperCase(c)
            && text.substring(i, j).indexOf('.') >= 0) {
          j++;
        }
        out.add(new Tok(i, j, text.substring(i, j).toLowerCase(Locale.ROOT)));
        i = j;
      } else {
        if (punct) {
          String p = c == '“' || c == '”' ? "\"" : String.valueOf(c);
          out.add(new Tok(i, i + 1, p));
        }
        i++;
      }
    }
    return out;
  }

  private static int countWords(String text, int from, int to) {
    int words = 0;
    boolean in = false;
    for (int i = from; i < to; i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !in) {
        words++;
      }
      in = w;
    }
    return words;
  }
}
