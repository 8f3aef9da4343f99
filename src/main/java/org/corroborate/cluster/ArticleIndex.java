package org.corroborate.cluster;

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
 * Dense article numbers in id order. Pairs of articles are shuffled, aggregated and ranked many
 * millions of times; as two numbers in one long they cost a fraction of two string ids. Because the
 * numbers follow the ids, a tie broken by number is broken by id, the same on every run.
 */
final class ArticleIndex {
  static final String IDX = "idx";

  private ArticleIndex() {}

  /** {@code rows} (with an {@code id} column) with their number as a first column {@code idx}, persisted. */
  static Plans of(Dataset<Row> rows) {
    JavaRDD<Row> sorted = rows.orderBy("id").javaRDD();
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
