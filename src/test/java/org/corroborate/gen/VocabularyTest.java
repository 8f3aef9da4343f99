package org.corroborate.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.corroborate.gen.Vocabulary.WordClass;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  @Test
  void sameSeedSpellsTheSameWordsAndAnotherSeedOthers() {
    Vocabulary a = new Vocabulary(42);
    Vocabulary b = new Vocabulary(42);
    Vocabulary c = new Vocabulary(43);
    int differ = 0;
    for (WordClass wordClass : WordClass.values()) {
      for (long rank : new long[] {1, 2, 100, 4096, 4097, 10_000, wordClass.support}) {
        if (rank > wordClass.support) {
          continue;
        }
        assertEquals(a.word(wordClass, rank), b.word(wordClass, rank), wordClass + " " + rank);
        if (!a.word(wordClass, rank).equals(c.word(wordClass, rank))) {
          differ++;
        }
      }
    }
    assertTrue(differ > 40, "words that depend on the seed: " + differ);
  }

  @Test
  void spellsPronounceableWordsAndCapitalisedNames() {
    Vocabulary vocabulary = new Vocabulary(7);
    for (WordClass wordClass : WordClass.values()) {
      boolean name = wordClass.ordinal() >= WordClass.GIVEN.ordinal();
      for (long rank = 1; rank <= Math.min(20_000, wordClass.support); rank += 7) {
        String word = vocabulary.word(wordClass, rank);
        assertTrue(word.matches("[A-Za-z]{2,24}"), wordClass + " " + rank + ": " + word);
        assertTrue(word.toLowerCase().matches(".*[aeiou].*"), "no vowel: " + word);
        assertTrue(!word.toLowerCase().matches(".*[^aeiou]{4}.*"), "four consonants in a row: " + word);
        assertEquals(name, Character.isUpperCase(word.charAt(0)), wordClass + ": " + word);
      }
    }
    assertTrue(vocabulary.word(WordClass.VERB, 123_456).endsWith("ed"));
    assertTrue(vocabulary.word(WordClass.ADVERB, 12_345).endsWith("ly"));
  }

  @Test
  void frequentWordsAreShortAndRanksHaveDistinctSpellings() {
    Vocabulary vocabulary = new Vocabulary(1);
    Set<String> spellings = new HashSet<>();
    double headLength = 0;
    double tailLength = 0;
    for (long rank = 1; rank <= 100; rank++) {
      headLength += vocabulary.word(WordClass.NOUN, rank).length();
      tailLength += vocabulary.word(WordClass.NOUN, 1_000_000 + rank).length();
    }
    assertTrue(headLength < tailLength, "head " + headLength + " tail " + tailLength);
    for (long rank = 20_001; rank <= 40_000; rank++) {
      spellings.add(vocabulary.word(WordClass.NOUN, rank));
    }
    assertTrue(spellings.size() > 19_000, "distinct spellings of 20,000 tail ranks: " + spellings.size());
  }

  @Test
  void drawsRanksWithPowerLawFrequencies() {
    SplittableRandom random = new SplittableRandom(5);
    Map<Long, Integer> counts = new HashMap<>();
    int draws = 400_000;
    long above10k = 0;
    for (int i = 0; i < draws; i++) {
      long rank = Vocabulary.zipfRank(random, 1_000_000, 1.0);
      assertTrue(rank >= 1 && rank <= 1_000_000, "rank " + rank);
      counts.merge(rank, 1, Integer::sum);
      if (rank > 10_000) {
        above10k++;
      }
    }
    // p(r) ~ 1/r: rank 1 about twice rank 2 and ten times rank 10 (continuous approximation: a
    // rank holds the mass of [r, r+1), so ln 2 / ln(1.1) = 7.3 for ranks 1 and 10).
    double oneToTwo = counts.get(1L) / (double) counts.get(2L);
    double oneToTen = counts.get(1L) / (double) counts.get(10L);
    assertEquals(Math.log(2) / Math.log(1.5), oneToTwo, 0.15, "rank 1 / rank 2");
    assertEquals(Math.log(2) / Math.log(1.1), oneToTen, 0.8, "rank 1 / rank 10");
    // A third of the mass of 1/r on [1, 1e6] lies beyond rank 10,000: the long tail.
    assertEquals(1.0 / 3, above10k / (double) draws, 0.01);
    assertTrue(counts.size() > 100_000, "distinct ranks in 400,000 draws: " + counts.size());
  }

  @Test
  void rejectsRanksOutsideTheClass() {
    Vocabulary vocabulary = new Vocabulary(1);
    assertThrows(IllegalArgumentException.class, () -> vocabulary.word(WordClass.NOUN, 0));
    assertThrows(IllegalArgumentException.class,
        () -> vocabulary.word(WordClass.COUNTRY, WordClass.COUNTRY.support + 1));
    assertNotEquals(vocabulary.word(WordClass.SURNAME, 5), vocabulary.word(WordClass.PLACE, 5));
  }
}
