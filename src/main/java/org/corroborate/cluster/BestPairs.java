package org.corroborate.cluster;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.spark.Plans;

/**
 * The best pairs of each article: of the pairs ({@code a, b, measure}) each article takes part in,
 * the {@code limit} with the highest measure, ties to the lower partner number.
 *
 * <p>A window ranking each article's pairs sorts them all by article, measure and partner; the sort
 * compares every two rows of one article field by field (their sort prefix, the article, is equal),
 * and at a million articles it took minutes. Here each task keeps a bounded heap per article of
 * its partition instead, in one pass and without a sort.
 */
final class BestPairs {
  private BestPairs() {}

  /** Pairs (a < b) among the {@code limit} best of each article by {@code measure}, either end. */
  static Dataset<Row> perArticle(Dataset<Row> pairs, String measure, int limit) {
    Dataset<Row> directed = pairs.select(col("a"), col("b"), col(measure))
        .withColumn("__end", explode(array(lit(0), lit(1))))
        .select(
            when(col("__end").equalTo(0), col("a")).otherwise(col("b")).as("from"),
            when(col("__end").equalTo(0), col("b")).otherwise(col("a")).as("to"),
            col(measure).cast(DataTypes.DoubleType));
    StructType schema = new StructType()
        .add("a", DataTypes.LongType)
        .add("b", DataTypes.LongType)
        .add(measure, DataTypes.DoubleType);
    MapPartitionsFunction<Row, Row> best = rows -> best(rows, limit).iterator();
    return directed
        .repartition(Plans.shufflePartitions(), col("from"))
        .mapPartitions(best, Encoders.row(schema))
        .dropDuplicates("a", "b");
  }

  /** The best pairs of each {@code from} of {@code rows} ({@code from, to, measure}), as {@code a, b, measure}. */
  static List<Row> best(Iterator<Row> rows, int limit) {
    Map<Long, Top> tops = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      tops.computeIfAbsent(r.getLong(0), k -> new Top(limit)).offer(r.getLong(1), r.getDouble(2));
    }
    List<Row> out = new ArrayList<>();
    for (Map.Entry<Long, Top> e : tops.entrySet()) {
      long from = e.getKey();
      Top top = e.getValue();
      for (int i = 0; i < top.size; i++) {
        long to = top.partners[i];
        out.add(RowFactory.create(Math.min(from, to), Math.max(from, to), top.measures[i]));
      }
    }
    return out;
  }

  /**
   * The {@code limit} best partners offered: highest measure, then lowest number. A heap with the
   * worst kept partner at its root; arrays grow as partners come, so an article with few costs
   * little.
   */
  static final class Top {
    private final int limit;
    private long[] partners = new long[4];
    private double[] measures = new double[4];
    private int size;

    Top(int limit) {
      this.limit = limit;
    }

    void offer(long partner, double measure) {
      if (size < limit) {
        if (size == partners.length) {
          partners = java.util.Arrays.copyOf(partners, Math.min(limit, size * 2));
          measures = java.util.Arrays.copyOf(measures, partners.length);
        }
        partners[size] = partner;
        measures[size] = measure;
        siftUp(size++);
      } else if (limit > 0 && better(partner, measure, partners[0], measures[0])) {
        partners[0] = partner;
        measures[0] = measure;
        siftDown();
      }
    }

    private static boolean better(long p, double m, long q, double n) {
      return m != n ? m > n : p < q;
    }

    private void siftUp(int at) {
      while (at > 0) {
        int parent = (at - 1) / 2;
        if (!better(partners[parent], measures[parent], partners[at], measures[at])) {
          return;
        }
        swap(parent, at);
        at = parent;
      }
    }

    private void siftDown() {
      int at = 0;
      while (true) {
        int worst = at;
        for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
          if (better(partners[worst], measures[worst], partners[child], measures[child])) {
            worst = child;
          }
        }
        if (worst == at) {
          return;
        }
        swap(at, worst);
        at = worst;
      }
    }

    private void swap(int i, int j) {
      long p = partners[i];
      partners[i] = partners[j];
      partners[j] = p;
      double m = measures[i];
      measures[i] = measures[j];
      measures[j] = m;
    }
  }
}
