package org.corroborate.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.is_valid_utf8;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.parse_url;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.corroborate.CorroborateException;
import org.corroborate.config.JobConfig;
import org.corroborate.ingest.InputFiles.Input;

/**
 * Reads every input into one Dataset of records, each mapped onto the article fields and not yet
 * validated (see {@link RecordValidator}).
 *
 * <p>Formats: a folder of {@code .txt} files (file name = id, a headline-like first line = title),
 * JSON Lines, CSV (with a header; quoted fields may span lines) and Parquet. A line or row that
 * cannot be parsed is kept, flagged as malformed, so that it reaches {@code rejected/}.
 *
 * <p>Output columns: the input's own columns (for {@code deduplicated/}), plus the internal ones
 * named in {@link #INTERNAL_PREFIX}: file, position, raw record, parse and encoding flags, and the
 * mapped fields.
 */
public final class ArticleReader {
  /** Prefix of the columns ingest adds; an input column never starts with it. */
  public static final String INTERNAL_PREFIX = "__";
  static final String FILE = "__file";
  static final String POS = "__pos";
  /** Which {@code --input} a record came from (0, 1, ...): a file given twice is read twice. */
  static final String INPUT = "__input";
  static final String RECORD = "__record";
  static final String CORRUPT = "__corrupt";
  static final String BAD_ENCODING = "__bad_encoding";
  static final String M_ID = "__m_id";
  static final String M_SOURCE = "__m_source";
  static final String M_TITLE = "__m_title";
  static final String M_TEXT = "__m_text";
  static final String M_PUBLISHED = "__m_published";
  static final String M_URL = "__m_url";
  static final String M_GOLD_STORY = "__m_gold_story";
  static final String M_GOLD_DUPLICATE = "__m_gold_duplicate";
  private static final char REPLACEMENT = '\uFFFD';

  private ArticleReader() {}

  /** All records of all inputs, mapped onto the article fields. */
  public static Dataset<Row> read(SparkSession spark, JobConfig config) {
    List<Input> inputs = InputFiles.resolve(
        config.inputs(), config.format(), spark.sparkContext().hadoopConfiguration());
    Dataset<Row> all = null;
    int ordinal = 0;
    for (Input input : inputs) {
      Dataset<Row> raw = switch (input.format()) {
        case TEXT -> readText(spark, input.path());
        case JSONL -> readJsonLines(spark, input.path());
        case CSV -> readCsv(spark, input.path());
        case PARQUET -> readParquet(spark, input.path());
        case AUTO -> throw new IllegalStateException("format not resolved for " + input.path());
      };
      Dataset<Row> mapped = mapFields(raw, input, config).withColumn(INPUT, lit(ordinal++));
      all = all == null ? mapped : all.unionByName(mapped, true);
    }
    return all;
  }

  /** The input's own columns of a Dataset that ingest produced. */
  public static List<String> inputColumns(Dataset<Row> records) {
    List<String> columns = new ArrayList<>();
    for (String name : records.columns()) {
      if (!name.startsWith(INTERNAL_PREFIX)) {
        columns.add(name);
      }
    }
    return columns;
  }

  static Dataset<Row> readText(SparkSession spark, String path) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows = jsc.binaryFiles(path)
        .filter(file -> InputFiles.byExtension(file._1()) == org.corroborate.config.JobConfig.InputFormat.TEXT)
        .map(file -> textFileRow(file._1(), file._2().toArray()));
    StructType schema = new StructType()
        .add(FILE, DataTypes.StringType)
        .add(POS, DataTypes.LongType)
        .add("id", DataTypes.StringType)
        .add("text", DataTypes.StringType)
        .add(BAD_ENCODING, DataTypes.BooleanType);
    return spark.createDataFrame(rows, schema)
        .withColumn(RECORD, col("text"))
        .withColumn(CORRUPT, lit(null).cast(DataTypes.StringType));
  }

  /** One text file as a row: its id is the file name without extension. */
  static Row textFileRow(String file, byte[] bytes) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    String text;
    boolean bad = false;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.UTF_8);
      bad = true;
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return RowFactory.create(file, 0L, id, text, bad);
  }

  static Dataset<Row> readJsonLines(SparkSession spark, String path) {
    Dataset<Row> lines = spark.read().text(path)
        .withColumn(FILE, input_file_name())
        .withColumn(POS, monotonically_increasing_id())
        .filter(trim(col("value")).notEqual(""));
    StructType inferred = spark.read()
        .option("mode", "PERMISSIVE")
        .json(lines.select("value").as(Encoders.STRING()))
        .schema();
    StructType schema = new StructType();
    for (StructField field : inferred.fields()) {
      if (!field.name().equals("_corrupt_record") && !field.name().startsWith(INTERNAL_PREFIX)) {
        schema = schema.add(field);
      }
    }
    schema = schema.add(CORRUPT, DataTypes.StringType);
    Dataset<Row> parsed = lines.select(
        col(FILE), col(POS), col("value").as(RECORD),
        from_json(col("value"), schema, Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT))
            .as("__parsed"));
    List<Column> out = new ArrayList<>(List.of(col(FILE), col(POS), col(RECORD)));
    for (StructField field : schema.fields()) {
      if (!field.name().equals(CORRUPT)) {
        out.add(col("__parsed").getField(field.name()).as(field.name()));
      }
    }
    // A line that is valid JSON but not an object parses to null as a whole.
    out.add(when(col("__parsed").isNull().or(col("__parsed").getField(CORRUPT).isNotNull()), col(RECORD))
        .as(CORRUPT));
    out.add(not(is_valid_utf8(col(RECORD))).as(BAD_ENCODING));
    return parsed.select(out.toArray(Column[]::new));
  }

  static Dataset<Row> readCsv(SparkSession spark, String path) {
    StructType header = spark.read().option("header", "true").option("multiLine", "true")
        .option("escape", "\"").csv(path).schema();
    StructType schema = new StructType();
    for (StructField field : header.fields()) {
      schema = schema.add(field.name(), DataTypes.StringType);
    }
    schema = schema.add(CORRUPT, DataTypes.StringType);
    Dataset<Row> rows = spark.read()
        .option("header", "true")
        .option("multiLine", "true")
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .schema(schema)
        .csv(path);
    Column[] originals = Arrays.stream(header.fieldNames()).map(n -> col("`" + n + "`")).toArray(Column[]::new);
    return rows
        .withColumn(FILE, input_file_name())
        .withColumn(POS, monotonically_increasing_id())
        .withColumn(RECORD, coalesce(col(CORRUPT), to_json(struct(originals))))
        .withColumn(BAD_ENCODING, badEncoding(col(RECORD)));
  }

  static Dataset<Row> readParquet(SparkSession spark, String path) {
    Dataset<Row> rows = spark.read().parquet(path);
    Column[] originals = Arrays.stream(rows.columns()).map(n -> col("`" + n + "`")).toArray(Column[]::new);
    return rows
        .withColumn(FILE, input_file_name())
        .withColumn(POS, monotonically_increasing_id())
        .withColumn(RECORD, to_json(struct(originals)))
        .withColumn(CORRUPT, lit(null).cast(DataTypes.StringType))
        .withColumn(BAD_ENCODING, not(is_valid_utf8(col(RECORD))));
  }

  /** Adds the mapped article fields, after checking that every mapped column exists. */
  static Dataset<Row> mapFields(Dataset<Row> raw, Input input, JobConfig config) {
    Set<String> available = new LinkedHashSet<>();
    for (String name : raw.columns()) {
      if (!name.startsWith(INTERNAL_PREFIX)) {
        available.add(name);
      }
    }
    String availableList = String.join(", ", available);
    for (Map.Entry<String, String> mapping : config.fieldMapping().entrySet()) {
      if (!available.contains(mapping.getValue()) && !(mapping.getKey().equals("title") && isText(input))) {
        throw CorroborateException.columnNotFound(mapping.getValue(), input.path(), availableList,
            " (from --field " + mapping.getKey() + "=" + mapping.getValue() + ")");
      }
    }
    String textColumn = isText(input) ? "text" : config.columnFor("text");
    if (!available.contains(textColumn)) {
      throw CorroborateException.noTextColumn(input.path(), availableList);
    }
    for (String[] gold : new String[][] {
        {config.goldStoryField(), "--gold-story-field"}, {config.goldDuplicateField(), "--gold-duplicate-field"}}) {
      if (gold[0] != null && !available.contains(gold[0])) {
        throw CorroborateException.columnNotFound(gold[0], input.path(), availableList, " (from " + gold[1] + ")");
      }
    }
    Column text = col("`" + textColumn + "`").cast(DataTypes.StringType);
    Column url = optional(available, isText(input) ? null : config.columnFor("url"));
    Column host = regexp_replace(parse_url(url, lit("HOST")), "^www\\.", "");
    return raw
        .withColumn(M_TEXT, text)
        .withColumn(M_ID, blankToNull(optional(available, isText(input) ? "id" : config.columnFor("id"))))
        .withColumn(M_TITLE, blankToNull(optional(available, isText(input) ? null : config.columnFor("title"))))
        .withColumn(M_URL, blankToNull(url))
        .withColumn(M_SOURCE, coalesce(
            blankToNull(optional(available, isText(input) ? null : config.columnFor("source"))),
            blankToNull(host)))
        .withColumn(M_PUBLISHED, blankToNull(optional(available, isText(input) ? null : config.columnFor("published"))))
        .withColumn(M_GOLD_STORY, optional(available, config.goldStoryField()))
        .withColumn(M_GOLD_DUPLICATE, optional(available, config.goldDuplicateField()));
  }

  private static boolean isText(Input input) {
    return input.format() == JobConfig.InputFormat.TEXT;
  }

  private static Column optional(Set<String> available, String column) {
    if (column == null || !available.contains(column)) {
      return lit(null).cast(DataTypes.StringType);
    }
    return col("`" + column + "`").cast(DataTypes.StringType);
  }

  private static Column blankToNull(Column column) {
    Column trimmed = trim(column);
    return when(trimmed.equalTo(""), lit(null).cast(DataTypes.StringType)).otherwise(trimmed);
  }

  /**
   * True when a CSV record's bytes were not valid UTF-8. The CSV reader decodes as it parses,
   * turning invalid bytes into replacement characters, so those are the sign; the JSON and text
   * readers keep the raw bytes, which are checked as they are. (A replacement character in valid
   * UTF-8 is text that was damaged before it reached us; such an article is kept.)
   */
  static Column badEncoding(Column record) {
    return not(is_valid_utf8(record)).or(record.contains(String.valueOf(REPLACEMENT)));
  }

  /** A stable id for a record with none: a hash of its text. */
  static Column derivedId(Column text) {
    return concat(lit("a"), substring(sha2(text, 256), 1, 16));
  }
}
