package org.corroborate.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermVocabularyTest {
  @Test
  void packSortsAndDropsRepeats() {
    assertArrayEquals(new long[] {-7, 3, 12}, TermVocabulary.unpack(TermVocabulary.pack(List.of(12L, 3L, -7L, 3L))));
    assertArrayEquals(new long[0], TermVocabulary.unpack(TermVocabulary.pack(List.of())));
  }

  @Test
  void indicesAreThePositionsOfTheArticleTermsInTheVocabulary() {
    TermVocabulary vocabulary = new TermVocabulary(new long[] {-20, -4, 0, 8, 15, 90});
    // -30 and 9 and 100 are not in the vocabulary (terms of one article only).
    byte[] article = TermVocabulary.pack(List.of(100L, -30L, -4L, 8L, 9L, 90L));
    assertArrayEquals(new int[] {1, 3, 5}, vocabulary.indices(article));
    assertArrayEquals(new int[0], vocabulary.indices(TermVocabulary.pack(List.of(1L, 2L))));
    assertEquals(3, vocabulary.indexOf(8));
    assertTrue(vocabulary.indexOf(9) < 0);
    assertEquals(90, vocabulary.term(5));
  }

  @Test
  void findsTermsAcrossTheWholeHashRangeInLargeVocabularies() {
    java.util.Random random = new java.util.Random(3);
    java.util.TreeSet<Long> hashes = new java.util.TreeSet<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, 1L));
    while (hashes.size() < 50_000) {
      hashes.add(random.nextLong());
    }
    long[] terms = hashes.stream().mapToLong(Long::longValue).toArray();
    TermVocabulary vocabulary = new TermVocabulary(terms);
    for (int i = 0; i < terms.length; i++) {
      assertEquals(i, vocabulary.indexOf(terms[i]));
    }
    java.util.List<Long> article = new java.util.ArrayList<>();
    java.util.List<Integer> expected = new java.util.ArrayList<>();
    for (int k = 0; k < 2_000; k++) {
      long other = random.nextLong();
      assertEquals(java.util.Arrays.binarySearch(terms, other) >= 0, vocabulary.indexOf(other) >= 0);
      if (!hashes.contains(other)) {
        article.add(other);
      }
      int at = random.nextInt(terms.length);
      if (!article.contains(terms[at])) {
        article.add(terms[at]);
        expected.add(at);
      }
    }
    java.util.Collections.sort(expected);
    assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
        vocabulary.indices(TermVocabulary.pack(article)));
  }

  @Test
  void namesAreTheirOwnKindOfTerm() {
    long word = TermVocabulary.word("chile");
    long name = TermVocabulary.name("chile");
    assertNotEquals(word, name);
    assertTrue(TermVocabulary.isName(name));
    assertFalse(TermVocabulary.isName(word));
    long[] sorted = word < name ? new long[] {word, name} : new long[] {name, word};
    boolean[] names = new TermVocabulary(sorted).names();
    assertEquals(word < name, names[1]);
    assertEquals(word > name, names[0]);
  }

  @Test
  void rejectsAnUnsortedVocabulary() {
    assertThrows(IllegalArgumentException.class, () -> new TermVocabulary(new long[] {2, 1}));
    assertThrows(IllegalArgumentException.class, () -> new TermVocabulary(new long[] {1, 1}));
  }
}
