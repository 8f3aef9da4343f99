package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparseVectorsTest {
  @Test
  void dotSumsProductsOfSharedTermsWhateverTheirStoredOrder() {
    byte[] a = SparseVectors.pack(List.of(9, 2, 5), List.of(0.5f, 0.25f, 2f));
    byte[] b = SparseVectors.pack(List.of(5, 7, 9), List.of(3f, 1f, 4f));
    assertEquals(2.0 * 3.0 + 0.5 * 4.0, SparseVectors.dot(a, b), 1e-9);
    assertEquals(SparseVectors.dot(a, b), SparseVectors.dot(b, a));
  }

  @Test
  void vectorsWithoutSharedTermsHaveDotZero() {
    byte[] a = SparseVectors.pack(List.of(1, 3), List.of(1f, 1f));
    byte[] b = SparseVectors.pack(List.of(2, 4), List.of(1f, 1f));
    assertEquals(0.0, SparseVectors.dot(a, b));
    assertEquals(0.0, SparseVectors.dot(a, SparseVectors.pack(List.of(), List.of())));
  }
}
