package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The copy test on packed signatures: estimated Jaccard, or containment of a trimmed text. */
class CopyDetectorTest {
  @Test
  void aPairIsACopyByJaccardOrByContainment() {
    int[] a = new int[20];
    int[] b = new int[20];
    for (int i = 0; i < 20; i++) {
      a[i] = i;
      b[i] = i < 12 ? i : -i;
    }
    // 12 of 20 positions agree: estimated Jaccard 0.6.
    assertTrue(CopyDetector.isCopy(CopyDetector.packSignature(a, 300), CopyDetector.packSignature(b, 300), 0.6, 0.9));
    assertFalse(CopyDetector.isCopy(CopyDetector.packSignature(a, 300), CopyDetector.packSignature(b, 300), 0.7, 0.9));
    // The same Jaccard between a text of 100 shingles and one of 160: 0.6 * 260 / 1.6 = 97.5 shared,
    // so the shorter lies 97.5% in the longer, a trimmed copy.
    assertTrue(CopyDetector.isCopy(CopyDetector.packSignature(a, 100), CopyDetector.packSignature(b, 160), 0.7, 0.9));
    // Below the least Jaccard for containment (0.2), even a tiny text is not a copy.
    int[] c = new int[20];
    for (int i = 0; i < 20; i++) {
      c[i] = i < 3 ? i : -i - 100;
    }
    assertFalse(CopyDetector.isCopy(CopyDetector.packSignature(a, 5), CopyDetector.packSignature(c, 400), 0.7, 0.5));
    // Signatures of different lengths (different settings) or empty ones never match.
    assertFalse(CopyDetector.isCopy(CopyDetector.packSignature(a, 300), CopyDetector.packSignature(new int[10], 300), 0.1, 0.1));
    assertFalse(CopyDetector.isCopy(CopyDetector.packSignature(new int[0], 3), CopyDetector.packSignature(new int[0], 3), 0.1, 0.1));
  }
}
