package org.corroborate.facts;

import java.util.Arrays;
import java.util.List;

/**
 * Candidate statement pairs of one story from an inverted index over content terms, so that a story
 * of thousands of articles is never compared all against all.
 *
 * <p>Input: the story's statements with their term ids and IDF weights. Output: distinct pairs
 * {@code (i, j)}, {@code i < j}, of statements of different articles, encoded as
 * {@code (long) i << 32 | j} and sorted. Terms found in more than
 * {@link FactSettings#maxPostingLength()} statements propose no candidates (they are topic words of
 * the story, not evidence of one fact); each statement keeps at most
 * {@link FactSettings#maxCandidatesPerStatement()} candidates, the ones with the most shared IDF
 * weight among those that can share {@link FactSettings#minSharedTerms()} terms (counting the
 * too-common ones, which the index does not see), so the number of pairs is at most statements x
 * cap. This is the usual candidate-generation step of all-pairs similarity search (Bayardo, Ma and
 * Srikant 2007).
 */
final class CandidatePairs {
  private CandidatePairs() {}

  /** Candidate pairs of {@code statements}, whose term ids are below {@code termCount}. */
  static long[] find(List<Statement> statements, int termCount, double[] idf,
      FactSettings settings) {
    int n = statements.size();
    int[] df = new int[termCount];
    for (Statement s : statements) {
      for (int t : s.terms) {
        df[t]++;
      }
    }
    int cap = settings.maxPostingLength();
    int[][] postings = new int[termCount][];
    int[] fill = new int[termCount];
    for (int t = 0; t < termCount; t++) {
      postings[t] = df[t] > 1 && df[t] <= cap ? new int[df[t]] : null;
    }
    for (int i = 0; i < n; i++) {
      for (int t : statements.get(i).terms) {
        if (postings[t] != null) {
          postings[t][fill[t]++] = i;
        }
      }
    }
    int maxCandidates = settings.maxCandidatesPerStatement();
    int minShared = settings.minSharedTerms();
    int[] articleOf = new int[n];
    // Terms of each statement too common to index: two statements may share them unseen here.
    int[] common = new int[n];
    for (int i = 0; i < n; i++) {
      articleOf[i] = statements.get(i).article;
      for (int t : statements.get(i).terms) {
        if (df[t] > cap) {
          common[i]++;
        }
      }
    }
    double[] acc = new double[n];
    int[] shared = new int[n];
    int[] touched = new int[n];
    double[] scratch = new double[n];
    int[] ties = new int[n];
    long[] pairs = new long[(int) Math.min(Math.max(16L, (long) n * maxCandidates), 1 << 20)];
    int pairCount = 0;
    for (int i = 0; i < n; i++) {
      Statement a = statements.get(i);
      int touchedCount = 0;
      for (int t : a.terms) {
        int[] posting = postings[t];
        if (posting == null) {
          continue;
        }
        double w = idf[t];
        for (int j : posting) {
          if (j == i || articleOf[j] == a.article) {
            continue;
          }
          if (acc[j] == 0) {
            touched[touchedCount++] = j;
          }
          acc[j] += w;
          shared[j]++;
        }
      }
      // A partner that cannot share enough terms, even counting every common term, can never
      // link: it would only take the place of one that can.
      int linkable = 0;
      for (int k = 0; k < touchedCount; k++) {
        int j = touched[k];
        if (shared[j] + Math.min(common[i], common[j]) >= minShared) {
          touched[linkable++] = j;
        } else {
          acc[j] = 0;
        }
        shared[j] = 0;
      }
      touchedCount = linkable;
      int keep = Math.min(touchedCount, maxCandidates);
      if (touchedCount > maxCandidates) {
        // Keep the candidates with the most shared weight; ties go to the lower index. The k-th
        // largest weight comes from a selection, not a sort: this runs for every statement.
        for (int k = 0; k < touchedCount; k++) {
          scratch[k] = acc[touched[k]];
        }
        double kth = kthLargest(scratch, touchedCount, maxCandidates);
        int above = 0;
        int tieCount = 0;
        for (int k = 0; k < touchedCount; k++) {
          double v = acc[touched[k]];
          if (v > kth) {
            above++;
          } else if (v == kth) {
            ties[tieCount++] = touched[k];
          }
        }
        Arrays.sort(ties, 0, tieCount);
        int lastTie = maxCandidates > above ? ties[maxCandidates - above - 1] : -1;
        int front = 0;
        for (int k = 0; k < touchedCount; k++) {
          int j = touched[k];
          if (acc[j] > kth || (acc[j] == kth && j <= lastTie)) {
            touched[k] = touched[front];
            touched[front++] = j;
          }
        }
      }
      for (int k = 0; k < touchedCount; k++) {
        int j = touched[k];
        if (k < keep) {
          if (pairCount == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
          }
          pairs[pairCount++] = i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
        }
        acc[j] = 0;
      }
    }
    return sortedDistinct(pairs, pairCount, n);
  }

  /**
   * The distinct values of {@code pairs[0, count)} ({@code i << 32 | j}, {@code i < j < n}) in
   * ascending order. A counting sort by {@code i} puts each statement's partners together, and only
   * those few are sorted: a story's pairs are tens of thousands, and one sort of them all was a
   * tenth of the aligner's time.
   */
  static long[] sortedDistinct(long[] pairs, int count, int n) {
    int[] start = new int[n + 1];
    for (int k = 0; k < count; k++) {
      start[(int) (pairs[k] >>> 32) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] partners = new int[count];
    int[] fill = Arrays.copyOf(start, n);
    for (int k = 0; k < count; k++) {
      partners[fill[(int) (pairs[k] >>> 32)]++] = (int) pairs[k];
    }
    long[] result = new long[count];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      int from = start[i];
      int to = start[i + 1];
      Arrays.sort(partners, from, to);
      for (int k = from; k < to; k++) {
        if (k == from || partners[k] != partners[k - 1]) {
          result[distinct++] = ((long) i << 32) | partners[k];
        }
      }
    }
    return Arrays.copyOf(result, distinct);
  }

  /**
   * The {@code k}-th largest of {@code values[0, count)} ({@code 1 <= k <= count}), by
   * quickselect with a middle pivot (Hoare 1961); reorders the array.
   */
  static double kthLargest(double[] values, int count, int k) {
    int lo = 0;
    int hi = count - 1;
    int target = k - 1; // index of the k-th largest in descending order
    while (lo < hi) {
      double pivot = values[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] > pivot) {
          i++;
        }
        while (values[j] < pivot) {
          j--;
        }
        if (i <= j) {
          double t = values[i];
          values[i] = values[j];
          values[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return values[target];
      }
    }
    return values[target];
  }
}
