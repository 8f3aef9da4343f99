package org.corroborate.facts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds where two statements of one fact disagree: a number, a date or a name.
 *
 * <p>Input: the texts of two aligned statements. Output: a short detail such as
 * {@code "number: 3 vs 5"}, {@code "date: Tuesday vs Wednesday"} or {@code "name: Olmert vs
 * Netanyahu"}, or null when they agree. To avoid flagging two different numbers that describe
 * different things ("3 killed, 15 injured"), a number conflicts only when it fills the same slot: the
 * two numbers share a neighbouring word ("killed 3" / "killed 5", "3 people" / "5 people") and
 * neither statement also mentions the other's number. Weekdays, months and years conflict when both
 * statements name one and they have none in common. A name conflicts when the same word introduces
 * different capitalised words ("Prime Minister Olmert" / "Prime Minister Netanyahu") that the other
 * statement never mentions. This is a rule-based slot comparison in the spirit of contradiction
 * detection by mismatched numbers and named entities (de Marneffe, Rafferty and Manning 2008).
 */
public final class ConflictDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
      Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
      Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
      Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("dozen", 12));

  private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday");
  private static final Set<String> MONTHS = Set.of("january", "february", "march", "april",
      "june", "july", "august", "september", "october", "november", "december");

  // Neighbours that say nothing about what a number counts.
  private static final Set<String> WEAK = new HashSet<>(Arrays.asList("the", "a", "an", "of",
      "in", "on", "at", "to", "and", "or", "by", "for", "with", "than", "about", "some", "least",
      "more", "over", "under", "nearly", "almost", "around", "was", "were", "is", "are", "be",
      "had", "has", "have", "from", "as", "after", "since", "per", "cent", "percent", "least",
      "it", "its", "their", "his", "her", "that", "who", "which", "said", "says", "were"));

  // Titles before a name; two different names after one title are two different people.
  private static final Set<String> TITLES = new HashSet<>(Arrays.asList("president", "minister",
      "secretary", "governor", "mayor", "chancellor", "king", "queen", "prince", "senator", "sen",
      "rep", "representative", "gen", "general", "judge", "justice", "coach", "ceo", "chairman",
      "director", "commissioner", "chief", "mr", "mrs", "ms", "dr", "pope", "ambassador",
      "spokesman", "spokeswoman", "spokesperson", "premier", "sheriff", "officer", "captain"));

  private record Word(String text, String lower, boolean capital, Long value) {}

  /**
   * A statement read once for conflict checks: its words with their numeric values, so that a
   * statement compared with many others of its fact group is tokenised only once.
   */
  public static final class Parsed {
    private final List<Word> words;
    private final Set<Long> values;
    private final Set<String> lowers;

    private Parsed(List<Word> words) {
      this.words = words;
      this.values = values(words);
      this.lowers = lowers(words);
    }
  }

  /** The statement {@code s} read for {@link #conflict(Parsed, Parsed)}. */
  public Parsed parse(String s) {
    return new Parsed(words(s));
  }

  /** Short description of the first disagreement of {@code a} and {@code b}, or null. */
  public String conflict(String a, String b) {
    return conflict(parse(a), parse(b));
  }

  /** Short description of the first disagreement of two parsed statements, or null. */
  public String conflict(Parsed a, Parsed b) {
    String d = numbers(a, b);
    if (d == null) {
      d = dates(a.words, b.words);
    }
    if (d == null) {
      d = names(a, b);
    }
    return d;
  }

  private static String numbers(Parsed a, Parsed b) {
    List<Word> wa = a.words;
    List<Word> wb = b.words;
    Set<Long> va = a.values;
    Set<Long> vb = b.values;
    if (va.isEmpty() || vb.isEmpty()) {
      return null;
    }
    for (int i = 0; i < wa.size(); i++) {
      Long x = wa.get(i).value();
      if (x == null || vb.contains(x) || isYear(x)) {
        continue;
      }
      for (int j = 0; j < wb.size(); j++) {
        Long y = wb.get(j).value();
        if (y == null || va.contains(y) || isYear(y)) {
          continue;
        }
        if (sameNeighbour(wa, i, wb, j)) {
          return "number: " + wa.get(i).text() + " vs " + wb.get(j).text();
        }
      }
    }
    return null;
  }

  private static boolean sameNeighbour(List<Word> wa, int i, List<Word> wb, int j) {
    Set<String> na = neighbours(wa, i);
    for (String w : neighbours(wb, j)) {
      if (na.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> neighbours(List<Word> ws, int i) {
    Set<String> out = new HashSet<>();
    // Nearest non-weak word on each side, within two words.
    for (int k = i - 1; k >= Math.max(0, i - 2); k--) {
      String w = ws.get(k).lower();
      if (!WEAK.contains(w) && ws.get(k).value() == null) {
        out.add(Terms.stem(w));
        break;
      }
    }
    for (int k = i + 1; k <= Math.min(ws.size() - 1, i + 2); k++) {
      String w = ws.get(k).lower();
      if (!WEAK.contains(w) && ws.get(k).value() == null) {
        out.add(Terms.stem(w));
        break;
      }
    }
    return out;
  }

  private static String dates(List<Word> wa, List<Word> wb) {
    for (Set<String> names : List.of(WEEKDAYS, MONTHS)) {
      String d = disjoint(named(wa, names), named(wb, names));
      if (d != null) {
        return "date: " + d;
      }
    }
    Set<String> ya = new HashSet<>();
    Set<String> yb = new HashSet<>();
    for (Word w : wa) {
      Long v = w.value();
      if (v != null && isYear(v)) {
        ya.add(w.text());
      }
    }
    for (Word w : wb) {
      Long v = w.value();
      if (v != null && isYear(v)) {
        yb.add(w.text());
      }
    }
    String d = disjoint(new ArrayList<>(ya), new ArrayList<>(yb));
    return d == null ? null : "date: " + d;
  }

  private static List<String> named(List<Word> ws, Set<String> names) {
    List<String> out = new ArrayList<>();
    for (Word w : ws) {
      if (w.capital() && names.contains(w.lower()) && !out.contains(w.text())) {
        out.add(w.text());
      }
    }
    return out;
  }

  private static String disjoint(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    for (String x : a) {
      if (b.contains(x)) {
        return null;
      }
    }
    return a.get(0) + " vs " + b.get(0);
  }

  private static String names(Parsed a, Parsed b) {
    List<Word> wa = a.words;
    List<Word> wb = b.words;
    Set<String> la = a.lowers;
    Set<String> lb = b.lowers;
    for (int i = 1; i < wa.size(); i++) {
      Word x = wa.get(i);
      if (!x.capital() || lb.contains(x.lower()) || WEAK.contains(x.lower())) {
        continue;
      }
      String before = wa.get(i - 1).lower();
      if (!TITLES.contains(before)) {
        continue; // only a title fixes the role a name fills: "Minister", "President"
      }
      for (int j = 1; j < wb.size(); j++) {
        Word y = wb.get(j);
        if (y.capital() && wb.get(j - 1).lower().equals(before) && !la.contains(y.lower())
            && !WEAK.contains(y.lower()) && y.value() == null && x.value() == null
            && !(j + 1 < wb.size() && wb.get(j + 1).capital() && la.contains(wb.get(j + 1).lower()))
            && !(i + 1 < wa.size() && wa.get(i + 1).capital() && lb.contains(wa.get(i + 1).lower()))) {
          return "name: " + x.text() + " vs " + y.text();
        }
      }
    }
    return null;
  }

  private static Set<String> lowers(List<Word> ws) {
    Set<String> out = new HashSet<>();
    for (Word w : ws) {
      out.add(w.lower());
    }
    return out;
  }

  private static Set<Long> values(List<Word> ws) {
    Set<Long> out = new HashSet<>();
    for (Word w : ws) {
      Long v = w.value();
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  private static boolean isYear(long v) {
    return v >= 1900 && v <= 2100;
  }

  /** Numeric value of a word, or null. */
  static Long value(String lower) {
    Integer word = NUMBER_WORDS.get(lower);
    if (word != null) {
      return (long) word;
    }
    if (lower.isEmpty() || lower.length() > 15) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == ',') {
        continue;
      }
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static List<Word> words(String s) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n) {
        char d = s.charAt(j);
        if (Character.isLetterOrDigit(d)) {
          j++;
        } else if (d == ',' && j + 1 < n && Character.isDigit(s.charAt(j + 1))
            && Character.isDigit(s.charAt(j - 1))) {
          j++;
        } else if ((d == '\'' || d == '’') && j + 1 < n && Character.isLetter(s.charAt(j + 1))) {
          break; // possessive: keep the stem only
        } else {
          break;
        }
      }
      String text = s.substring(i, j);
      // The first word of a sentence is capitalised by grammar, not because it is a name.
      boolean capital = Character.isUpperCase(c) && !out.isEmpty();
      String lower = text.toLowerCase(Locale.ROOT);
      out.add(new Word(text, lower, capital, value(lower)));
      i = j;
      while (i < n && Character.isLetter(s.charAt(i))) {
        i++;
      }
    }
    return out;
  }
}
