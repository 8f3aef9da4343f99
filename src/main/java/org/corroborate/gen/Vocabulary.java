package org.corroborate.gen;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded synthetic vocabulary: pronounceable words and names built from syllables, one per rank
 * of each word class, drawn with Zipf-like frequencies.
 *
 * <p>Why: real news of 100,000 articles has hundreds of thousands of distinct terms, most of them
 * rare (names, places, numbers, unusual words), with a Zipfian rank-frequency curve. A few thousand
 * hand-written words cannot give that. Here the word of rank {@code r} of a class is a pure function
 * of the seed, the class and {@code r} (a hash spelled out as syllables), so the vocabulary is
 * unbounded, costs no memory and no resource file, and grows with the corpus the way real
 * vocabulary does (Heaps' law). Ranks are drawn from a continuous power law {@code p(r) ~ r^-s} on
 * {@code [1, support]}.
 *
 * <p>Classes: nouns, adjectives (-al, -ic, -ous ...), past-tense verbs (-ed), adverbs (-ly), given
 * names, surnames, places, countries, and organisation stems. Each class has its own support and
 * exponent (see {@link WordClass}); the most frequent ranks are short words, the tail longer ones.
 */
final class Vocabulary {

  /** A word class: how many distinct words it has and how skewed its frequencies are. */
  enum WordClass {
    NOUN(3_000_000, 1.5, 100, "", "", "", "", "", "", "", "er", "ment", "ion", "ance", "ity", "age", "ism", "ure"),
    ADJECTIVE(600_000, 1.5, 60, "al", "ic", "ous", "ive", "ary", "ent", "ish", "ian", "ile"),
    VERB(600_000, 1.5, 60, "ed", "ed", "ed", "ed", "ened", "ified", "ated"),
    ADVERB(100_000, 1.25, 10, "ally", "ily", "ously", "ly"),
    GIVEN(60_000, 1.2, 8, "a", "o", "el", "ine", "an", "ia", "us", "i", "", "", "en", "ette"),
    SURNAME(3_000_000, 1.5, 30, "son", "ez", "ova", "ski", "er", "man", "elli", "ou", "ard", "ic", "",
        "", "", "berg", "ani", "oglu", "sen"),
    PLACE(2_000_000, 1.5, 30, "ton", "ville", "burg", "abad", "pur", "stad", "holm", "ford", "mouth",
        "a", "grad", "field", "", "", "bridge", "haven", "ia", "dale"),
    COUNTRY(160, 0.6, 3, "ia", "land", "stan", "ea", "ar", "onia", "ria", "ovia", "esh", "ay"),
    ORG(500_000, 1.35, 20, "ex", "ora", "ia", "on", "tek", "ica", "ant", "ium", "ara", "o", "", "");

    final long support;
    final double exponent;
    /** The Zipf-Mandelbrot offset: flattens the head, as these classes lack the function words. */
    final double offset;
    final String[] suffixes;

    WordClass(long support, double exponent, double offset, String... suffixes) {
      this.support = support;
      this.exponent = exponent;
      this.offset = offset;
      this.suffixes = suffixes;
    }
  }

  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
    "br", "cr", "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl", "gl", "pl", "sl", "st", "sh", "ch",
    "th", "sk", "sp", "qu", "", "", "m", "l", "r", "n", "d", "k", "t", "s"
  };
  private static final String[] NUCLEI = {
    "a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "e", "i", "o", "u", "a", "e", "ai", "ea", "ou",
    "oa", "ee"
  };
  private static final String[] CODAS = {
    "", "", "", "", "", "n", "r", "l", "s", "m", "t", "nd", "rk", "st", "ck", "ng", "x", "rt", "ld"
  };

  /** Precomputed words of the most frequent ranks of each class; the tail is spelled on demand. */
  private static final int CACHED = 4096;

  private final long seed;
  private final String[][] cache = new String[WordClass.values().length][];

  Vocabulary(long seed) {
    this.seed = seed;
    for (WordClass c : WordClass.values()) {
      int n = (int) Math.min(CACHED, c.support);
      String[] words = new String[n];
      for (int r = 1; r <= n; r++) {
        words[r - 1] = spell(c, r);
      }
      cache[c.ordinal()] = words;
    }
  }

  /** Returns the word of {@code rank} (1 = most frequent) of class {@code c}. */
  String word(WordClass c, long rank) {
    if (rank < 1 || rank > c.support) {
      throw new IllegalArgumentException("rank " + rank + " outside 1.." + c.support + " of " + c);
    }
    String[] cached = cache[c.ordinal()];
    return rank <= cached.length ? cached[(int) rank - 1] : spell(c, rank);
  }

  /** Returns a word of class {@code c} drawn with Zipf frequencies. */
  String draw(WordClass c, SplittableRandom random) {
    return word(c, zipfRank(random, c.support, c.exponent, c.offset));
  }

  /** Returns a word of class {@code c} whose rank is at least {@code minRank}: a less common word. */
  String drawRarer(WordClass c, long minRank, SplittableRandom random) {
    // The same law restricted to ranks >= minRank: shift the offset rather than the curve.
    long rank = zipfRank(random, c.support - minRank + 1, c.exponent, c.offset + minRank - 1) + minRank - 1;
    return word(c, rank);
  }

  /** Returns "Given Surname". */
  String person(SplittableRandom random) {
    return draw(WordClass.GIVEN, random) + " " + draw(WordClass.SURNAME, random);
  }

  /** Returns a rank in {@code [1, n]} with {@code p(r) ~ r^-s}; see {@link #zipfRank(SplittableRandom, long, double, double)}. */
  static long zipfRank(SplittableRandom random, long n, double s) {
    return zipfRank(random, n, s, 0);
  }

  /**
   * Returns a rank in {@code [1, n]} drawn from the continuous power law {@code p(x) ~ (x + q)^-s}
   * on {@code [1, n + 1)}, floored: the usual fast approximation of a Zipf-Mandelbrot draw (one
   * {@code pow} per draw, no tables). The offset {@code q >= 0} flattens the head.
   */
  static long zipfRank(SplittableRandom random, long n, double s, double q) {
    double u = random.nextDouble();
    double lo = 1 + q;
    double hi = n + 1.0 + q;
    double x;
    if (Math.abs(s - 1) < 1e-9) {
      x = lo * Math.exp(u * Math.log(hi / lo));
    } else {
      double a = 1 - s;
      double low = Math.pow(lo, a);
      x = Math.pow(low + (Math.pow(hi, a) - low) * u, 1 / a);
    }
    return Math.max(1, Math.min(n, (long) (x - q)));
  }

  private String spell(WordClass c, long rank) {
    long h = mix(seed * 0x9E3779B97F4A7C15L + (c.ordinal() + 1) * 0xC2B2AE3D27D4EB4FL + rank);
    // Frequent words are short, rare words longer, as in real language.
    int syllables = rank <= 150 ? 1 : rank <= 20_000 ? 1 + (int) ((h & 7) == 0 ? 0 : 1)
        : 2 + (int) ((h & 3) == 0 ? 1 : 0);
    if (c == WordClass.COUNTRY || c == WordClass.GIVEN) {
      syllables = 1 + (int) ((h & 3) == 0 ? 0 : 1);
    }
    StringBuilder out = new StringBuilder(16);
    for (int s = 0; s < syllables; s++) {
      h = mix(h + s + 1);
      String onset = ONSETS[(int) ((h >>> 8) % ONSETS.length)];
      if (s > 0 && onset.isEmpty()) {
        onset = "l";
      }
      out.append(onset).append(NUCLEI[(int) ((h >>> 24) % NUCLEI.length)]);
      // Closed syllables inside the word only now and then, so words stay pronounceable.
      if (s == syllables - 1 || ((h >>> 40) & 3) == 0) {
        String coda = CODAS[(int) ((h >>> 44) % CODAS.length)];
        if (s < syllables - 1 && coda.length() > 1) {
          coda = coda.substring(0, 1);
        }
        out.append(coda);
      }
    }
    h = mix(h ^ rank);
    String suffix = c.suffixes[(int) ((h >>> 16) % c.suffixes.length)];
    int length = out.length();
    if (!suffix.isEmpty() && length > 2 && isVowel(suffix.charAt(0)) == isVowel(out.charAt(length - 1))
        && (isVowel(suffix.charAt(0)) || !isVowel(out.charAt(length - 2)))) {
      // No vowel pile-ups and no long consonant clusters where stem and suffix meet.
      out.setLength(length - 1);
    }
    out.append(suffix);
    if (out.length() < 2) {
      out.append('n');
    }
    if (c != WordClass.NOUN && c != WordClass.ADJECTIVE && c != WordClass.VERB && c != WordClass.ADVERB) {
      out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** The finaliser of SplitMix64: a strong 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Vocabulary(seed %d)", seed);
  }
}
