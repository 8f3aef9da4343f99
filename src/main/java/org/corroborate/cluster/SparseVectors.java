package org.corroborate.cluster;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.corroborate.features.SalientTerms;

/**
 * Sparse vectors of term weights packed into bytes, terms ascending: what the exact scoring of story
 * candidates reads millions of times. A dot product is one merge of two byte arrays, with no boxing
 * and no maps, and sums in term order, so its result does not depend on the order terms were stored in.
 */
final class SparseVectors {
  private static final int ENTRY_BYTES = SalientTerms.ENTRY_BYTES;

  /**
   * The dot product as a pair score. Scored against many partners, a vector's terms go into a small
   * hash table once, and each partner's terms are looked up in it: one probe per term instead of a
   * merge whose every step is a branch the processor cannot predict. The partner's terms are read
   * in ascending order, so the products are summed in the same order as by {@link #dot}, and the
   * result is the same to the last bit.
   */
  static final WaveScoring.PairScore DOT = new WaveScoring.PairScore() {
    private static final long serialVersionUID = 1L;

    @Override
    public double score(byte[] a, byte[] b) {
      return dot(a, b);
    }

    @Override
    public WaveScoring.Scorer against(byte[] a) {
      return new Table(a)::dot;
    }
  };

  /**
   * A packed vector's terms in an open-addressing hash table (linear probing), with a bitmap of
   * about 32 bits a term in front of it. Most of a partner's terms are not in the vector, and a
   * lookup of an absent term walked the table's probe sequence to an empty slot; the bitmap turns
   * nearly all of those away with one bit (measured on vectors of 100 terms sharing up to 20: a
   * dot product 2.5 to 3 times faster). A term the bitmap lets through is looked up as before, so
   * the products, and their sum, are the same.
   */
  static final class Table {
    private final int[] terms;
    private final float[] weights;
    private final int shift;
    private final long[] present;
    private final int presentShift;

    Table(byte[] packed) {
      int n = packed.length / ENTRY_BYTES;
      int bits = Math.max(4, 32 - Integer.numberOfLeadingZeros(Math.max(1, n) - 1) + 1);
      terms = new int[1 << bits];
      weights = new float[1 << bits];
      shift = 32 - bits;
      // 16 bits a slot, 2 to 4 slots a term: one term in 30 to 60 absent ones gets through.
      present = new long[1 << (bits + 4 - 6)];
      presentShift = 32 - (bits + 4);
      Arrays.fill(terms, -1);
      ByteBuffer x = ByteBuffer.wrap(packed);
      int mask = terms.length - 1;
      for (int i = 0; i < packed.length; i += ENTRY_BYTES) {
        int t = x.getInt(i);
        int slot = (t * 0x9E3779B9) >>> shift;
        while (terms[slot] != -1) {
          slot = (slot + 1) & mask;
        }
        terms[slot] = t;
        weights[slot] = x.getFloat(i + Integer.BYTES);
        int bit = (t * 0x85EBCA6B) >>> presentShift;
        present[bit >>> 6] |= 1L << bit;
      }
    }

    /** The dot product with a packed vector; equal to {@link SparseVectors#dot} of the two. */
    double dot(byte[] b) {
      ByteBuffer y = ByteBuffer.wrap(b);
      int mask = terms.length - 1;
      double sum = 0;
      for (int j = 0; j < b.length; j += ENTRY_BYTES) {
        int t = y.getInt(j);
        int bit = (t * 0x85EBCA6B) >>> presentShift;
        if ((present[bit >>> 6] & (1L << bit)) == 0) {
          continue;
        }
        int slot = (t * 0x9E3779B9) >>> shift;
        int found;
        while ((found = terms[slot]) != t && found != -1) {
          slot = (slot + 1) & mask;
        }
        if (found == t) {
          sum += (double) weights[slot] * y.getFloat(j + Integer.BYTES);
        }
      }
      return sum;
    }
  }

  private SparseVectors() {}

  /** The vector of packed salient terms ({@link SalientTerms}), terms distinct, as bytes: the same entries in term order. */
  static byte[] pack(byte[] salient) {
    int n = SalientTerms.size(salient);
    ByteBuffer in = ByteBuffer.wrap(salient);
    long[] entries = new long[n];
    for (int i = 0; i < n; i++) {
      entries[i] = ((long) in.getInt(i * ENTRY_BYTES) << 32) | (in.getInt(i * ENTRY_BYTES + Integer.BYTES) & 0xFFFF_FFFFL);
    }
    // Term ids are non-negative, so sorting the packed longs sorts by term.
    Arrays.sort(entries);
    ByteBuffer out = ByteBuffer.allocate(n * ENTRY_BYTES);
    for (long e : entries) {
      out.putInt((int) (e >>> 32)).putInt((int) e);
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
