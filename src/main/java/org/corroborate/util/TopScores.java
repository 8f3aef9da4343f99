package org.corroborate.util;

import java.util.Arrays;

/**
 * The {@code limit} best of the items offered, each a long id with a score: highest score first,
 * ties to the lower id, so the choice does not depend on the order of the offers. A heap with the
 * worst kept item at its root, over primitive arrays that grow as items come: keeping a few of
 * many costs no sort and no boxing.
 */
public final class TopScores {
  private final int limit;
  private long[] ids = new long[4];
  private double[] scores = new double[4];
  private int size;

  public TopScores(int limit) {
    this.limit = limit;
  }

  public void offer(long id, double score) {
    if (size < limit) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, Math.min(limit, size * 2));
        scores = Arrays.copyOf(scores, ids.length);
      }
      ids[size] = id;
      scores[size] = score;
      siftUp(size++);
    } else if (limit > 0 && better(id, score, ids[0], scores[0])) {
      ids[0] = id;
      scores[0] = score;
      siftDown(size);
    }
  }

  /** Number of items kept. */
  public int size() {
    return size;
  }

  /** The kept ids and their scores, in no particular order: {@code ids()[i]} has {@code scores()[i]}. */
  public long[] ids() {
    return Arrays.copyOf(ids, size);
  }

  public double[] scores() {
    return Arrays.copyOf(scores, size);
  }

  /** Empties the heap into {@code ids} and {@code scores} (each of {@link #size()}), best first. */
  public void drainBestFirst(long[] outIds, double[] outScores) {
    for (int k = size - 1; k >= 0; k--) {
      outIds[k] = ids[0];
      outScores[k] = scores[0];
      ids[0] = ids[k];
      scores[0] = scores[k];
      siftDown(k);
    }
    size = 0;
  }

  private static boolean better(long p, double m, long q, double n) {
    return m != n ? Double.compare(m, n) > 0 : p < q;
  }

  private void siftUp(int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!better(ids[parent], scores[parent], ids[at], scores[at])) {
        return;
      }
      swap(parent, at);
      at = parent;
    }
  }

  private void siftDown(int heapSize) {
    int at = 0;
    while (true) {
      int worst = at;
      for (int child = 2 * at + 1; child <= 2 * at + 2 && child < heapSize; child++) {
        if (better(ids[worst], scores[worst], ids[child], scores[child])) {
          worst = child;
        }
      }
      if (worst == at) {
        return;
      }
      swap(at, worst);
      at = worst;
    }
  }

  private void swap(int i, int j) {
    long p = ids[i];
    ids[i] = ids[j];
    ids[j] = p;
    double m = scores[i];
    scores[i] = scores[j];
    scores[j] = m;
  }
}
