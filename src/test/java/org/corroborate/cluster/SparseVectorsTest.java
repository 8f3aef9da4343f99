package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.corroborate.features.SalientTerms;
import org.junit.jupiter.api.Test;

class SparseVectorsTest {
  @Test
  void dotSumsProductsOfSharedTermsWhateverTheirStoredOrder() {
    byte[] a = pack(List.of(9, 2, 5), List.of(0.5f, 0.25f, 2f));
    byte[] b = pack(List.of(5, 7, 9), List.of(3f, 1f, 4f));
    assertEquals(2.0 * 3.0 + 0.5 * 4.0, SparseVectors.dot(a, b), 1e-9);
    assertEquals(SparseVectors.dot(a, b), SparseVectors.dot(b, a));
  }

  @Test
  void vectorsWithoutSharedTermsHaveDotZero() {
    byte[] a = pack(List.of(1, 3), List.of(1f, 1f));
    byte[] b = pack(List.of(2, 4), List.of(1f, 1f));
    assertEquals(0.0, SparseVectors.dot(a, b));
    assertEquals(0.0, SparseVectors.dot(a, pack(List.of(), List.of())));
  }

  @Test
  void aVectorPreparedForManyPartnersScoresExactlyAsTheMerge() {
    Random random = new Random(7);
    List<byte[]> vectors = new ArrayList<>();
    for (int v = 0; v < 60; v++) {
      // Terms from a small range, so that vectors share many; sizes from empty to past a table's doubling.
      int size = v == 0 ? 0 : 1 + random.nextInt(v < 30 ? 12 : 140);
      TreeSet<Integer> terms = new TreeSet<>();
      while (terms.size() < size) {
        terms.add(random.nextInt(v % 2 == 0 ? 300 : Integer.MAX_VALUE));
      }
      List<Integer> shuffled = new ArrayList<>(terms);
      java.util.Collections.shuffle(shuffled, random);
      List<Float> weights = new ArrayList<>();
      for (int i = 0; i < shuffled.size(); i++) {
        weights.add(random.nextFloat());
      }
      vectors.add(pack(shuffled, weights));
    }
    int shared = 0;
    for (byte[] a : vectors) {
      WaveScoring.Scorer prepared = SparseVectors.DOT.against(a);
      for (byte[] b : vectors) {
        double merged = SparseVectors.dot(a, b);
        assertEquals(merged, prepared.score(b), 0.0);
        assertEquals(merged, SparseVectors.DOT.score(a, b), 0.0);
        shared += merged > 0 ? 1 : 0;
      }
    }
    // Most pairs of the small-range vectors share terms, so the lookups were put to the test.
    assertTrue(shared > 400, "pairs with shared terms: " + shared);
  }

  /** The vector of {@code terms} with {@code weights}, as the stories read it from the salient terms. */
  private static byte[] pack(List<Integer> terms, List<Float> weights) {
    int[] t = new int[terms.size()];
    float[] w = new float[weights.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = terms.get(i);
      w[i] = weights.get(i);
    }
    return SparseVectors.pack(SalientTerms.pack(t, w));
  }
}
