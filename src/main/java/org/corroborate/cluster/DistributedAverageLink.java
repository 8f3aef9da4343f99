package org.corroborate.cluster;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.spark.Plans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Average-link clustering of a graph too large for one task, in Spark rounds of reciprocal nearest
 * neighbours. Each round every cluster finds its nearest neighbour (the highest mean similarity, at
 * least the threshold; ties to the lower cluster); pairs of clusters that are each other's nearest
 * merge, all at once; the similarity sums between clusters are re-aggregated. Average link is
 * reducible (a merged cluster is never more similar to a third than the closer of its parts was),
 * so merging every reciprocal pair in one round gives the same clusters as merging the single best
 * pair at a time ({@link AverageLink}, which needs the whole graph in one place), up to exact ties.
 * A cluster with no neighbour at the threshold is final and leaves the graph, which shrinks each round.
 *
 * <p>A cluster is named by its least node, so the result needs no renumbering. Rounds stop when no
 * pair reaches the threshold. Every round merges at least the best pair of the whole graph, often a
 * large share of all clusters, but a cluster that is the nearest neighbour of many others takes one
 * of them a round; so once the remaining graph fits in one task, sequential average link finishes it
 * there. Sums are added in fixed point ({@link StoryClusterer#orderedSum}), the same on every run.
 */
final class DistributedAverageLink {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedAverageLink.class);
  /** Rounds after which merging stops with a warning. */
  static final int MAX_ROUNDS = 500;

  private static final StructType ROOTS = new StructType()
      .add("c", DataTypes.LongType)
      .add("root", DataTypes.LongType);

  private DistributedAverageLink() {}

  /**
   * Sequential average link over the whole cluster graph ({@code c, d, total}, with each cluster's
   * {@code size}) in one task: {@code c, root} for every cluster on an edge, root the least cluster
   * of its merged group.
   */
  private static Dataset<Row> finishInOneTask(Dataset<Row> graph, Dataset<Row> size, double threshold) {
    MapPartitionsFunction<Row, Row> finish = rows -> {
      List<long[]> pairs = new ArrayList<>();
      List<Double> totals = new ArrayList<>();
      java.util.Map<Long, Integer> sizes = new java.util.HashMap<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        pairs.add(new long[] {r.getLong(0), r.getLong(1)});
        totals.add(r.getDouble(2));
        sizes.put(r.getLong(0), (int) r.getLong(3));
        sizes.put(r.getLong(1), (int) r.getLong(4));
      }
      long[] nodes = sizes.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      int[] nodeSizes = new int[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        nodeSizes[i] = sizes.get(nodes[i]);
      }
      // Edges in (c, d) order, so that ties break the same way on every run.
      Integer[] order = new Integer[pairs.size()];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      java.util.Arrays.sort(order, (x, y) -> pairs.get(x)[0] != pairs.get(y)[0]
          ? Long.compare(pairs.get(x)[0], pairs.get(y)[0]) : Long.compare(pairs.get(x)[1], pairs.get(y)[1]));
      int[] from = new int[order.length];
      int[] to = new int[order.length];
      double[] weight = new double[order.length];
      for (int k = 0; k < order.length; k++) {
        from[k] = java.util.Arrays.binarySearch(nodes, pairs.get(order[k])[0]);
        to[k] = java.util.Arrays.binarySearch(nodes, pairs.get(order[k])[1]);
        weight[k] = totals.get(order[k]);
      }
      int[] cluster = AverageLink.cluster(nodes.length, nodeSizes, from, to, weight, threshold);
      java.util.Map<Integer, Long> root = new java.util.HashMap<>();
      for (int i = 0; i < nodes.length; i++) {
        root.merge(cluster[i], nodes[i], Math::min);
      }
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < nodes.length; i++) {
        out.add(RowFactory.create(nodes[i], root.get(cluster[i])));
      }
      return out.iterator();
    };
    return graph
        .join(size, "c")
        .join(size.toDF("d", "d_size"), "d")
        .select(col("c"), col("d"), col("total"), col("size"), col("d_size"))
        .repartition(1)
        .mapPartitions(finish, Encoders.row(ROOTS));
  }

  /**
   * The clusters of the nodes of {@code edges} ({@code a, b, score}: each pair once, {@code a < b}):
   * rows {@code a} (a node), {@code root} (the least node of its cluster) and {@code centrality}
   * (its summed similarity to the rest of its cluster), like {@link StoryClusterer#clusterComponent};
   * persisted, release when read. Once the graph of clusters still able to merge has at most
   * {@code taskEdges} edges, one task finishes it.
   */
  static Plans cluster(Dataset<Row> edges, double threshold, int taskEdges) {
    Plans graph = Plans.cut(edges.select(col("a").as("c"), col("b").as("d"), col("score").as("total")));
    Plans labels = Plans.cut(edges.select(col("a").as("node"))
        .union(edges.select(col("b").as("node")))
        .distinct()
        .withColumn("cluster", col("node")));
    Plans sizes = Plans.cut(labels.data().select(col("node").as("c"), lit(1L).as("size")));
    long merged = 0;
    int rounds = 0;
    boolean finished = false;
    for (long edgeCount = Long.MAX_VALUE; ; ) {
      Dataset<Row> size = sizes.data();
      if (edgeCount <= taskEdges) {
        // Final clusters have left and merged clusters share their edges: what remains fits in one
        // task, where sequential average link finishes it, with no round per merge left.
        Plans roots = Plans.cut(finishInOneTask(graph.data(), size, threshold));
        Plans newLabels = Plans.cut(labels.data()
            .join(roots.data().toDF("cluster", "root"), "cluster", "left_outer")
            .select(col("node"), coalesce(col("root"), col("cluster")).as("cluster")));
        newLabels.data().count();
        merged += roots.data().filter(col("root").notEqual(col("c"))).count();
        labels.release();
        roots.release();
        labels = newLabels;
        finished = true;
        break;
      }
      Dataset<Row> directed = graph.data()
          .withColumn("end", explode(array(lit(0), lit(1))))
          .select(
              when(col("end").equalTo(0), col("c")).otherwise(col("d")).as("c"),
              when(col("end").equalTo(0), col("d")).otherwise(col("c")).as("d"),
              col("total"))
          .join(size, "c")
          .join(size.toDF("d", "d_size"), "d")
          .select(col("c"), col("d"), col("total").divide(col("size").multiply(col("d_size"))).as("mean"))
          .filter(col("mean").geq(threshold));
      // The nearest neighbour of each cluster: the highest mean, then the least cluster.
      Plans nearest = Plans.cut(directed
          .groupBy("c")
          .agg(max(struct(col("mean"), col("d").multiply(-1L).as("neg_d"))).as("best"))
          .select(col("c"), col("best.neg_d").multiply(-1L).as("d")));
      Dataset<Row> near = nearest.data();
      Plans merges = Plans.cut(near
          .join(near.toDF("d", "back"), "d")
          .filter(col("back").equalTo(col("c")).and(col("c").lt(col("d"))))
          .select(col("d").as("gone"), col("c").as("keep")));
      long count = merges.data().count();
      if (count == 0) {
        merges.release();
        nearest.release();
        finished = true;
        break;
      }
      rounds++;
      merged += count;
      Dataset<Row> moves = merges.data();
      // A cluster with no neighbour at the threshold is final: a merged cluster's mean to it is an
      // average of its parts' means, all below the threshold. Its edges leave the graph.
      Dataset<Row> active = near.select("c");
      Dataset<Row> relabelled = graph.data()
          .join(active, "c", "left_semi")
          .join(active.toDF("d"), "d", "left_semi")
          .join(moves.toDF("c", "c_keep"), "c", "left_outer")
          .join(moves.toDF("d", "d_keep"), "d", "left_outer")
          .select(coalesce(col("c_keep"), col("c")).as("c1"), coalesce(col("d_keep"), col("d")).as("d1"), col("total"))
          .filter(col("c1").notEqual(col("d1")))
          .groupBy(least(col("c1"), col("d1")).as("c"), greatest(col("c1"), col("d1")).as("d"))
          .agg(StoryClusterer.orderedSum(col("total")).as("total"));
      Plans newGraph = Plans.cut(relabelled);
      Plans newLabels = Plans.cut(labels.data()
          .join(moves.toDF("cluster", "keep"), "cluster", "left_outer")
          .select(col("node"), coalesce(col("keep"), col("cluster")).as("cluster")));
      Plans newSizes = Plans.cut(size
          .join(active, "c", "left_semi")
          .join(moves.toDF("c", "keep"), "c", "left_outer")
          .groupBy(coalesce(col("keep"), col("c")).as("c"))
          .agg(sum(col("size")).as("size")));
      edgeCount = newGraph.data().count();
      newLabels.data().count();
      newSizes.data().count();
      graph.release();
      labels.release();
      sizes.release();
      merges.release();
      nearest.release();
      graph = newGraph;
      labels = newLabels;
      sizes = newSizes;
      if (rounds == MAX_ROUNDS) {
        LOG.warn("stories: average link in rounds stopped after {} rounds; some stories may be split", rounds);
        break;
      }
    }
    LOG.info("stories: average link in rounds: {} merges in {} rounds{}", merged, rounds,
        finished ? "" : " (stopped at the round limit)");
    graph.release();
    sizes.release();
    Dataset<Row> label = labels.data();
    Dataset<Row> inCluster = edges
        .join(label.toDF("a", "a_cluster"), "a")
        .join(label.toDF("b", "b_cluster"), "b")
        .filter(col("a_cluster").equalTo(col("b_cluster")))
        .select(col("a"), col("b"), col("score"));
    Dataset<Row> centrality = inCluster.select(col("a").as("node"), col("score"))
        .union(inCluster.select(col("b").as("node"), col("score")))
        .groupBy("node")
        .agg(StoryClusterer.orderedSum(col("score")).as("centrality"));
    Plans members = Plans.cut(label.join(centrality, "node", "left_outer")
        .select(col("node").as("a"), col("cluster").as("root"), coalesce(col("centrality"), lit(0.0)).as("centrality")));
    members.data().count();
    labels.release();
    return members;
  }
}
