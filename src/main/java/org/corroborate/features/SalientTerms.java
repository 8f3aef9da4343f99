package org.corroborate.features;

import java.nio.ByteBuffer;

/**
 * An article's salient terms with their weights, strongest first, packed into bytes: for each
 * term its vocabulary index (an int) and then its weight (a float). The stages that read them
 * (blocking and scoring of stories, the stories' keywords) take a few of the first terms or all of
 * them as they are; as two arrays of numbers in Spark's rows, each value was copied into an object
 * on every way in and out of the code that reads it.
 */
public final class SalientTerms {
  /** Bytes an entry takes: a term and its weight. */
  public static final int ENTRY_BYTES = Integer.BYTES + Float.BYTES;

  private SalientTerms() {}

  /** {@code terms} with their {@code weights} (same length), in the order given. */
  public static byte[] pack(int[] terms, float[] weights) {
    if (terms.length != weights.length) {
      throw new IllegalArgumentException("a weight for each term: " + terms.length + " terms, " + weights.length + " weights");
    }
    ByteBuffer out = ByteBuffer.allocate(terms.length * ENTRY_BYTES);
    for (int i = 0; i < terms.length; i++) {
      out.putInt(terms[i]).putFloat(weights[i]);
    }
    return out.array();
  }

  /** The number of terms of packed salient terms. */
  public static int size(byte[] packed) {
    return packed.length / ENTRY_BYTES;
  }

  /** The {@code k}-th term (0 the strongest). */
  public static int term(byte[] packed, int k) {
    return ByteBuffer.wrap(packed).getInt(k * ENTRY_BYTES);
  }

  /** The weight of the {@code k}-th term. */
  public static float weight(byte[] packed, int k) {
    return ByteBuffer.wrap(packed).getFloat(k * ENTRY_BYTES + Integer.BYTES);
  }

  /** The first {@code n} terms with their weights (all of them when there are fewer), packed alike. */
  public static byte[] first(byte[] packed, int n) {
    int bytes = Math.min(packed.length, Math.max(0, n) * ENTRY_BYTES);
    return bytes == packed.length ? packed : java.util.Arrays.copyOf(packed, bytes);
  }
}
