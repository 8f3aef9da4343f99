package org.corroborate.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.types.DataTypes;
import org.corroborate.config.JobConfig;
import org.corroborate.config.JobConfig.BadDatePolicy;
import org.corroborate.spark.Plans;
import org.corroborate.text.Headlines;

/**
 * Validates every record that {@link ArticleReader} read and fills in the derivable fields.
 *
 * <p>Each record gets {@code __reason} (a {@link RejectReason} code, null when accepted) and
 * {@code __detail}. Checks, first failing wins: malformed record, broken encoding, missing text,
 * oversized text, unreadable date (unless {@code --on-bad-date null}), duplicate id (the first
 * valid record with an id keeps it; later ones are rejected).
 *
 * <p>Derived fields: a missing id is {@code a} + 16 hex digits of the text's SHA-256 (identical
 * texts without ids get {@code -2}, {@code -3} ... in input order); a missing source is the URL's
 * host; a missing title is the first line (see {@link Headlines}); a missing date stays unknown.
 */
public final class RecordValidator {
  static final String REASON = "__reason";
  static final String DETAIL = "__detail";
  static final String ID = "__id";
  static final String TITLE = "__title";
  static final String PUBLISHED = "__published";
  /** The hash id of a record without an id (null for one with an id), before numbering. */
  static final String DERIVED = "__derived";

  private RecordValidator() {}

  /**
   * The records with reason, detail, date and title: every check but the one for duplicate ids,
   * which needs all records ({@link #withIds}).
   */
  public static Dataset<Row> check(Dataset<Row> records, JobConfig config) {
    Column text = col(ArticleReader.M_TEXT);
    Column published = col(ArticleReader.M_PUBLISHED);
    Column parsedDate = parseDate(published);
    Column badDate = published.isNotNull().and(parsedDate.isNull());
    boolean rejectBadDates = config.badDatePolicy() == BadDatePolicy.REJECT;
    // A text has at least as many bytes as characters: counting characters (a walk over every
    // byte) is left to the few texts whose bytes exceed the limit.
    Column oversized = octet_length(text).gt(config.maxTextChars()).and(length(text).gt(config.maxTextChars()));

    Column reason = when(col(ArticleReader.CORRUPT).isNotNull(), lit(RejectReason.MALFORMED_RECORD.code()))
        .when(col(ArticleReader.BAD_ENCODING), lit(RejectReason.BROKEN_ENCODING.code()))
        .when(text.isNull().or(trim(text).equalTo("")), lit(RejectReason.MISSING_TEXT.code()))
        .when(oversized, lit(RejectReason.OVERSIZED_TEXT.code()));
    if (rejectBadDates) {
      reason = reason.when(badDate, lit(RejectReason.UNREADABLE_DATE.code()));
    }
    Column detail = when(col(ArticleReader.CORRUPT).isNotNull(), lit("not a JSON object or CSV row"))
        .when(col(ArticleReader.BAD_ENCODING), lit("invalid UTF-8 bytes in the record"))
        .when(text.isNull().or(trim(text).equalTo("")), lit("no text"))
        .when(oversized,
            concat(lit("text has "), length(text).cast("string"), lit(" characters; limit "),
                lit(String.valueOf(config.maxTextChars()))));
    if (rejectBadDates) {
      detail = detail.when(badDate, concat(lit("published '"), published, lit("' is not a date")));
    }

    UDF1<String, String> titleOf = Headlines::titleOf;
    Dataset<Row> checked = records
        .withColumn(REASON, reason)
        .withColumn(DETAIL, detail)
        .withColumn(PUBLISHED, parsedDate)
        .withColumn(TITLE, coalesce(col(ArticleReader.M_TITLE), udf(titleOf, DataTypes.StringType).apply(text)))
        .withColumn(DERIVED, when(col(ArticleReader.M_ID).isNull().and(text.isNotNull()), ArticleReader.derivedId(text)));
    return checked;
  }

  /**
   * The {@link #check checked} records with their ids, a record whose id an earlier valid record has
   * rejected as a duplicate; and the final reason of each record alone, for the counts.
   *
   * @param duplicates the input, file and position of each record rejected for a duplicate id; null
   *     when there is none
   * @param free frees what was cached for the ids
   */
  public record Identified(Dataset<Row> records, Dataset<Row> reasons, Dataset<Row> duplicates, Runnable free) {}

  /**
   * The ids of {@code checked} records (persisted: they are read once here and again by every
   * use of the result).
   *
   * <p>Both rules rank records in input order among others: identical texts without ids (the first
   * gets the text's hash, later ones -2, -3, ...), and valid records with one id (the first keeps
   * it). A few bytes of each record are ranked (file, position, id), kept in memory; only the
   * exceptions (a text's later records, an id's later records) come back to the records, broadcast
   * when they are at most {@link Plans#BROADCAST_ROWS}. Then no record with its text is shuffled,
   * where two windows over the records had shuffled and sorted the corpus twice.
   */
  public static Identified withIds(Dataset<Row> checked) {
    // Input order: file, then position; the same file given twice is read twice, and its second
    // reading comes after the first. Input, file and position name one record.
    Column[] inOrder = {col(ArticleReader.FILE), col(ArticleReader.POS), col(ArticleReader.INPUT)};
    String[] position = {ArticleReader.INPUT, ArticleReader.FILE, ArticleReader.POS};

    // The first action on the keys builds the cached records and the keys in one pass.
    Dataset<Row> keys = checked.select(col(ArticleReader.INPUT), col(ArticleReader.FILE), col(ArticleReader.POS),
            col(REASON), col(ArticleReader.M_ID), col(DERIVED).as("__derived"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Most inputs have an id on every record and no id twice: one count each tells, and then the
    // rankings, and their joins, are not needed at all.
    boolean idless = keys.filter(col("__derived").isNotNull()).limit(1).count() > 0;
    Plans renumbered = !idless ? null : Plans.cut(keys.filter(col("__derived").isNotNull())
        .withColumn("__n", row_number().over(Window.partitionBy(col("__derived"), col(REASON).isNull()).orderBy(inOrder)))
        .filter(col("__n").gt(1))
        .select(col(ArticleReader.INPUT), col(ArticleReader.FILE), col(ArticleReader.POS),
            concat(col("__derived"), lit("-"), col("__n").cast("string")).as("__numbered")));
    Dataset<Row> numbered = renumbered == null ? null
        : Plans.broadcastIfSmall(renumbered.data(), renumbered.data().count());
    Dataset<Row> keyIds = (numbered == null ? keys.withColumn("__numbered", lit(null).cast(DataTypes.StringType))
        : keys.join(numbered, position, "left"))
        .withColumn(ID, coalesce(col(ArticleReader.M_ID), col("__numbered"), col("__derived")));

    Dataset<Row> validIds = keyIds.filter(col(REASON).isNull().and(col(ID).isNotNull()));
    boolean repeated = validIds.groupBy(ID).count().filter(col("count").gt(1)).limit(1).count() > 0;
    Plans later = !repeated ? null : Plans.cut(validIds
        .withColumn("__n", row_number().over(Window.partitionBy(ID).orderBy(inOrder)))
        .filter(col("__n").gt(1))
        .select(col(ArticleReader.INPUT), col(ArticleReader.FILE), col(ArticleReader.POS), lit(true).as("__duplicate")));
    Dataset<Row> duplicates = later == null ? null : Plans.broadcastIfSmall(later.data(), later.data().count());
    Column duplicate = coalesce(col("__duplicate"), lit(false));

    Dataset<Row> reasons = (duplicates == null ? keyIds.withColumn("__duplicate", lit(null).cast(DataTypes.BooleanType))
        : keyIds.join(duplicates, position, "left"))
        .select(when(duplicate, lit(RejectReason.DUPLICATE_ID.code())).otherwise(col(REASON)).as(REASON));
    Dataset<Row> records = (numbered == null ? checked.withColumn("__numbered", lit(null).cast(DataTypes.StringType))
        : checked.join(numbered, position, "left"))
        .withColumn(ID, coalesce(col(ArticleReader.M_ID), col("__numbered"), col(DERIVED)))
        .drop("__numbered", DERIVED);
    records = (duplicates == null ? records.withColumn("__duplicate", lit(null).cast(DataTypes.BooleanType))
        : records.join(duplicates, position, "left"))
        .withColumn(REASON, when(duplicate, lit(RejectReason.DUPLICATE_ID.code())).otherwise(col(REASON)))
        .withColumn(DETAIL, when(duplicate, concat(lit("id '"), col(ID), lit("' is used by an earlier record")))
            .otherwise(col(DETAIL)))
        .drop("__duplicate");
    return new Identified(records, reasons, duplicates, () -> {
      if (later != null) {
        later.release();
      }
      if (renumbered != null) {
        renumbered.release();
      }
      keys.unpersist();
    });
  }

  /** The parsed date ({@link Dates}); null when absent or unreadable. */
  static Column parseDate(Column raw) {
    UDF1<String, java.sql.Timestamp> parse = Dates::parse;
    return udf(parse, DataTypes.TimestampType).apply(raw);
  }
}
