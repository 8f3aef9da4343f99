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

/** Average link in Spark rounds gives the clusters of average link in one task. */
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
  void roundsOfReciprocalNearestNeighboursMatchTheSequentialMerges() {
    // Planted groups of 2-9 nodes with strong inner edges, joined by weaker random edges into a few
    // large components; weights distinct, so no tie decides a merge.
    RandomGraph graph = RandomGraph.planted(new Random(5), 150, 2, 8, 0.8, 0.2, 0.7, 400, 0, 0.3);
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
    // Rounds alone; passes over chunks of about a sixth of the edges; and a pass or two until 60
    // edges remain for one task.
    for (int taskEdges : new int[] {0, m / 6, 60}) {
      DistributedAverageLink.Result run = DistributedAverageLink.cluster(spark.createDataFrame(rows, EDGES),
          threshold, taskEdges, taskEdges == 0 ? 0 : 8);
      Plans result = run.members();
      if (taskEdges == 0) {
        assertTrue(run.rounds() > 0 && run.passes() == 0, run.toString());
      } else {
        assertTrue(run.passes() > 0, "passes: " + run.passes());
      }
      System.out.println("task edges " + taskEdges + " of " + m + ": " + run);
      Map<Long, Long> actual = new TreeMap<>();
      Map<Long, Double> centrality = new TreeMap<>();
      for (Row r : result.data().collectAsList()) {
        actual.put(r.getLong(0), r.getLong(1));
        centrality.put(r.getLong(0), r.getDouble(2));
      }
      result.release();
      assertEquals(expected, actual, "task edges " + taskEdges);
      for (Map.Entry<Long, Double> e : expectedCentrality.entrySet()) {
        assertEquals(e.getValue(), centrality.get(e.getKey()), 1e-6, "centrality of " + e.getKey());
      }
      // The case is not trivial: some clusters merged several nodes, and not everything merged.
      long clusters = actual.values().stream().distinct().count();
      assertTrue(clusters > 10 && clusters < actual.size() / 2, "clusters: " + clusters);
    }
  }
}
