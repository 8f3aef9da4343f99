package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * <p>Input: edges with columns {@code src, dst} of one orderable type (article ids or numbers).
 * Output: {@code node, component}, where the component is the least node in it, for every node that
 * has an edge. The result is persisted.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);
  /** Rounds after which propagation stops with a warning. */
  static final int MAX_ROUNDS = 100;

  private ConnectedComponents() {}

  /** The component of every node on an edge. */
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
