package org.corroborate.text;

import java.util.List;

/** A fast, stable 64-bit hash (FNV-1a then a MurmurHash3 finaliser) for strings and longs. */
public final class Hashing {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /**
   * The 64-bit hash of a string's UTF-8 bytes (an unpaired surrogate counts as {@code ?}, as
   * {@link String#getBytes} encodes it); the same on every JVM and run. The bytes are encoded on
   * the fly: every term of every article is hashed, and an array per term was a tenth of the
   * features' time.
   */
  public static long hash64(String s) {
    return mix(fnv(FNV_OFFSET, s));
  }

  /**
   * {@code hash64(String.join(separator, words))}, without building the joined string: the body
   * hash of every article is taken over its words, and joining them was a quarter of the
   * article's feature time. The separator is an ASCII character.
   */
  public static long hash64Joined(List<String> words, char separator) {
    if (separator >= 0x80) {
      throw new IllegalArgumentException("the separator must be an ASCII character");
    }
    long h = FNV_OFFSET;
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        h = fnv(h, separator);
      }
      h = fnv(h, words.get(i));
    }
    return mix(h);
  }

  /** {@code h} updated with the UTF-8 bytes of {@code s} (FNV-1a). */
  private static long fnv(long h, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        h = (h ^ c) * FNV_PRIME;
      } else if (c < 0x800) {
        h = (h ^ (0xC0 | (c >> 6))) * FNV_PRIME;
        h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      } else if (!Character.isSurrogate(c)) {
        h = (h ^ (0xE0 | (c >> 12))) * FNV_PRIME;
        h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        h = (h ^ (0xF0 | (cp >> 18))) * FNV_PRIME;
        h = (h ^ (0x80 | ((cp >> 12) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | ((cp >> 6) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
      } else {
        h = (h ^ '?') * FNV_PRIME;
      }
    }
    return h;
  }

  /** {@code h} updated with an ASCII character. */
  private static long fnv(long h, char ascii) {
    return (h ^ ascii) * FNV_PRIME;
  }

  /** MurmurHash3's 64-bit finaliser: spreads every input bit over the output. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
