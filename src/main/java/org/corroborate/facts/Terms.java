package org.corroborate.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.corroborate.text.Chars;

/**
 * Content terms of a statement: lower-cased words without stop words, lightly stemmed so that
 * rewordings of one fact meet ("met" / "meeting" / "meets", "killed" / "killing").
 *
 * <p>Hand-written character scanning instead of regular expressions because this runs for every
 * sentence of every article. Hyphenated words are split ("long-term" = "long term"); abbreviations
 * with periods are joined ("U.S." = "US"), and an all-capital word is never taken for a stop word,
 * so "US" survives while "us" does not. The stemmer is a light suffix stripper in the spirit of
 * Porter (1980) plus a table of irregular verbs common in news.
 */
final class Terms {
  private Terms() {}

  static final Set<String> STOP_WORDS = Set.copyOf(Arrays.asList(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
      "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
      "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
      "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
      "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
      "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
      "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
      "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
      "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
      "said", "says", "say", "saying", "told", "tells", "according", "mr", "mrs", "ms", "may",
      "might", "must", "shall", "us", "s", "t", "don", "didn", "doesn", "won", "wouldn", "isn",
      "aren", "wasn", "weren", "hasn", "haven", "hadn", "can't", "don't", "won't", "it's",
      "i'm", "that's", "he's", "she's", "they're", "we're", "you're", "there's", "let", "per",
      "yet", "still", "even", "much", "many", "well", "via", "since", "though", "although",
      "however", "whether", "upon", "among", "across", "around", "within", "without", "toward",
      "towards", "onto", "unto", "amid", "including", "like", "one's", "ago", "yesterday", "today",
      "tomorrow", "another", "every", "several", "others", "anyone", "something", "nothing",
      "went", "get", "got", "go", "going", "gone", "make", "made", "take", "took", "taken", "come",
      "came", "new", "one", "two", "first", "last", "way", "time", "year", "years", "day", "days",
      "week", "also", "told", "report", "reports", "reported", "according"));

  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("met", "meet"), Map.entry("meets", "meet"), Map.entry("fled", "flee"),
      Map.entry("struck", "strike"), Map.entry("won", "win"), Map.entry("lost", "lose"),
      Map.entry("fell", "fall"), Map.entry("fallen", "fall"), Map.entry("began", "begin"),
      Map.entry("begun", "begin"), Map.entry("left", "leave"), Map.entry("held", "hold"),
      Map.entry("found", "find"), Map.entry("sent", "send"), Map.entry("shot", "shoot"),
      Map.entry("stole", "steal"), Map.entry("stolen", "steal"), Map.entry("ran", "run"),
      Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("brought", "bring"),
      Map.entry("caught", "catch"), Map.entry("bought", "buy"), Map.entry("sold", "sell"),
      Map.entry("dead", "die"), Map.entry("died", "die"), Map.entry("dies", "die"),
      Map.entry("dying", "die"), Map.entry("death", "die"), Map.entry("deaths", "die"),
      Map.entry("wrote", "write"), Map.entry("written", "write"), Map.entry("spoke", "speak"),
      Map.entry("spoken", "speak"), Map.entry("chose", "choose"), Map.entry("chosen", "choose"),
      Map.entry("hired", "hire"), Map.entry("fired", "fire"), Map.entry("arrested", "arrest"),
      Map.entry("beat", "beat"), Map.entry("beaten", "beat"), Map.entry("hit", "hit"),
      Map.entry("quit", "quit"), Map.entry("led", "lead"), Map.entry("paid", "pay"),
      Map.entry("built", "build"), Map.entry("drove", "drive"), Map.entry("driven", "drive"),
      Map.entry("flew", "fly"), Map.entry("flown", "fly"), Map.entry("knew", "know"),
      Map.entry("known", "know"), Map.entry("saw", "see"), Map.entry("seen", "see"),
      Map.entry("thought", "think"), Map.entry("felt", "feel"), Map.entry("kept", "keep"),
      Map.entry("rose", "rise"), Map.entry("risen", "rise"), Map.entry("sank", "sink"),
      Map.entry("sunk", "sink"), Map.entry("shook", "shake"), Map.entry("shaken", "shake"),
      Map.entry("swore", "swear"), Map.entry("sworn", "swear"), Map.entry("wounded", "wound"),
      Map.entry("injured", "injure"), Map.entry("injuries", "injure"), Map.entry("injury", "injure"));

  /** Term flag: written with a capital initial inside a sentence (evidence of a name). */
  static final int CAPITALISED = 1;
  /** Term flag: written in lower case (evidence of a common word). */
  static final int LOWER = 2;
  /** Term flag: an acronym or a number. */
  static final int CODE = 8;

  /** Content terms of {@code text[from, to)} in order (duplicates kept). */
  static List<String> of(String text, int from, int to) {
    return of(text, from, to, null);
  }

  /**
   * Content terms of {@code text[from, to)} in order (duplicates kept); when {@code flags} is not
   * null, adds one set of {@code CAPITALISED | LOWER | CODE} flags per term. In a
   * headline-style statement where most words are capitalised, capitals say nothing and neither
   * {@code CAPITALISED} nor {@code LOWER} is set.
   */
  static List<String> of(String text, int from, int to, List<Integer> flags) {
    List<String> out = new ArrayList<>();
    int words = 0;
    int capitals = 0;
    boolean initial = true;
    StringBuilder word = new StringBuilder(16);
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (!Chars.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      word.setLength(0);
      boolean allUpper = true;
      boolean dotted = false;
      int letters = 0;
      int j = i;
      while (j < to) {
        char d = text.charAt(j);
        if (Chars.isLetterOrDigit(d)) {
          word.append(Chars.toLowerCase(d));
          if (Character.isLetter(d)) {
            letters++;
            allUpper &= Character.isUpperCase(d);
          }
          j++;
        } else if (d == '.' && j + 1 < to && Character.isLetter(text.charAt(j + 1))
            && j > i && Character.isUpperCase(text.charAt(j - 1))
            && Character.isUpperCase(text.charAt(j + 1))) {
          dotted = true; // U.S., U.N.
          j++;
        } else if ((d == '\'' || d == '’') && j + 1 < to && Character.isLetter(text.charAt(j + 1))) {
          // Possessive 's and n't are dropped; other contractions stay one word.
          int k = j + 1;
          while (k < to && Character.isLetter(text.charAt(k))) {
            k++;
          }
          j = k;
          break;
        } else if (d == ',' && j + 1 < to && Character.isDigit(text.charAt(j + 1)) && j > i
            && Character.isDigit(text.charAt(j - 1))) {
          j++; // 1,000
        } else {
          break;
        }
      }
      boolean first = initial;
      initial = false;
      boolean capital = Character.isUpperCase(text.charAt(i));
      if (letters > 0) {
        words++;
        if (capital) {
          capitals++;
        }
      }
      i = j;
      String w = word.toString();
      boolean acronym = (allUpper && letters >= 2) || dotted;
      if (!acronym && (STOP_WORDS.contains(w) || (letters == 1 && w.length() == 1))) {
        continue;
      }
      out.add(acronym ? w : stem(w));
      if (flags != null) {
        int f = 0;
        if (acronym || letters == 0) {
          f |= CODE;
        } else if (capital) {
          f |= first ? 0 : CAPITALISED;
        } else {
          f |= LOWER;
        }
        flags.add(f);
      }
    }
    if (flags != null && words >= 3 && capitals * 2 > words) {
      for (int k = 0; k < flags.size(); k++) {
        flags.set(k, flags.get(k) & ~(CAPITALISED | LOWER));
      }
    }
    return out;
  }

  /** Light stem of a lower-case word. */
  static String stem(String w) {
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    int n = w.length();
    if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
      return w;
    }
    String s = w;
    if (s.endsWith("ies") && n > 4) {
      s = s.substring(0, n - 3) + "y";
    } else if (s.endsWith("ied") && n > 4) {
      s = s.substring(0, n - 3) + "y";
    } else if (s.endsWith("sses")) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("ing") && n > 5) {
      s = undouble(s.substring(0, n - 3));
    } else if (s.endsWith("ed") && n > 4) {
      s = undouble(s.substring(0, n - 2));
    } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
      s = s.substring(0, n - 1);
    }
    if (s.length() > 4 && s.endsWith("e")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String undouble(String s) {
    int n = s.length();
    if (n >= 3 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0) {
      return s.substring(0, n - 1);
    }
    return s;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
