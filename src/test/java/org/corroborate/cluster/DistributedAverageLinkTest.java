package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.spark.Plans;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Average link in Spark passes over chunks, and in rounds, gives the clusters of average link in one task. */
class DistributedAverageLinkTest {
  private static final StructType EDGES = new StructType()
      .add("a", DataTypes.LongType)
      .add("b", DataTypes.LongType)
      .add("score", DataTypes.DoubleType);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @Test
  void passesAndRoundsMatchTheSequentialMerges() {
    check(5, new int[][] {{0, 0}, {6, 8}, {6, 3}, {12, 8}, {6, 8, 0}});
  }

  @Test
  void passesMatchTheSequentialMergesOnAnotherGraph() {
    check(11, new int[][] {{6, 8}, {6, 3}});
  }

  /**
   * For each {divisor, chunks}: task edges of a {@code divisor}th of the edges (0: none, rounds
   * alone), at most {@code chunks} chunks a pass; {divisor, chunks, 0}: the same with the edges
   * inside clusters found by joins rather than a broadcast of the nodes' clusters.
   */
  private static void check(long seed, int[][] runs) {
    // Planted groups of 2-9 nodes with strong inner edges, joined by weaker random edges into a few
    // large components; weights distinct, so no tie decides a merge.
    RandomGraph graph = RandomGraph.planted(new Random(seed), 150, 2, 8, 0.8, 0.2, 0.7, 400, 0, 0.3);
    int m = graph.size();
    long[] from = graph.from();
    long[] to = graph.to();
    double[] w = graph.weight();
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      rows.add(RowFactory.create(from[k], to[k], w[k]));
    }
    double threshold = 0.25;
    Map<Long, Long> expected = new TreeMap<>();
    Map<Long, Double> expectedCentrality = new TreeMap<>();
    for (Row r : StoryClusterer.clusterComponent(from, to, w, m, threshold)) {
      expected.put(r.getLong(0), r.getLong(1));
      expectedCentrality.put(r.getLong(0), r.getDouble(2));
    }
    for (int[] run : runs) {
      int taskEdges = run[0] == 0 ? 0 : m / run[0];
      DistributedAverageLink.Result result = DistributedAverageLink.cluster(spark.createDataFrame(rows, EDGES),
          threshold, taskEdges, run[0] == 0 ? 0 : run[1],
          run.length > 2 ? run[2] : DistributedAverageLink.BROADCAST_LABELS);
      if (taskEdges == 0) {
        assertTrue(result.rounds() > 0 && result.passes() == 0, result.toString());
      } else {
        assertTrue(result.passes() > 0, result.toString());
      }
      Plans members = result.members();
      Map<Long, Long> actual = new TreeMap<>();
      Map<Long, Double> centrality = new TreeMap<>();
      for (Row r : members.data().collectAsList()) {
        actual.put(r.getLong(0), r.getLong(1));
        centrality.put(r.getLong(0), r.getDouble(2));
      }
      members.release();
      assertEquals(expected, actual, "task edges " + taskEdges + ", " + result);
      for (Map.Entry<Long, Double> e : expectedCentrality.entrySet()) {
        assertEquals(e.getValue(), centrality.get(e.getKey()), 1e-6, "centrality of " + e.getKey());
      }
      // The case is not trivial: some clusters merged several nodes, and not everything merged.
      long clusters = actual.values().stream().distinct().count();
      assertTrue(clusters > 10 && clusters < actual.size() / 2, "clusters: " + clusters);
      assertEquals(actual.size() - clusters, result.merges(), "merges");
    }
  }
}
