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
  void estimatesAreUnbiasedWithTheSpreadOfIndependentSamples() {
    // Shingle sets of 300 with a known Jaccard similarity: the mean of 200 estimates lies within
    // 4 standard errors of it, and their variance is that of 80 independent draws, J (1 - J) / 80,
    // within a factor of 1.5: the hash functions behave as random ones.
    java.util.Random random = new java.util.Random(17);
    for (int shared : new int[] {100, 200, 270}) {
      int size = 300;
      double jaccard = (double) shared / (2 * size - shared);
      double sum = 0;
      double squares = 0;
      int trials = 200;
      for (int t = 0; t < trials; t++) {
        long[] a = new long[size];
        long[] b = new long[size];
        for (int i = 0; i < size; i++) {
          a[i] = random.nextLong();
          b[i] = i < shared ? a[i] : random.nextLong();
        }
        double j = MinHasher.jaccard(hasher.signature(a), hasher.signature(b));
        sum += j;
        squares += (j - jaccard) * (j - jaccard);
      }
      double expectedVariance = jaccard * (1 - jaccard) / 80;
      assertEquals(jaccard, sum / trials, 4 * Math.sqrt(expectedVariance / trials), "mean at J = " + jaccard);
      double variance = squares / trials;
      assertTrue(variance < 1.5 * expectedVariance && variance > expectedVariance / 1.5,
          "variance " + variance + " at J = " + jaccard + ", expected " + expectedVariance);
    }
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
