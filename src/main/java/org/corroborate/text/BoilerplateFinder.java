package org.corroborate.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Finds each outlet's boilerplate lines: a line is boilerplate when it appears in at least
 * {@code minArticles} different texts of one source. Different texts, not articles, so that one
 * outlet republishing the same story three times does not turn that story into boilerplate.
 *
 * <p>Input columns: {@code source, text}. Output: the set of {@link Boilerplate#key} values. The set
 * is small (a few lines per outlet), so it is collected and broadcast; the articles are not.
 */
public final class BoilerplateFinder {
  private static final StructType LINE_SCHEMA = new StructType()
      .add("key", DataTypes.LongType)
      .add("text_hash", DataTypes.LongType);

  private BoilerplateFinder() {}

  /** The keys of every boilerplate line in {@code articles}. */
  public static Set<Long> find(Dataset<Row> articles, int minArticles) {
    FlatMapFunction<Row, Row> lines = row -> {
      String source = row.getString(0);
      String text = row.getString(1);
      List<Row> out = new ArrayList<>();
      if (source == null || text == null) {
        return out.iterator();
      }
      long textHash = Hashing.hash64(text);
      Set<Long> seen = new HashSet<>();
      for (String line : text.split("\n")) {
        long key = Boilerplate.key(source, line);
        if (key != 0L && seen.add(key)) {
          out.add(RowFactory.create(key, textHash));
        }
      }
      return out.iterator();
    };
    List<Long> keys = articles.select("source", "text")
        .flatMap(lines, Encoders.row(LINE_SCHEMA))
        .groupBy("key")
        .agg(count_distinct(col("text_hash")).as("texts"))
        .filter(col("texts").geq(minArticles))
        .select("key")
        .as(Encoders.LONG())
        .collectAsList();
    return new HashSet<>(keys);
  }
}
