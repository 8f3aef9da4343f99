package org.corroborate.facts;

import org.corroborate.util.IntDoubleMap;
import org.corroborate.util.ParentLinks;

/**
 * Groups linked statements into fact groups by average-link agglomerative clustering over a sparse
 * similarity graph (UPGMA, Sokal and Michener 1958), so that one bridging pair cannot chain two
 * different facts together the way connected components would.
 *
 * <p>Input: statements (by index, each with its article), and scored pairs. Links are visited from the
 * strongest down; a link merges its two groups only when the average score over every cross-article
 * pair of statements of the two groups (a pair never scored counts 0) reaches
 * {@link FactSettings#groupThreshold()}. Statements of one article are never compared, so their pairs
 * do not count in the average. Output: a group number per statement; the order of visits is fixed,
 * so the result is deterministic.
 */
final class FactGrouper {
  private FactGrouper() {}

  /**
   * Group number of each statement.
   *
   * @param articleOf article of each statement
   * @param pairs candidate pairs ({@code i << 32 | j})
   * @param scores score of each pair
   * @param linkThreshold score a pair needs to start a merge
   * @param groupThreshold average score two groups need to merge
   */
  static int[] group(int[] articleOf, long[] pairs, double[] scores, double linkThreshold,
      double groupThreshold) {
    int n = articleOf.length;
    int[] parent = new int[n];
    int[] size = new int[n];
    // Per live group: summed score towards each other group, and statements per article.
    IntDoubleMap[] sums = new IntDoubleMap[n];
    IntDoubleMap[] articles = new IntDoubleMap[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
    // Each statement's map is sized for its pairs up front: growing it pair by pair rehashes often.
    int[] degree = new int[n];
    for (int k = 0; k < pairs.length; k++) {
      if (scores[k] > 0) {
        degree[(int) (pairs[k] >>> 32)]++;
        degree[(int) pairs[k]]++;
      }
    }
    for (int i = 0; i < n; i++) {
      if (degree[i] > 0) {
        sums[i] = new IntDoubleMap(degree[i]);
      }
    }
    int[] strong = new int[pairs.length];
    int links = 0;
    for (int k = 0; k < pairs.length; k++) {
      if (scores[k] <= 0) {
        continue;
      }
      int i = (int) (pairs[k] >>> 32);
      int j = (int) pairs[k];
      sumsOf(sums, i).add(j, scores[k]);
      sumsOf(sums, j).add(i, scores[k]);
      if (scores[k] >= linkThreshold) {
        strong[links++] = k;
      }
    }
    sortStrongestFirst(strong, links, pairs, scores);
    for (int s = 0; s < links; s++) {
      int k = strong[s];
      int a = ParentLinks.find(parent, (int) (pairs[k] >>> 32));
      int b = ParentLinks.find(parent, (int) pairs[k]);
      if (a == b) {
        continue;
      }
      IntDoubleMap aa = articlesOf(articles, articleOf, a);
      IntDoubleMap ab = articlesOf(articles, articleOf, b);
      long crossPairs = (long) size[a] * size[b];
      IntDoubleMap smallerArticles = aa.size() <= ab.size() ? aa : ab;
      IntDoubleMap largerArticles = smallerArticles == aa ? ab : aa;
      for (int slot = 0; slot < smallerArticles.capacity(); slot++) {
        int art = smallerArticles.keyAt(slot);
        if (art >= 0) {
          crossPairs -= (long) smallerArticles.valueAt(slot) * (long) largerArticles.get(art, 0);
        }
      }
      double sum = sumsOf(sums, a).get(b, 0.0);
      if (crossPairs <= 0 || sum / crossPairs < groupThreshold) {
        continue;
      }
      // Merge the smaller group into the larger one.
      int big = size[a] >= size[b] ? a : b;
      int small = big == a ? b : a;
      parent[small] = big;
      size[big] += size[small];
      IntDoubleMap bigArticles = articlesOf(articles, articleOf, big);
      IntDoubleMap smallArticles = articlesOf(articles, articleOf, small);
      for (int slot = 0; slot < smallArticles.capacity(); slot++) {
        int art = smallArticles.keyAt(slot);
        if (art >= 0) {
          bigArticles.add(art, smallArticles.valueAt(slot));
        }
      }
      articles[small] = null;
      IntDoubleMap bigSums = sumsOf(sums, big);
      bigSums.remove(small);
      IntDoubleMap smallSums = sumsOf(sums, small);
      for (int slot = 0; slot < smallSums.capacity(); slot++) {
        int other = smallSums.keyAt(slot);
        if (other < 0 || other == big) {
          continue;
        }
        double v = smallSums.valueAt(slot);
        bigSums.add(other, v);
        IntDoubleMap otherSums = sumsOf(sums, other);
        otherSums.remove(small);
        otherSums.add(big, v);
      }
      sums[small] = null;
    }
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = ParentLinks.find(parent, i);
    }
    return group;
  }

  /**
   * Sorts the first {@code count} pair indices by score, highest first, ties by pair; a merge sort
   * on primitive indices, so sorting costs no boxing.
   */
  static void sortStrongestFirst(int[] idx, int count, long[] pairs, double[] scores) {
    int[] tmp = new int[count];
    for (int width = 1; width < count; width *= 2) {
      for (int lo = 0; lo < count - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, count);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
          int x = idx[i];
          int y = idx[j];
          boolean yFirst = scores[y] > scores[x] || (scores[y] == scores[x] && pairs[y] < pairs[x]);
          tmp[o++] = yFirst ? idx[j++] : idx[i++];
        }
        while (i < mid) {
          tmp[o++] = idx[i++];
        }
        while (j < hi) {
          tmp[o++] = idx[j++];
        }
        System.arraycopy(tmp, lo, idx, lo, hi - lo);
      }
    }
  }

  private static IntDoubleMap articlesOf(IntDoubleMap[] articles, int[] articleOf, int g) {
    IntDoubleMap m = articles[g];
    if (m == null) {
      m = new IntDoubleMap(2);
      m.add(articleOf[g], 1);
      articles[g] = m;
    }
    return m;
  }

  private static IntDoubleMap sumsOf(IntDoubleMap[] sums, int g) {
    IntDoubleMap m = sums[g];
    if (m == null) {
      m = new IntDoubleMap(4);
      sums[g] = m;
    }
    return m;
  }
}
