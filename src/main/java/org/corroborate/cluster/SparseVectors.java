package org.corroborate.cluster;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Sparse vectors of term weights packed into bytes, terms ascending: what the exact scoring of story
 * candidates reads millions of times. A dot product is one merge of two byte arrays, with no boxing
 * and no maps, and sums in term order, so its result does not depend on the order terms were stored in.
 */
final class SparseVectors {
  private static final int ENTRY_BYTES = Integer.BYTES + Float.BYTES;

  private SparseVectors() {}

  /** The vector of {@code terms} with {@code weights} (same length, terms distinct) as bytes. */
  static byte[] pack(List<Integer> terms, List<Float> weights) {
    int n = terms.size();
    long[] entries = new long[n];
    for (int i = 0; i < n; i++) {
      entries[i] = ((long) terms.get(i) << 32) | (Float.floatToRawIntBits(weights.get(i)) & 0xFFFF_FFFFL);
    }
    // Term ids are non-negative, so sorting the packed longs sorts by term.
    Arrays.sort(entries);
    ByteBuffer out = ByteBuffer.allocate(n * ENTRY_BYTES);
    for (long e : entries) {
      out.putInt((int) (e >>> 32)).putFloat(Float.intBitsToFloat((int) e));
    }
    return out.array();
  }

  /** The dot product of two packed vectors. */
  static double dot(byte[] a, byte[] b) {
    ByteBuffer x = ByteBuffer.wrap(a);
    ByteBuffer y = ByteBuffer.wrap(b);
    int i = 0;
    int j = 0;
    double sum = 0;
    while (i < a.length && j < b.length) {
      int ta = x.getInt(i);
      int tb = y.getInt(j);
      if (ta == tb) {
        sum += (double) x.getFloat(i + Integer.BYTES) * y.getFloat(j + Integer.BYTES);
        i += ENTRY_BYTES;
        j += ENTRY_BYTES;
      } else if (ta < tb) {
        i += ENTRY_BYTES;
      } else {
        j += ENTRY_BYTES;
      }
    }
    return sum;
  }
}
