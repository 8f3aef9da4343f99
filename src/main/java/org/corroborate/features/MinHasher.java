package org.corroborate.features;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.corroborate.text.Hashing;

/**
 * MinHash signatures of word shingles, for finding copies (Broder 1997, "On the resemblance and
 * containment of documents"; banding as in Leskovec, Rajaraman and Ullman, Mining of Massive
 * Datasets, ch. 3).
 *
 * <p>Why not MLlib's {@code MinHashLSH}: it ORs single hash values and has no AND within a band, so
 * every pair sharing one of a few common shingles becomes a candidate; banding keeps candidates
 * near the threshold. The signature has {@code bands * rows} values; value i is the minimum over
 * shingles of a seeded hash of the shingle's hash ({@link #signature}).
 */
public final class MinHasher implements Serializable {
  private final int shingleWords;
  private final int bands;
  private final int rows;
  private final long[] multipliers;
  private final long[] offsets;

  public MinHasher(int shingleWords, int bands, int rows) {
    if (shingleWords < 1 || bands < 1 || rows < 1) {
      throw new IllegalArgumentException("shingleWords, bands and rows must be positive");
    }
    this.shingleWords = shingleWords;
    this.bands = bands;
    this.rows = rows;
    this.multipliers = new long[bands * rows];
    this.offsets = new long[bands * rows];
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < multipliers.length; i++) {
      s = Hashing.mix(s + 0x9E3779B97F4A7C15L);
      multipliers[i] = s | 1L;
      offsets[i] = Hashing.mix(s);
    }
  }

  /** The distinct hashes of the {@code shingleWords}-word shingles of {@code words}. */
  public long[] shingles(List<String> words) {
    if (words.isEmpty()) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = Hashing.hash64(words.get(i));
    }
    int k = Math.min(shingleWords, wordHashes.length);
    long[] out = new long[wordHashes.length - k + 1];
    for (int i = 0; i < out.length; i++) {
      long h = 0;
      for (int j = 0; j < k; j++) {
        h = Hashing.mix(h * 31 + wordHashes[i + j]);
      }
      out[i] = h;
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  /**
   * The MinHash signature of a set of shingle hashes; all {@code Integer.MAX_VALUE} when empty.
   * Value i is the least over the shingles of {@code (a_i * h + b_i) >>> 33}, a multiply-shift hash
   * of the shingle's hash h with a random odd a_i (Dietzfelbinger et al. 1997): one multiplication
   * a value, where a full mix of each shingle for each value took a quarter of the feature pass.
   * The shingle hashes are mixed already, so the simple family is as good as a random one here.
   */
  public int[] signature(long[] shingles) {
    int[] sig = new int[multipliers.length];
    Arrays.fill(sig, Integer.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < multipliers.length; i++) {
        int v = (int) ((shingle * multipliers[i] + offsets[i]) >>> 33);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
  }

  /**
   * A signature and the number of shingles it was taken from, packed into bytes: the count first,
   * then the signature's values. Copies are verified on both (Jaccard and containment), and bytes
   * move through Spark's rows as they are, where an array of numbers is copied value by value.
   */
  public static byte[] pack(int[] signature, int shingles) {
    ByteBuffer out = ByteBuffer.allocate(Integer.BYTES * (signature.length + 1));
    out.putInt(shingles);
    for (int v : signature) {
      out.putInt(v);
    }
    return out.array();
  }

  /** The signature of a packed one ({@link #pack}). */
  public static int[] signatureOf(byte[] packed) {
    int[] out = new int[packed.length / Integer.BYTES - 1];
    ByteBuffer.wrap(packed, Integer.BYTES, packed.length - Integer.BYTES).asIntBuffer().get(out);
    return out;
  }

  /** The LSH key of each band of a signature: band index in the top bits, rows hashed below. */
  public long[] bandKeys(int[] signature) {
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = b;
      for (int r = 0; r < rows; r++) {
        h = Hashing.mix(h * 31 + signature[b * rows + r]);
      }
      keys[b] = (h & 0x00FFFFFFFFFFFFFFL) | ((long) b << 56);
    }
    return keys;
  }

  /** The share of equal positions of two signatures: an unbiased estimate of Jaccard similarity. */
  public static double jaccard(int[] a, int[] b) {
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }

  /**
   * The share of the smaller set contained in the larger, from Jaccard J and set sizes:
   * |A n B| = J (|A| + |B|) / (1 + J).
   */
  public static double containment(double jaccard, int sizeA, int sizeB) {
    if (sizeA == 0 || sizeB == 0) {
      return 0.0;
    }
    double intersection = jaccard * (sizeA + sizeB) / (1.0 + jaccard);
    return Math.min(1.0, intersection / Math.min(sizeA, sizeB));
  }
}
