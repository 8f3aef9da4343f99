package org.corroborate.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.corroborate.CorroborateException;
import org.corroborate.config.JobConfig.TablesFormat;

/**
 * Writes a run's outputs so that a reader never mistakes a partial run for a complete one.
 *
 * <p>Everything is written under {@code OUTPUT/_incomplete/} first. {@link #commit()} then removes
 * the previous run's files ({@code run.json} first), moves the new ones up, and moves
 * {@code run.json} last: a folder with {@code run.json} holds one complete run. A run that fails
 * leaves the previous results untouched (plus an {@code _incomplete/} folder the next run clears).
 * Works on any Hadoop file system (local, HDFS, S3A; on S3 the moves are copies).
 */
public final class OutputWriter {
  static final String STAGING = "_incomplete";
  public static final String RUN_JSON = "run.json";

  private final FileSystem fs;
  private final Path output;
  private final Path staging;
  private final TablesFormat tablesFormat;
  // Tables may be written from several threads at once.
  private final java.util.Map<String, org.apache.spark.sql.types.StructType> schemas = new java.util.concurrent.ConcurrentHashMap<>();

  /** Prepares {@code output} for a new run, clearing a failed run's staging folder. */
  public OutputWriter(String output, TablesFormat tablesFormat, Configuration hadoop) {
    this.output = new Path(output);
    this.staging = new Path(this.output, STAGING);
    this.tablesFormat = tablesFormat;
    try {
      this.fs = this.output.getFileSystem(hadoop);
      if (fs.exists(this.output) && !fs.getFileStatus(this.output).isDirectory()) {
        throw CorroborateException.outputNotWritable(output, new IOException("it is a file, not a folder"));
      }
      fs.delete(staging, true);
      if (!fs.mkdirs(staging)) {
        throw new IOException("mkdirs failed");
      }
    } catch (IOException e) {
      throw CorroborateException.outputNotWritable(output, e);
    }
  }

  /**
   * A folder for Spark's checkpoints while the job runs, beside the staging folder on the same file
   * system; {@link #commit()} removes it with the previous run's files.
   */
  public String checkpoints() {
    return fs.makeQualified(new Path(output, "_checkpoints")).toString();
  }

  /** The folder's fully qualified path, for messages. */
  public String location() {
    return fs.makeQualified(output).toString();
  }

  /** Writes {@code table} as {@code name/} in the tables format. */
  public void table(String name, Dataset<Row> table) {
    String path = new Path(staging, name).toString();
    schemas.put(name, table.schema());
    if (tablesFormat == TablesFormat.JSON) {
      table.write().mode(SaveMode.Overwrite).option("ignoreNullFields", "false").json(path);
    } else {
      table.write().mode(SaveMode.Overwrite).parquet(path);
    }
  }

  /** A table this run has written, read back (from the staging folder). */
  public Dataset<Row> readTable(String name) {
    String path = new Path(staging, name).toString();
    org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.active();
    return tablesFormat == TablesFormat.JSON ? spark.read().schema(schemas.get(name)).json(path) : spark.read().parquet(path);
  }

  /** Something written to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes the file {@code name} (UTF-8) as {@code content} produces it, without holding it whole. */
  public void file(String name, Content content) {
    try (Writer out = new BufferedWriter(new OutputStreamWriter(fs.create(new Path(staging, name), true),
        StandardCharsets.UTF_8), 1 << 16)) {
      content.writeTo(out);
    } catch (IOException e) {
      throw CorroborateException.outputNotWritable(location(), e);
    }
  }

  /** Writes a small text file (the run summary) as {@code name}. */
  public void file(String name, String content) {
    try (OutputStream out = fs.create(new Path(staging, name), true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CorroborateException.outputNotWritable(location(), e);
    }
  }

  /** Replaces the previous run's outputs with this run's; {@code run.json} goes last. */
  public void commit() {
    try {
      fs.delete(new Path(output, RUN_JSON), false);
      for (FileStatus old : fs.listStatus(output)) {
        if (!old.getPath().getName().equals(STAGING)) {
          fs.delete(old.getPath(), true);
        }
      }
      Path runJson = null;
      for (FileStatus item : fs.listStatus(staging)) {
        if (item.getPath().getName().equals(RUN_JSON)) {
          runJson = item.getPath();
          continue;
        }
        rename(item.getPath(), new Path(output, item.getPath().getName()));
      }
      if (runJson != null) {
        rename(runJson, new Path(output, RUN_JSON));
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw CorroborateException.outputNotWritable(location(), e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not move " + from + " to " + to);
    }
  }
}
