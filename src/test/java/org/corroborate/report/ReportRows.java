package org.corroborate.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** In-memory rows shaped like the job's stories, articles and facts tables, for report tests. */
final class ReportRows {
  static final StructType STORY = new StructType()
      .add("story_id", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("keywords", DataTypes.createArrayType(DataTypes.StringType))
      .add("sources", DataTypes.createArrayType(DataTypes.StringType))
      .add("source_count", DataTypes.IntegerType)
      .add("article_count", DataTypes.IntegerType)
      .add("first_published", DataTypes.TimestampType)
      .add("last_published", DataTypes.TimestampType);
  static final StructType ARTICLE = new StructType()
      .add("id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("published", DataTypes.TimestampType)
      .add("url", DataTypes.StringType)
      .add("duplicate_group", DataTypes.StringType)
      .add("canonical", DataTypes.StringType)
      .add("story_id", DataTypes.StringType);
  static final StructType FACT = new StructType()
      .add("story_id", DataTypes.StringType)
      .add("fact_id", DataTypes.StringType)
      .add("status", DataTypes.StringType)
      .add("article_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("start", DataTypes.IntegerType)
      .add("end", DataTypes.IntegerType)
      .add("text", DataTypes.StringType)
      .add("kind", DataTypes.StringType)
      .add("speaker", DataTypes.StringType)
      .add("source_count", DataTypes.IntegerType)
      .add("conflict", DataTypes.StringType);

  private ReportRows() {}

  static Row story(String id, String title, List<String> keywords, int sources, int articles, String first, String last) {
    return new GenericRowWithSchema(new Object[] {id, title, scala(keywords), scala(List.of()), sources, articles,
        time(first), time(last)}, STORY);
  }

  static Row article(String storyId, String id, String source, String title, String published, String url,
      String group, String canonical) {
    return new GenericRowWithSchema(new Object[] {id, source, title, time(published), url, group,
        canonical == null ? id : canonical, storyId}, ARTICLE);
  }

  static Row fact(String storyId, String factId, String status, String articleId, String source, int start,
      String text, String kind, String speaker, int sourceCount, String conflict) {
    return new GenericRowWithSchema(new Object[] {storyId, factId, status, articleId, source, start,
        start + text.length(), text, kind, speaker, sourceCount, conflict}, FACT);
  }

  private static Timestamp time(String iso) {
    return iso == null ? null : Timestamp.from(Instant.parse(iso));
  }

  private static Object scala(List<String> values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq();
  }
}
