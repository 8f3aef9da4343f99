package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.corroborate.spark.Plans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph, computed in Spark without collecting it: each node
 * starts with the least id among itself and its neighbours as label; each round it takes the least
 * label of its neighbours and then the label of its label (pointer jumping), until no label changes.
 * A label is always a node of the same component and only decreases, so the labels settle on the
 * component's least node. Plain min-label propagation needs as many rounds as the graph's diameter
 * (long chains of look-alike stories at 100,000 articles); jumping shortens a chain's labels
 * geometrically.
 *
 * <p>A graph of at most a given number of edges is joined in one task by union-find instead
 * (Tarjan 1975): each round above costs a few shuffles of the whole graph, while a task holds
 * about a million edges easily (about 200 bytes a distinct node) and copy groups need nothing more.
 * Both ways give the same labels.
 *
 * <p>Input: edges with columns {@code src, dst} of one orderable type (article ids or numbers).
 * Output: {@code node, component}, where the component is the least node in it (in Spark's order),
 * for every node that has an edge. The result is persisted.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);
  /** Rounds after which propagation stops with a warning. */
  static final int MAX_ROUNDS = 100;

  private ConnectedComponents() {}

  /**
   * The component of every node on an edge: in one task when there are at most {@code taskEdges}
   * edges, else in Spark rounds.
   */
  public static Dataset<Row> of(Dataset<Row> edges, long taskEdges) {
    Plans input = Plans.cut(edges.select(col("src"), col("dst")));
    long count = input.data().count();
    Dataset<Row> labels;
    if (count <= taskEdges) {
      Plans joined = Plans.cut(inOneTask(input.data()));
      long nodes = joined.data().count();
      LOG.info("connected components: {} edges joined in one task, {} nodes", count, nodes);
      labels = joined.data();
    } else {
      labels = of(input.data());
    }
    input.release();
    return labels;
  }

  /**
   * Union-find over all of {@code edges} in one task. The least node of each component is taken in
   * Spark's order (strings by their UTF-8 bytes, unsigned), so the labels equal those of the rounds.
   */
  static Dataset<Row> inOneTask(Dataset<Row> edges) {
    DataType type = edges.schema().apply("src").dataType();
    StructType schema = new StructType().add("node", type).add("component", type);
    MapPartitionsFunction<Row, Row> join = rows -> {
      UnionFind sets = new UnionFind();
      while (rows.hasNext()) {
        Row r = rows.next();
        Object a = r.get(0);
        Object b = r.get(1);
        if (a != null && b != null && !a.equals(b)) {
          sets.union(sets.id(a), sets.id(b));
        }
      }
      return sets.leastOfEach(sparkOrder());
    };
    return edges.select("src", "dst").repartition(1).mapPartitions(join, Encoders.row(schema));
  }

  /** Disjoint sets of node values (Tarjan 1975), numbered in the order they are first seen. */
  private static final class UnionFind {
    private final Map<Object, Integer> index = new HashMap<>();
    private final List<Object> nodes = new ArrayList<>();
    private int[] parent = new int[16];

    /** The number of {@code node}, a set of its own when first seen. */
    int id(Object node) {
      Integer id = index.get(node);
      if (id == null) {
        id = nodes.size();
        index.put(node, id);
        nodes.add(node);
        if (id == parent.length) {
          parent = Arrays.copyOf(parent, 2 * parent.length);
        }
        parent[id] = id;
      }
      return id;
    }

    void union(int a, int b) {
      int x = find(a);
      int y = find(b);
      if (x != y) {
        parent[Math.max(x, y)] = Math.min(x, y);
      }
    }

    /** The root of {@code i}, halving the path on the way. */
    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    /** Rows {@code node, component} for every node, the component its set's least node by {@code order}. */
    java.util.Iterator<Row> leastOfEach(Comparator<Object> order) {
      int[] least = new int[nodes.size()];
      Arrays.fill(least, -1);
      for (int i = 0; i < least.length; i++) {
        int root = find(i);
        if (least[root] < 0 || order.compare(nodes.get(i), nodes.get(least[root])) < 0) {
          least[root] = i;
        }
      }
      return java.util.stream.IntStream.range(0, least.length)
          .mapToObj(i -> RowFactory.create(nodes.get(i), nodes.get(least[find(i)])))
          .iterator();
    }
  }

  /**
   * Spark's ordering of node values: strings by UTF-8 bytes, unsigned (which for valid strings is
   * the order of their code points), numbers as numbers.
   */
  @SuppressWarnings("unchecked")
  private static Comparator<Object> sparkOrder() {
    return (x, y) -> x instanceof String && y instanceof String
        ? codePointOrder((String) x, (String) y)
        : ((Comparable<Object>) x).compareTo(y);
  }

  /** Strings compared by code points, the order of their UTF-8 bytes, without encoding them. */
  private static int codePointOrder(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int a = x.codePointAt(i);
      int b = y.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }

  /** The component of every node on an edge, in Spark rounds. */
  public static Dataset<Row> of(Dataset<Row> edges) {
    Plans both = Plans.cut(edges.select(col("src"), col("dst"))
        .union(edges.select(col("dst").as("src"), col("src").as("dst")))
        .filter(col("src").notEqual(col("dst")))
        .distinct());
    Dataset<Row> neighbours = both.data();
    Plans labels = Plans.cut(neighbours.groupBy("src")
        .agg(least(min(col("dst")), min(col("src"))).as("component"))
        .withColumnRenamed("src", "node"));
    for (int round = 1; ; round++) {
      Dataset<Row> current = labels.data();
      Dataset<Row> propagated = neighbours
          .join(current.toDF("dst", "label"), "dst")
          .groupBy(col("src").as("node"))
          .agg(min(col("label")).as("neighbour"))
          .join(current, "node")
          .select(col("node"), least(col("neighbour"), col("component")).as("component"));
      Plans next = Plans.cut(propagated
          .join(current.toDF("component", "jump"), "component")
          .select(col("node"), least(col("component"), col("jump")).as("component")));
      long changed = next.data().join(current.toDF("node", "old"), "node")
          .filter(col("component").notEqual(col("old")))
          .count();
      labels.release();
      labels = next;
      if (changed == 0) {
        LOG.info("connected components: labels settled after {} rounds", round);
        break;
      }
      if (round == MAX_ROUNDS) {
        LOG.warn("connected components: stopped after {} rounds with {} labels still changing", round, changed);
        break;
      }
    }
    both.release();
    return labels.data();
  }
}
