package org.corroborate.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.corroborate.CorroborateException;
import org.corroborate.config.JobConfig.InputFormat;

/**
 * Resolves each {@code --input} path to its format, checking that it exists before Spark reads it.
 *
 * <p>A file's format comes from its extension; a folder's from the extensions of the files in it
 * (hidden files and Spark's {@code _SUCCESS} markers ignored). A Parquet folder written by Spark
 * counts as Parquet.
 */
public final class InputFiles {
  private InputFiles() {}

  /** One input path and the format it will be read as. */
  public record Input(String path, InputFormat format) {}

  /** Each path with its format; {@code requested} other than AUTO wins over detection. */
  public static List<Input> resolve(List<String> paths, InputFormat requested, Configuration hadoop) {
    List<Input> inputs = new ArrayList<>();
    for (String path : paths) {
      inputs.add(new Input(path, requested == InputFormat.AUTO ? detect(path, hadoop) : check(path, requested, hadoop)));
    }
    return inputs;
  }

  /**
   * Checks the inputs on the local file system (paths without a scheme or with {@code file:})
   * before Spark starts, so that a mistyped path fails in a second; other schemes are checked when
   * the job reads them.
   */
  public static void resolveLocal(List<String> paths, InputFormat requested) {
    List<String> local = new ArrayList<>();
    for (String path : paths) {
      String scheme = new Path(path).toUri().getScheme();
      if (scheme == null || scheme.equals("file")) {
        local.add(path);
      }
    }
    resolve(local, requested, new Configuration());
  }

  private static InputFormat check(String path, InputFormat format, Configuration hadoop) {
    status(path, hadoop);
    return format;
  }

  private static FileStatus status(String path, Configuration hadoop) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        throw CorroborateException.inputNotFound(path);
      }
      return fs.getFileStatus(p);
    } catch (IOException e) {
      throw CorroborateException.inputNotFound(path + " (" + e.getMessage() + ")");
    }
  }

  private static InputFormat detect(String path, Configuration hadoop) {
    FileStatus status = status(path, hadoop);
    if (status.isFile()) {
      InputFormat format = byExtension(status.getPath().getName());
      if (format == null) {
        throw CorroborateException.noReadableFiles(path);
      }
      return format;
    }
    Map<InputFormat, Integer> counts = new TreeMap<>();
    try {
      FileSystem fs = status.getPath().getFileSystem(hadoop);
      for (FileStatus child : fs.listStatus(status.getPath())) {
        String name = child.getPath().getName();
        if (child.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
          InputFormat format = byExtension(name);
          if (format != null) {
            counts.merge(format, 1, Integer::sum);
          }
        }
      }
    } catch (IOException e) {
      throw CorroborateException.inputNotFound(path + " (" + e.getMessage() + ")");
    }
    if (counts.isEmpty()) {
      throw CorroborateException.noReadableFiles(path);
    }
    if (counts.size() > 1) {
      throw CorroborateException.mixedFormats(path, counts.toString().toLowerCase(Locale.ROOT));
    }
    return counts.keySet().iterator().next();
  }

  /** The format a file name's extension stands for, or null when none. */
  static InputFormat byExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".txt")) {
      return InputFormat.TEXT;
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")
        || lower.endsWith(".jsonl.gz") || lower.endsWith(".json.gz")) {
      return InputFormat.JSONL;
    }
    if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
      return InputFormat.CSV;
    }
    if (lower.endsWith(".parquet")) {
      return InputFormat.PARQUET;
    }
    return null;
  }
}
