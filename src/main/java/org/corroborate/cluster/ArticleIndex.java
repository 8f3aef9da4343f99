package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corroborate.spark.Plans;

/**
 * Dense article numbers in time order (then id; articles without a date last). Pairs of articles are
 * shuffled, aggregated and ranked many millions of times; as two numbers in one long they cost a
 * fraction of two string ids. The order is total, so a tie broken by number is broken the same way
 * on every run; and since candidates lie within a time window of each other, the partners of an
 * article have numbers close to its own, which {@link WaveScoring} relies on to read little.
 */
final class ArticleIndex {
  static final String IDX = "idx";

  private ArticleIndex() {}

  /**
   * {@code rows} (with {@code id} and {@code published} columns) with their number as a first column
   * {@code idx}, persisted.
   */
  static Plans of(Dataset<Row> rows) {
    JavaRDD<Row> sorted = rows.orderBy(col("published").asc_nulls_last(), col("id").asc()).javaRDD();
    JavaRDD<Row> numbered = sorted.zipWithIndex().map(t -> {
      Row r = t._1();
      List<Object> values = new ArrayList<>(r.length() + 1);
      values.add(t._2());
      for (int i = 0; i < r.length(); i++) {
        values.add(r.get(i));
      }
      return RowFactory.create(values.toArray());
    });
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(IDX, DataTypes.LongType, false));
    fields.addAll(List.of(rows.schema().fields()));
    Dataset<Row> indexed = SparkSession.active().createDataFrame(numbered, new StructType(fields.toArray(new StructField[0])));
    return Plans.cut(indexed);
  }
}
