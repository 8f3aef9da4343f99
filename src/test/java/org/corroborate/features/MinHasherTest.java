package org.corroborate.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHasherTest {
  private final MinHasher hasher = new MinHasher(5, 40, 2);

  private static List<String> words(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add("w" + i);
    }
    return out;
  }

  @Test
  void estimatesJaccardSimilarityOfShingleSets() {
    // Words 0..399 vs 100..499: shingle sets of 396 each share 296, Jaccard 296 / 496 = 0.597.
    long[] a = hasher.shingles(words(0, 400));
    long[] b = hasher.shingles(words(100, 500));
    assertEquals(396, a.length);
    double j = MinHasher.jaccard(hasher.signature(a), hasher.signature(b));
    assertEquals(296.0 / 496, j, 0.12);
  }

  @Test
  void seesATrimmedCopyAsContainedInItsOriginal() {
    // The first 200 words of a 400-word text: 196 of 196 shingles lie in the original's 396.
    long[] original = hasher.shingles(words(0, 400));
    long[] trimmed = hasher.shingles(words(0, 200));
    double j = MinHasher.jaccard(hasher.signature(original), hasher.signature(trimmed));
    assertEquals(196.0 / 396, j, 0.12);
    assertTrue(MinHasher.containment(j, original.length, trimmed.length) > 0.8);
  }

  @Test
  void givesEqualSignaturesAndBandKeysToEqualTexts() {
    int[] a = hasher.signature(hasher.shingles(words(0, 50)));
    int[] b = hasher.signature(hasher.shingles(words(0, 50)));
    assertEquals(1.0, MinHasher.jaccard(a, b));
    assertEquals(List.of(toList(hasher.bandKeys(a))), List.of(toList(hasher.bandKeys(b))));
  }

  @Test
  void shinglesAShortTextAsAWhole() {
    assertEquals(1, hasher.shingles(List.of("breaking", "news")).length);
    assertEquals(0, hasher.shingles(List.of()).length);
  }

  private static List<Long> toList(long[] values) {
    List<Long> out = new ArrayList<>();
    for (long v : values) {
      out.add(v);
    }
    return out;
  }
}
