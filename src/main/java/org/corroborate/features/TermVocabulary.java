package org.corroborate.features;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import org.corroborate.text.Hashing;

/**
 * The TF-IDF vocabulary as 64-bit term hashes in ascending order; a term's index is its position.
 *
 * <p>Articles carry their terms as sorted, distinct hashes packed into bytes ({@link #pack}), so
 * counting document frequencies, fitting the IDF and building vectors move 8 bytes a term instead
 * of a string, and a term's index is found from a bucket of the hash's top bits. Every term with a
 * document frequency of at least 2 is kept, whatever the corpus size, and the order depends on the
 * terms alone, never on how Spark partitioned the articles. Names ({@link #name}) are told from
 * other terms by the lowest bit of their hash, so 63 bits tell terms of one kind apart: among the
 * tens of millions of distinct terms of a million articles a collision is unlikely (odds about 1 in
 * 10,000 a run), and one would only count two terms as one.
 */
public final class TermVocabulary implements Serializable {
  private final long[] terms;
  /**
   * Where each run of terms sharing their top bits starts ({@link #bucketBits}), built where the
   * vocabulary is first used: a binary search over millions of hashes misses the processor's cache
   * at nearly every step (at a million articles it cost more than tokenising), a bucket holds a few
   * neighbouring terms.
   */
  private transient volatile int[] starts;

  /** A vocabulary of {@code terms}: sorted ascending, distinct. */
  public TermVocabulary(long[] terms) {
    for (int i = 1; i < terms.length; i++) {
      if (terms[i - 1] >= terms[i]) {
        throw new IllegalArgumentException("vocabulary terms must be sorted and distinct");
      }
    }
    this.terms = terms;
  }

  /** The hash of a word or two-word phrase. */
  public static long word(String term) {
    return Hashing.hash64(term) & ~1L;
  }

  /** The hash of a name (see {@link org.corroborate.text.Tokenizer#names}). */
  public static long name(String name) {
    return Hashing.hash64(name) | 1L;
  }

  /** Whether {@code hash} is the hash of a name. */
  public static boolean isName(long hash) {
    return (hash & 1L) != 0;
  }

  /** The sorted, distinct {@code hashes} as bytes (8 per term). */
  public static byte[] pack(Collection<Long> hashes) {
    return pack(hashes.stream().mapToLong(Long::longValue).toArray());
  }

  /** The sorted, distinct {@code hashes} as bytes (8 per term); sorts {@code hashes} in place. */
  public static byte[] pack(long[] hashes) {
    Arrays.sort(hashes);
    int distinct = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    ByteBuffer out = ByteBuffer.allocate(distinct * Long.BYTES);
    out.asLongBuffer().put(hashes, 0, distinct);
    return out.array();
  }

  /** The hashes of packed terms, ascending. */
  public static long[] unpack(byte[] packed) {
    long[] out = new long[packed.length / Long.BYTES];
    ByteBuffer.wrap(packed).asLongBuffer().get(out);
    return out;
  }

  /** Number of terms. */
  public int size() {
    return terms.length;
  }

  /** The hash of the term at {@code index}. */
  public long term(int index) {
    return terms[index];
  }

  /** The index of {@code hash}, or a negative number when it is not in the vocabulary. */
  public int indexOf(long hash) {
    int[] at = starts();
    int bucket = bucket(hash, bucketBits());
    return Arrays.binarySearch(terms, at[bucket], at[bucket + 1], hash);
  }

  /** The vocabulary indices of packed article terms that are in the vocabulary, ascending. */
  public int[] indices(byte[] packed) {
    ByteBuffer in = ByteBuffer.wrap(packed);
    int n = packed.length / Long.BYTES;
    int[] out = new int[n];
    int found = 0;
    for (int k = 0; k < n; k++) {
      int i = indexOf(in.getLong(k * Long.BYTES));
      if (i >= 0) {
        out[found++] = i;
      }
    }
    return Arrays.copyOf(out, found);
  }

  /** Top bits a bucket shares: two to four terms a bucket on average, between 4 and 24 bits. */
  private int bucketBits() {
    return Math.max(4, Math.min(24, 64 - Long.numberOfLeadingZeros(terms.length) - 2));
  }

  /** The bucket of {@code hash}: its top bits, in the vocabulary's (signed) order. */
  private static int bucket(long hash, int bits) {
    return (int) ((hash ^ Long.MIN_VALUE) >>> (64 - bits));
  }

  private int[] starts() {
    int[] at = starts;
    if (at == null) {
      int bits = bucketBits();
      at = new int[(1 << bits) + 1];
      int p = 0;
      for (int b = 0; b <= 1 << bits; b++) {
        while (p < terms.length && bucket(terms[p], bits) < b) {
          p++;
        }
        at[b] = p;
      }
      starts = at;
    }
    return at;
  }

  /** For each index, whether its term is a name. */
  public boolean[] names() {
    boolean[] out = new boolean[terms.length];
    for (int i = 0; i < terms.length; i++) {
      out[i] = isName(terms[i]);
    }
    return out;
  }
}
