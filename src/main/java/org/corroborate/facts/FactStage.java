package org.corroborate.facts;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.corroborate.text.Boilerplate;

/**
 * The Spark side of the fact stage: groups articles by story and hands each story to a
 * {@link FactAligner}. Boilerplate lines are blanked out first (same length, so offsets still point
 * into the input text).
 *
 * <p>Input columns: {@code story_id, id, source, duplicate_group, title, text}. Output: the
 * {@code facts/} table, {@code story_id, fact_id, status, article_id, source, start, end, text,
 * kind, speaker, source_count, conflict}.
 */
public final class FactStage {
  private FactStage() {}

  /** One row per statement of every article, grouped into facts per story. */
  public static Dataset<Row> facts(Dataset<Row> articles, FactSettings settings, Broadcast<Set<Long>> boilerplate) {
    FactAligner aligner = new FactAligner(settings);
    MapFunction<Row, String> storyOf = row -> row.getString(0);
    FlatMapGroupsFunction<String, Row, FactRow> align = (story, rows) -> {
      Set<Long> lines = boilerplate.value();
      List<StoryArticle> members = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String source = r.getString(2);
        members.add(new StoryArticle(r.getString(1), source, r.getString(3), r.getString(4),
            Boilerplate.mask(r.getString(5), source, lines)));
      }
      // Spark hands a group's rows over in no fixed order; the aligner's ids depend on it.
      members.sort(Comparator.comparing(StoryArticle::getId));
      return aligner.align(story, members).iterator();
    };
    return articles
        .select("story_id", "id", "source", "duplicate_group", "title", "text")
        .groupByKey(storyOf, Encoders.STRING())
        .flatMapGroups(align, FactRow.ENCODER)
        .select(
            col("storyId").as("story_id"), col("factId").as("fact_id"), col("status"),
            col("articleId").as("article_id"), col("source"), col("start"), col("end"), col("text"),
            col("kind"), col("speaker"), col("sourceCount").as("source_count"), col("conflict"));
  }
}
