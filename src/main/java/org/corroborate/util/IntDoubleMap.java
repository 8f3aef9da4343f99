package org.corroborate.util;

import java.util.Arrays;

/**
 * A small open-addressing hash map from non-negative int keys to double values, without boxing.
 *
 * <p>Linear probing with backward-shift deletion (Knuth, TAOCP vol. 3, algorithm R), so removals
 * leave no tombstones and lookups stay short however often groups merge. Iteration goes over the
 * raw slots: {@link #capacity()}, {@link #keyAt(int)} ({@code -1} for an empty slot) and
 * {@link #valueAt(int)}.
 */
public final class IntDoubleMap {
  private static final int EMPTY = -1;

  private int[] keys;
  private double[] values;
  private int size;

  /** Empty map sized for about {@code expected} entries. */
  public IntDoubleMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new int[cap];
    values = new double[cap];
    Arrays.fill(keys, EMPTY);
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** Slots to iterate over. */
  public int capacity() {
    return keys.length;
  }

  /** Key in a slot, or -1 when the slot is empty. */
  public int keyAt(int slot) {
    return keys[slot];
  }

  /** Value in a slot. */
  public double valueAt(int slot) {
    return values[slot];
  }

  /** Value of {@code key}, or {@code absent} when there is none. */
  public double get(int key, double absent) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return absent;
      }
    }
  }

  /** Adds {@code delta} to the value of {@code key} (absent counts 0). */
  public void add(int key, double delta) {
    if (key < 0) {
      throw new IllegalArgumentException("Negative key " + key);
    }
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        values[i] += delta;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = delta;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
    }
  }

  /** Removes {@code key}; returns its value, or 0 when it was absent. */
  public double remove(int key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != key) {
      if (keys[i] == EMPTY) {
        return 0;
      }
      i = (i + 1) & mask;
    }
    double v = values[i];
    // Backward shift: move later entries of the probe run into the gap.
    int gap = i;
    for (int j = (gap + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
      int home = mix(keys[j]) & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    keys[gap] = EMPTY;
    size--;
    return v;
  }

  private void grow() {
    int[] oldKeys = keys;
    double[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        add(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
