package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AverageLinkTest {
  @Test
  void keepsUnrelatedStoriesApartThroughABridgingArticle() {
    // Story A = 0,1,2; story B = 3,4,5; article 6 mentions both (0.5 to 2 and to 3).
    int[] from = {0, 0, 1, 3, 3, 4, 6, 6};
    int[] to = {1, 2, 2, 4, 5, 5, 2, 3};
    double[] w = {0.9, 0.8, 0.85, 0.9, 0.8, 0.85, 0.5, 0.5};
    int[] c = AverageLink.cluster(7, from, to, w, 0.3);
    assertEquals(c[0], c[1]);
    assertEquals(c[0], c[2]);
    assertEquals(c[3], c[4]);
    assertEquals(c[3], c[5]);
    assertNotEquals(c[0], c[3]);
  }

  @Test
  void mergesGroupsWhoseMeanSimilarityReachesTheThreshold() {
    // {0,1} and {2,3}: cross pairs 0.4, 0.4, 0.4, 0.0 -> mean 0.3.
    int[] from = {0, 2, 0, 0, 1};
    int[] to = {1, 3, 2, 3, 2};
    double[] w = {0.9, 0.9, 0.4, 0.4, 0.4};
    int[] merged = AverageLink.cluster(4, from, to, w, 0.3);
    assertEquals(merged[0], merged[3]);
    int[] apart = AverageLink.cluster(4, from, to, w, 0.31);
    assertNotEquals(apart[0], apart[3]);
    assertEquals(apart[0], apart[1]);
  }

  @Test
  void leavesArticlesWithoutStrongEdgesAlone() {
    int[] c = AverageLink.cluster(3, new int[] {0}, new int[] {1}, new double[] {0.1}, 0.2);
    assertEquals(0, c[0]);
    assertEquals(1, c[1]);
    assertEquals(2, c[2]);
  }

  @Test
  void startsFromClustersOfGivenSizes() {
    // Clusters of 2 and 3 articles whose pairs sum to 3.0: a mean of 0.5; a third cluster of one
    // article with a sum of 0.5 to the first (mean 0.25).
    int[] from = {0, 0};
    int[] to = {1, 2};
    double[] w = {3.0, 0.5};
    int[] merged = AverageLink.cluster(3, new int[] {2, 3, 1}, from, to, w, 0.4);
    assertEquals(merged[0], merged[1]);
    assertNotEquals(merged[0], merged[2]);
    int[] apart = AverageLink.cluster(3, new int[] {2, 3, 1}, from, to, w, 0.51);
    assertNotEquals(apart[0], apart[1]);
  }

  @Test
  void mergesInsideAChunkOnlyPairsThatAreNearestOverall() {
    // 0-1 (0.9), 1-2 (0.5), 2-3 (0.8); node 3 also has an edge to another chunk with a mean of 0.85.
    int[] from = {0, 1, 2};
    int[] to = {1, 2, 3};
    double[] w = {0.9, 0.5, 0.8};
    int[] ones = {1, 1, 1, 1};
    AverageLink.Bounded r = AverageLink.cluster(4, ones, new double[] {0, 0, 0, 0.85}, from, to, w, 0.3);
    int[] c = r.cluster();
    assertEquals(c[0], c[1]);
    // 3 may prefer its outside neighbour, so 2 and 3 wait: both stay open, unmerged.
    assertNotEquals(c[2], c[3]);
    assertNotEquals(c[1], c[2]);
    assertTrue(r.open()[c[2]] && r.open()[c[3]]);
    // {0, 1} has no outside edge and a mean of 0.25 to 2, below the threshold: it is final.
    assertFalse(r.open()[c[0]]);
    assertEquals(0.5, r.sums()[c[0]].get(c[2], 0), 1e-12);
    // Without the outside edge, 2 and 3 merge, and everything is final.
    AverageLink.Bounded whole = AverageLink.cluster(4, ones, new double[4], from, to, w, 0.3);
    assertEquals(whole.cluster()[2], whole.cluster()[3]);
    for (int i = 0; i < 4; i++) {
      assertFalse(whole.open()[i]);
    }
    // An outside bound above the best pair freezes it, and the bound of a merged cluster is its
    // parts' greatest: 0-1 merge, then {0, 1} (bound 0.6 from 1) is held from 2 at a mean of 0.55.
    AverageLink.Bounded held = AverageLink.cluster(3, new int[] {1, 1, 1}, new double[] {0, 0.6, 0},
        new int[] {0, 0, 1}, new int[] {1, 2, 2}, new double[] {0.7, 0.5, 0.6}, 0.3);
    assertEquals(held.cluster()[0], held.cluster()[1]);
    assertNotEquals(held.cluster()[0], held.cluster()[2]);
    assertTrue(held.open()[held.cluster()[0]]);
  }

  @Test
  void aClusterWaitingForItsNearestHoldsBackThoseNearestToIt() {
    // 1-2 (0.8) is held by 2's outside edge at 0.9; 0's nearest is 1 (0.7), but 1's nearest is 2,
    // so 0 and 1 must not merge either. Node 3 has no edge inside and an outside one at 0.5: open;
    // node 4's outside edge (0.1) is below the threshold: final.
    AverageLink.Bounded r = AverageLink.cluster(5, new int[] {1, 1, 1, 1, 1}, new double[] {0, 0, 0.9, 0.5, 0.1},
        new int[] {1, 0}, new int[] {2, 1}, new double[] {0.8, 0.7}, 0.3);
    int[] c = r.cluster();
    for (int i = 0; i < 5; i++) {
      assertEquals(i, c[i]);
    }
    assertTrue(r.open()[0] && r.open()[1] && r.open()[2] && r.open()[3]);
    assertFalse(r.open()[4]);
    // Without 2's outside edge, 1 and 2 merge first and 0 stays apart (mean 0.35 to {1, 2}, at the
    // threshold 0.36 too low): the wait above is what kept 0 and 1 from merging.
    AverageLink.Bounded free = AverageLink.cluster(3, new int[] {1, 1, 1}, new double[3],
        new int[] {1, 0}, new int[] {2, 1}, new double[] {0.8, 0.7}, 0.36);
    assertEquals(free.cluster()[1], free.cluster()[2]);
    assertNotEquals(free.cluster()[0], free.cluster()[1]);
  }

  @Test
  void candidatesComeBestFirstHighestMeanThenLowerClusters() {
    java.util.Random random = new java.util.Random(5);
    AverageLink.Candidates heap = new AverageLink.Candidates(1);
    // The order the heap must give: mean descending, then first cluster, then second, ascending.
    java.util.PriorityQueue<double[]> expected = new java.util.PriorityQueue<>((x, y) ->
        x[0] != y[0] ? Double.compare(y[0], x[0]) : x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(x[2], y[2]));
    int polled = 0;
    for (int step = 0; step < 20_000; step++) {
      if (random.nextInt(3) > 0 || expected.isEmpty()) {
        // Few distinct means and clusters: many ties.
        double mean = random.nextInt(8) / 8.0;
        int a = random.nextInt(20);
        int b = a + 1 + random.nextInt(20);
        heap.add(mean, a, b, step, -step);
        expected.add(new double[] {mean, a, b, step});
      } else {
        double[] best = expected.poll();
        assertEquals(best[0], heap.score(), "mean at poll " + polled);
        assertEquals((int) best[1], heap.a(), "first cluster at poll " + polled);
        assertEquals((int) best[2], heap.b(), "second cluster at poll " + polled);
        assertEquals(-heap.versionA(), heap.versionB(), "the versions stay with their candidate");
        heap.poll();
        polled++;
      }
      assertEquals(expected.isEmpty(), heap.isEmpty());
    }
    assertTrue(polled > 5_000);
  }

  @Test
  void clustersPartByPartAsOverTheWholeGraph() {
    java.util.Random random = new java.util.Random(11);
    int merged = 0;
    int apart = 0;
    for (int round = 0; round < 40; round++) {
      int n = 50 + random.nextInt(400);
      // Planted groups with strong edges inside, weaker edges anywhere, and now and then a strong
      // edge across two groups: parts of several groups, groups that average link keeps apart.
      int groups = 1 + n / (2 + random.nextInt(12));
      java.util.Set<Long> seen = new java.util.HashSet<>();
      java.util.List<int[]> pairs = new java.util.ArrayList<>();
      java.util.List<Double> weights = new java.util.ArrayList<>();
      for (int e = 0; e < 4 * n; e++) {
        int a = random.nextInt(n);
        // Half the time a partner of the same group (a % groups), else anyone.
        int b = random.nextBoolean() ? a % groups + groups * random.nextInt(Math.max(1, (n - 1 - a % groups) / groups + 1))
            : random.nextInt(n);
        boolean sameGroup = a % groups == b % groups;
        if (a == b || !seen.add((long) Math.min(a, b) << 32 | Math.max(a, b))) {
          continue;
        }
        pairs.add(new int[] {Math.min(a, b), Math.max(a, b)});
        weights.add(sameGroup ? 0.3 + 0.7 * random.nextDouble() : 0.6 * random.nextDouble());
      }
      int[] from = pairs.stream().mapToInt(p -> p[0]).toArray();
      int[] to = pairs.stream().mapToInt(p -> p[1]).toArray();
      double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
      double threshold = 0.2 + 0.5 * random.nextDouble();
      int[] whole = AverageLink.cluster(n, from, to, w, threshold);
      int[] parts = AverageLink.clusterParts(n, from, to, w, threshold);
      assertArrayEquals(leastMembers(whole), leastMembers(parts), "round " + round + ", " + n + " nodes");
      assertArrayEquals(parts, AverageLink.clusterParts(n, from, to, w, threshold), "the same on every run");
      for (int i = 0; i < n; i++) {
        assertEquals(parts[i], parts[parts[i]], "a cluster is named by one of its own nodes");
      }
      int[] least = leastMembers(parts);
      merged += (int) java.util.stream.IntStream.range(0, n).filter(i -> least[i] != i).count();
      // Clusters of two or more nodes: kept apart from each other although edges join them.
      apart += (int) java.util.stream.IntStream.range(0, n).filter(i -> least[i] != i).map(i -> least[i]).distinct().count();
    }
    // The graphs made average link merge many nodes and keep many clusters of several nodes apart.
    assertTrue(merged > 2000 && apart > 500, merged + " merged, " + apart + " clusters of several nodes");
  }

  @Test
  void leavesTwoGroupsJoinedOnlyByWeakEdgesApart() {
    // {0,1,2} and {3,4}, joined by edges below the threshold: two parts, two clusters; node 5 alone.
    int[] from = {0, 1, 0, 3, 2, 1};
    int[] to = {1, 2, 2, 4, 3, 4};
    double[] w = {0.9, 0.8, 0.7, 0.9, 0.29, 0.1};
    int[] c = AverageLink.clusterParts(6, from, to, w, 0.3);
    assertArrayEquals(new int[] {c[0], c[0], c[0], c[3], c[3], 5}, c);
    assertNotEquals(c[0], c[3]);
    assertArrayEquals(leastMembers(AverageLink.cluster(6, from, to, w, 0.3)), leastMembers(c));
  }

  /** Each node's cluster named by the cluster's least node. */
  private static int[] leastMembers(int[] cluster) {
    java.util.Map<Integer, Integer> least = new java.util.HashMap<>();
    for (int i = 0; i < cluster.length; i++) {
      least.merge(cluster[i], i, Math::min);
    }
    int[] out = new int[cluster.length];
    for (int i = 0; i < cluster.length; i++) {
      out[i] = least.get(cluster[i]);
    }
    return out;
  }
}
