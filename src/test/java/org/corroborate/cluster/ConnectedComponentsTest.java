package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  private static final StructType EDGES = new StructType()
      .add("src", DataTypes.LongType)
      .add("dst", DataTypes.LongType);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @Test
  void labelsEveryNodeWithTheLeastNodeOfItsComponent() {
    List<long[]> edges = new ArrayList<>();
    // A chain of 300 nodes numbered against its order (the least node sits in the middle), which
    // plain propagation would need ~150 rounds to settle; a star; a pair; and a random sparse graph.
    for (int i = 0; i < 299; i++) {
      edges.add(new long[] {chain(i), chain(i + 1)});
    }
    for (long leaf = 2001; leaf <= 2020; leaf++) {
      edges.add(new long[] {2000, leaf});
    }
    edges.add(new long[] {3001, 3000});
    Random random = new Random(11);
    for (int k = 0; k < 400; k++) {
      edges.add(new long[] {5000 + random.nextInt(600), 5000 + random.nextInt(600)});
    }
    List<Row> rows = new ArrayList<>();
    for (long[] e : edges) {
      rows.add(RowFactory.create(e[0], e[1]));
    }
    Map<Long, Long> actual = new TreeMap<>();
    for (Row r : ConnectedComponents.of(spark.createDataFrame(rows, EDGES)).collectAsList()) {
      actual.put(r.getLong(0), r.getLong(1));
    }
    assertEquals(expected(edges), actual);
    assertEquals(chain(150), actual.get(chain(0)));

    Map<Long, Long> inOneTask = new TreeMap<>();
    for (Row r : ConnectedComponents.of(spark.createDataFrame(rows, EDGES), edges.size()).collectAsList()) {
      inOneTask.put(r.getLong(0), r.getLong(1));
    }
    assertEquals(actual, inOneTask);
  }

  @Test
  void joinsSmallGraphsInOneTaskWithSparksOrderOfStrings() {
    StructType stringEdges = new StructType()
        .add("src", DataTypes.StringType)
        .add("dst", DataTypes.StringType);
    // U+FFFD sorts before U+1F600 in UTF-8 bytes (Spark's order), after it in UTF-16 (Java's).
    String replacement = "\uFFFDid";
    String emoji = "\uD83D\uDE00id";
    String otherEmoji = "\uD83D\uDE01id";
    List<Row> rows = List.of(
        RowFactory.create(emoji, replacement), RowFactory.create(otherEmoji, emoji),
        RowFactory.create("b2", "a2"), RowFactory.create("c2", "b2"), RowFactory.create("c2", "c2"));
    Map<String, String> inRounds = new TreeMap<>();
    for (Row r : ConnectedComponents.of(spark.createDataFrame(rows, stringEdges)).collectAsList()) {
      inRounds.put(r.getString(0), r.getString(1));
    }
    Map<String, String> inOneTask = new TreeMap<>();
    for (Row r : ConnectedComponents.of(spark.createDataFrame(rows, stringEdges), 5).collectAsList()) {
      inOneTask.put(r.getString(0), r.getString(1));
    }
    assertEquals(Map.of(replacement, replacement, emoji, replacement, otherEmoji, replacement,
        "a2", "a2", "b2", "a2", "c2", "a2"), inOneTask);
    assertEquals(inRounds, inOneTask);
  }

  /** Node i of the chain: numbers fall to the middle and rise again. */
  private static long chain(int i) {
    return 1000 + Math.abs(150 - i) * 2L + (i < 150 ? 1 : 0);
  }

  /** Union-find: the least node of each node's component, for nodes with an edge to another. */
  private static Map<Long, Long> expected(List<long[]> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] e : edges) {
      if (e[0] == e[1]) {
        continue;
      }
      long a = find(parent, e[0]);
      long b = find(parent, e[1]);
      parent.put(Math.max(a, b), Math.min(a, b));
    }
    Map<Long, Long> out = new TreeMap<>();
    for (long node : new ArrayList<>(parent.keySet())) {
      out.put(node, find(parent, node));
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long x) {
    parent.putIfAbsent(x, x);
    long root = x;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    return root;
  }
}
