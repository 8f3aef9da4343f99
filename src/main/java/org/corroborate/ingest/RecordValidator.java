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
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.corroborate.config.JobConfig;
import org.corroborate.config.JobConfig.BadDatePolicy;
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

  private RecordValidator() {}

  /** The records with reason, detail and the final article fields added. */
  public static Dataset<Row> validate(Dataset<Row> records, JobConfig config) {
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
        .withColumn(PUBLISHED, parsedDate);

    // Ids: identical texts without ids get numbered; then an id used twice keeps its first record.
    Column valid = col(REASON).isNull();
    Column derived = ArticleReader.derivedId(text);
    WindowSpec byDerived = Window.partitionBy(derived, valid)
        .orderBy(col(ArticleReader.FILE), col(ArticleReader.POS));
    Column derivedNumbered = when(row_number().over(byDerived).equalTo(1), derived)
        .otherwise(concat(derived, lit("-"), row_number().over(byDerived).cast("string")));
    checked = checked.withColumn(ID,
        coalesce(col(ArticleReader.M_ID), when(text.isNotNull(), derivedNumbered)));

    WindowSpec byId = Window.partitionBy(col(ID), valid)
        .orderBy(col(ArticleReader.FILE), col(ArticleReader.POS));
    Column duplicate = valid.and(col(ID).isNotNull()).and(row_number().over(byId).gt(1));
    return checked
        .withColumn("__duplicate", duplicate)
        .withColumn(REASON, when(col("__duplicate"), lit(RejectReason.DUPLICATE_ID.code())).otherwise(col(REASON)))
        .withColumn(DETAIL, when(col("__duplicate"), concat(lit("id '"), col(ID), lit("' is used by an earlier record")))
            .otherwise(col(DETAIL)))
        .drop("__duplicate")
        .withColumn(TITLE, coalesce(col(ArticleReader.M_TITLE),
            udf(titleOf, DataTypes.StringType).apply(text)));
  }

  /** The parsed date ({@link Dates}); null when absent or unreadable. */
  static Column parseDate(Column raw) {
    UDF1<String, java.sql.Timestamp> parse = Dates::parse;
    return udf(parse, DataTypes.TimestampType).apply(raw);
  }
}
