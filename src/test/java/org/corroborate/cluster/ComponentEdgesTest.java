package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ComponentEdgesTest {
  @Test
  void clustersAComponentTheSameWhateverTheOrderOfItsEdges() {
    // Articles 10, 11, 12 and 20, 21, 22: two stories, joined by one weak edge (12-20).
    long[][] edges = {{10, 11}, {10, 12}, {11, 12}, {20, 21}, {20, 22}, {21, 22}, {12, 20}};
    double[] scores = {0.9, 0.5, 0.6, 0.7, 0.7, 0.8, 0.2};
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    Map<Long, Long> first = null;
    Random random = new Random(7);
    for (int round = 0; round < 5; round++) {
      StoryClusterer.ComponentEdges component = new StoryClusterer.ComponentEdges();
      for (int k : order) {
        component.add(edges[k][0], edges[k][1], scores[k]);
      }
      Map<Long, Long> roots = roots(component.cluster(0.3));
      if (first == null) {
        first = roots;
      }
      assertEquals(first, roots, "order " + order);
      Collections.shuffle(order, random);
    }
    assertEquals(Map.of(10L, 10L, 11L, 10L, 12L, 10L, 20L, 20L, 21L, 20L, 22L, 20L), first);
  }

  @Test
  void keepsTheFirstEdgesUpToTheCapAndCountsTheRest() {
    StoryClusterer.ComponentEdges component = new StoryClusterer.ComponentEdges(1_000);
    for (long k = 0; k < 1_005; k++) {
      component.add(k, k + 1, 1.0 - k * 1e-4);
    }
    assertEquals(5, component.dropped);
    // Every article the kept edges reach gets its row; the articles beyond them do not.
    List<Row> rows = component.cluster(0.5);
    assertEquals(1_001, rows.size());
  }

  @Test
  void clustersEachComponentOfAStreamOnItsOwn() {
    // Component 1: articles 1, 2, 3 (a story); component 7: 7, 8 and 9, where 9 joins only weakly.
    List<Row> rows = List.of(
        org.apache.spark.sql.RowFactory.create(1L, 1L, 2L, 0.9),
        org.apache.spark.sql.RowFactory.create(1L, 2L, 3L, 0.8),
        org.apache.spark.sql.RowFactory.create(1L, 1L, 3L, 0.7),
        org.apache.spark.sql.RowFactory.create(7L, 7L, 8L, 0.6),
        org.apache.spark.sql.RowFactory.create(7L, 8L, 9L, 0.35));
    Map<Long, Long> roots = roots(StoryClusterer.clusterComponents(rows.iterator(), 0.3, 100));
    assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 7L, 7L, 8L, 7L, 9L, 9L), roots);
    // A cap of one edge a component keeps only each component's strongest edge.
    Map<Long, Long> capped = roots(StoryClusterer.clusterComponents(rows.iterator(), 0.3, 1));
    assertEquals(Map.of(1L, 1L, 2L, 1L, 7L, 7L, 8L, 7L), capped);
  }

  @Test
  void clustersTheWholeGraphAsItClustersEachComponent() {
    // Groups of 3-12 articles (200 in all) with edges of every strength, weak edges (below the threshold)
    // between groups and to articles with no strong edge: average link over the whole graph must
    // find what it finds per component of the strong edges (random weights: no exact ties).
    double threshold = 0.3;
    RandomGraph graph = RandomGraph.planted(new Random(5), 200, 3, 10, 0.7, 0.05, 0.9, 400, 20, threshold);
    int m = graph.size();
    long[] from = graph.from();
    long[] to = graph.to();
    double[] w = graph.weight();
    long isolated = graph.groupedNodes();
    Map<Long, String> whole = clusters(StoryClusterer.clusterComponent(from, to, w, m, threshold));

    // Per component of the strong edges, each with every edge inside it, weak ones included.
    Map<Long, Long> component = new TreeMap<>();
    for (int k = 0; k < m; k++) {
      if (w[k] >= threshold) {
        long x = find(component, from[k]);
        long y = find(component, to[k]);
        component.put(Math.max(x, y), Math.min(x, y));
      }
    }
    Map<Long, List<Integer>> edgesOf = new TreeMap<>();
    for (int k = 0; k < m; k++) {
      if (component.containsKey(from[k]) && component.containsKey(to[k])
          && find(component, from[k]) == find(component, to[k])) {
        edgesOf.computeIfAbsent(find(component, from[k]), c -> new ArrayList<>()).add(k);
      }
    }
    Map<Long, String> perComponent = new TreeMap<>();
    for (List<Integer> ks : edgesOf.values()) {
      long[] f = ks.stream().mapToLong(k -> from[k]).toArray();
      long[] t = ks.stream().mapToLong(k -> to[k]).toArray();
      double[] v = ks.stream().mapToDouble(k -> w[k]).toArray();
      perComponent.putAll(clusters(StoryClusterer.clusterComponent(f, t, v, ks.size(), threshold)));
    }
    // An article outside every component is a story of its own, as the job's join back makes it.
    for (long node : whole.keySet()) {
      perComponent.putIfAbsent(node, node + " 0");
    }
    assertEquals(perComponent, whole);
    assertEquals(true, whole.values().stream().map(v -> v.split(" ")[0]).distinct().count() < whole.size() / 2,
        "most articles join a story");
    assertEquals(true, whole.keySet().stream().anyMatch(n -> n >= isolated), "isolated articles took part");
  }

  private static long find(Map<Long, Long> parent, long x) {
    parent.putIfAbsent(x, x);
    while (parent.get(x) != x) {
      x = parent.get(x);
    }
    return x;
  }

  /** Root and centrality (to 9 decimals) by article. */
  private static Map<Long, String> clusters(List<Row> rows) {
    Map<Long, String> out = new TreeMap<>();
    for (Row r : rows) {
      out.put(r.getLong(0), r.getLong(1) + " " + Math.round(r.getDouble(2) * 1e9));
    }
    return out;
  }

  private static Map<Long, Long> roots(List<Row> rows) {
    Map<Long, Long> out = new TreeMap<>();
    for (Row r : rows) {
      out.put(r.getLong(0), r.getLong(1));
    }
    return out;
  }
}
