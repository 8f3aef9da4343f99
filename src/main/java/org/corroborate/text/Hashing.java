package org.corroborate.text;

import java.nio.charset.StandardCharsets;

/** A fast, stable 64-bit hash (FNV-1a then a MurmurHash3 finaliser) for strings and longs. */
public final class Hashing {
  private Hashing() {}

  /** The 64-bit hash of a string's UTF-8 bytes; the same on every JVM and run. */
  public static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
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
