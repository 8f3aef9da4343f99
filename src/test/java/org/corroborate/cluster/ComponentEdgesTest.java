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

  private static Map<Long, Long> roots(List<Row> rows) {
    Map<Long, Long> out = new TreeMap<>();
    for (Row r : rows) {
      out.put(r.getLong(0), r.getLong(1));
    }
    return out;
  }
}
