package org.corroborate.eval;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a predicted clustering of articles against gold labels with Spark aggregations.
 *
 * <p>Input: any {@code Dataset<Row>} with a gold-label column and a predicted-label column (any
 * type; labels are compared as strings). Output: a {@link ClusterScores} with B-cubed, pairwise and
 * ARI scores as defined in {@link ClusterMetrics}.
 *
 * <p>Only aggregates reach the driver: the articles are grouped into contingency cells (gold,
 * predicted, count), cluster sizes are summed per gold and per predicted label, the per-cell terms
 * are summed in Spark, and one row of totals is collected.
 *
 * <p>A row whose gold label is {@code null} is a gold cluster of its own (an unlabelled article can
 * only be right alone); likewise a row whose predicted label is {@code null} is a predicted cluster
 * of its own. Both rules match {@link ClusterMetrics.Cell}.
 */
public final class ClusterEvaluation {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterEvaluation.class);

  // SparkContext.SPARK_JOB_DESCRIPTION, which Java cannot see.
  private static final String JOB_DESCRIPTION = "spark.job.description";
  private static final String GOLD = "gold";
  private static final String PREDICTED = "predicted";
  private static final String COUNT = "cell_count";
  private static final String GOLD_SIZE = "gold_size";
  private static final String PREDICTED_SIZE = "predicted_size";

  private ClusterEvaluation() {}

  /**
   * Returns the scores of {@code predictedColumn} against {@code goldColumn} over all rows of
   * {@code articles}; runs under the job description "Scoring clusters".
   *
   * @throws IllegalArgumentException when a column is missing
   */
  public static ClusterScores score(Dataset<Row> articles, String goldColumn, String predictedColumn) {
    Objects.requireNonNull(articles, "articles");
    requireColumn(articles, goldColumn, "gold");
    requireColumn(articles, predictedColumn, "predicted");
    long start = System.nanoTime();
    SparkContext context = articles.sparkSession().sparkContext();
    String previous = context.getLocalProperty(JOB_DESCRIPTION);
    context.setJobDescription("Scoring clusters: " + predictedColumn + " against " + goldColumn);
    try {
      ClusterMetrics.Totals totals = totals(articles, goldColumn, predictedColumn);
      ClusterScores scores = ClusterMetrics.fromTotals(totals);
      LOG.info("Scored {} against {}: {} articles, {} gold and {} predicted clusters, "
              + "B-cubed F1 {}, ARI {} in {} ms", predictedColumn, goldColumn, scores.articles(),
          scores.goldClusters(), scores.predictedClusters(), scores.bcubedF1(), scores.ari(),
          (System.nanoTime() - start) / 1_000_000);
      return scores;
    } finally {
      context.setJobDescription(previous);
    }
  }

  /** Returns the sums behind every score, computed in one Spark job and collected as one row. */
  static ClusterMetrics.Totals totals(Dataset<Row> articles, String goldColumn, String predictedColumn) {
    Dataset<Row> cells = articles
        .select(col(quote(goldColumn)).cast("string").as(GOLD),
            col(quote(predictedColumn)).cast("string").as(PREDICTED))
        .groupBy(GOLD, PREDICTED)
        .agg(count(lit(1)).as(COUNT));
    Dataset<Row> goldSizes = cells.where(col(GOLD).isNotNull())
        .groupBy(GOLD).agg(sum(COUNT).as(GOLD_SIZE));
    Dataset<Row> predictedSizes = cells.where(col(PREDICTED).isNotNull())
        .groupBy(PREDICTED).agg(sum(COUNT).as(PREDICTED_SIZE));

    // A null label never matches in the joins, so its size stays null and the cell's articles are
    // scored as singletons: count cells of one article each.
    Column nullCell = col(GOLD).isNull().or(col(PREDICTED).isNull());
    Column goldSize = coalesce(col(GOLD_SIZE), lit(1L)).cast("double");
    Column predictedSize = coalesce(col(PREDICTED_SIZE), lit(1L)).cast("double");
    Column n = col(COUNT).cast("double");
    Column square = when(nullCell, n).otherwise(n.multiply(n));
    Dataset<Row> cellTerms = cells
        .join(goldSizes, new String[] {GOLD}, "left")
        .join(predictedSizes, new String[] {PREDICTED}, "left")
        .select(
            col(COUNT),
            square.divide(predictedSize).as("precision_term"),
            square.divide(goldSize).as("recall_term"),
            when(nullCell, lit(0L)).otherwise(pairs(col(COUNT))).as("pair_term"),
            when(col(GOLD).isNull(), col(COUNT)).otherwise(lit(0L)).as("null_gold"),
            when(col(PREDICTED).isNull(), col(COUNT)).otherwise(lit(0L)).as("null_predicted"))
        .agg(
            coalesce(sum(COUNT), lit(0L)).as("articles"),
            coalesce(sum("precision_term"), lit(0.0)).as("precision_sum"),
            coalesce(sum("recall_term"), lit(0.0)).as("recall_sum"),
            coalesce(sum("pair_term"), lit(0L)).as("true_positive_pairs"),
            coalesce(sum("null_gold"), lit(0L)).as("null_gold"),
            coalesce(sum("null_predicted"), lit(0L)).as("null_predicted"));
    Dataset<Row> goldTerms = goldSizes.agg(
        count(lit(1)).as("gold_labels"),
        coalesce(sum(pairs(col(GOLD_SIZE))), lit(0L)).as("gold_pairs"));
    Dataset<Row> predictedTerms = predictedSizes.agg(
        count(lit(1)).as("predicted_labels"),
        coalesce(sum(pairs(col(PREDICTED_SIZE))), lit(0L)).as("predicted_pairs"));

    Row row = cellTerms.crossJoin(goldTerms).crossJoin(predictedTerms).first();
    return new ClusterMetrics.Totals(
        row.getLong(row.fieldIndex("articles")),
        row.getLong(row.fieldIndex("gold_labels")) + row.getLong(row.fieldIndex("null_gold")),
        row.getLong(row.fieldIndex("predicted_labels"))
            + row.getLong(row.fieldIndex("null_predicted")),
        row.getDouble(row.fieldIndex("precision_sum")),
        row.getDouble(row.fieldIndex("recall_sum")),
        row.getLong(row.fieldIndex("true_positive_pairs")),
        row.getLong(row.fieldIndex("gold_pairs")),
        row.getLong(row.fieldIndex("predicted_pairs")));
  }

  /** C(k, 2) as a long column. */
  private static Column pairs(Column k) {
    return k.multiply(k.minus(lit(1L))).cast("long").divide(lit(2L)).cast("long");
  }

  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  private static void requireColumn(Dataset<Row> articles, String column, String role) {
    Objects.requireNonNull(column, role + " column");
    if (!Arrays.asList(articles.columns()).contains(column)) {
      throw new IllegalArgumentException("Input column '" + column + "' (" + role
          + " labels) not found in articles; available: " + String.join(", ", articles.columns()));
    }
  }
}
