package org.corroborate.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SalientTermsTest {
  @Test
  void termsAndWeightsComeBackInTheirOrderAndTheFirstFewAreAPrefix() {
    byte[] packed = SalientTerms.pack(new int[] {42, 7, 1_000_000}, new float[] {0.5f, 0.25f, -1.5f});
    assertEquals(3, SalientTerms.size(packed));
    assertEquals(42, SalientTerms.term(packed, 0));
    assertEquals(1_000_000, SalientTerms.term(packed, 2));
    assertEquals(0.25f, SalientTerms.weight(packed, 1));
    assertEquals(-1.5f, SalientTerms.weight(packed, 2));

    byte[] two = SalientTerms.first(packed, 2);
    assertEquals(2, SalientTerms.size(two));
    assertEquals(7, SalientTerms.term(two, 1));
    assertEquals(0.25f, SalientTerms.weight(two, 1));
    assertArrayEquals(packed, SalientTerms.first(packed, 10), "fewer terms than asked for: all of them");
    assertEquals(0, SalientTerms.size(SalientTerms.first(packed, 0)));
  }

  @Test
  void eachTermNeedsAWeight() {
    assertThrows(IllegalArgumentException.class, () -> SalientTerms.pack(new int[] {1, 2}, new float[] {1f}));
  }
}
