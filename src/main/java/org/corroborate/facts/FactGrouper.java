package org.corroborate.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    List<List<Integer>> members = new ArrayList<>(n);
    List<Map<Integer, Integer>> articles = new ArrayList<>(n);
    List<Map<Integer, Double>> sums = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      members.add(null);
      articles.add(null);
      sums.add(null);
    }
    Integer[] order = new Integer[pairs.length];
    int links = 0;
    for (int k = 0; k < pairs.length; k++) {
      if (scores[k] <= 0) {
        continue;
      }
      int i = (int) (pairs[k] >>> 32);
      int j = (int) pairs[k];
      sumsOf(sums, i).merge(j, scores[k], Double::sum);
      sumsOf(sums, j).merge(i, scores[k], Double::sum);
      if (scores[k] >= linkThreshold) {
        order[links++] = k;
      }
    }
    Integer[] strong = Arrays.copyOf(order, links);
    Arrays.sort(strong, (x, y) -> scores[x] != scores[y] ? Double.compare(scores[y], scores[x])
        : Long.compare(pairs[x], pairs[y]));
    for (int k : strong) {
      int a = find(parent, (int) (pairs[k] >>> 32));
      int b = find(parent, (int) pairs[k]);
      if (a == b) {
        continue;
      }
      List<Integer> ma = membersOf(members, a);
      List<Integer> mb = membersOf(members, b);
      Map<Integer, Integer> aa = articlesOf(articles, articleOf, a);
      Map<Integer, Integer> ab = articlesOf(articles, articleOf, b);
      long crossPairs = (long) ma.size() * mb.size();
      Map<Integer, Integer> smallerArticles = aa.size() <= ab.size() ? aa : ab;
      Map<Integer, Integer> largerArticles = smallerArticles == aa ? ab : aa;
      for (Map.Entry<Integer, Integer> e : smallerArticles.entrySet()) {
        crossPairs -= (long) e.getValue() * largerArticles.getOrDefault(e.getKey(), 0);
      }
      double sum = sumsOf(sums, a).getOrDefault(b, 0.0);
      if (crossPairs <= 0 || sum / crossPairs < groupThreshold) {
        continue;
      }
      // Merge the smaller group into the larger one.
      int big = ma.size() >= mb.size() ? a : b;
      int small = big == a ? b : a;
      parent[small] = big;
      membersOf(members, big).addAll(membersOf(members, small));
      members.set(small, null);
      Map<Integer, Integer> bigArticles = articlesOf(articles, articleOf, big);
      articlesOf(articles, articleOf, small).forEach((art, c) -> bigArticles.merge(art, c, Integer::sum));
      articles.set(small, null);
      Map<Integer, Double> bigSums = sumsOf(sums, big);
      bigSums.remove(small);
      for (Map.Entry<Integer, Double> e : sumsOf(sums, small).entrySet()) {
        int other = e.getKey();
        if (other == big) {
          continue;
        }
        bigSums.merge(other, e.getValue(), Double::sum);
        Map<Integer, Double> otherSums = sumsOf(sums, other);
        otherSums.remove(small);
        otherSums.merge(big, e.getValue(), Double::sum);
      }
      sums.set(small, null);
    }
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = find(parent, i);
    }
    return group;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static List<Integer> membersOf(List<List<Integer>> members, int g) {
    List<Integer> m = members.get(g);
    if (m == null) {
      m = new ArrayList<>(2);
      m.add(g);
      members.set(g, m);
    }
    return m;
  }

  private static Map<Integer, Integer> articlesOf(List<Map<Integer, Integer>> articles,
      int[] articleOf, int g) {
    Map<Integer, Integer> m = articles.get(g);
    if (m == null) {
      m = new HashMap<>(4);
      m.put(articleOf[g], 1);
      articles.set(g, m);
    }
    return m;
  }

  private static Map<Integer, Double> sumsOf(List<Map<Integer, Double>> sums, int g) {
    Map<Integer, Double> m = sums.get(g);
    if (m == null) {
      m = new HashMap<>(4);
      sums.set(g, m);
    }
    return m;
  }
}
