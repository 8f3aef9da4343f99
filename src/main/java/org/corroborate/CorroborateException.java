package org.corroborate;

/**
 * An error the user can fix, with a message that says what went wrong and what to do.
 *
 * <p>The command line prints the message alone, without a stack trace. A startup error (no input,
 * unknown column) means the job never began; the others mean it stopped while running.
 */
public final class CorroborateException extends RuntimeException {
  private final boolean startup;

  private CorroborateException(String message, boolean startup, Throwable cause) {
    super(message, cause);
    this.startup = startup;
  }

  /** True when the job could not start at all. */
  public boolean isStartup() {
    return startup;
  }

  /** An input path that does not exist. */
  public static CorroborateException inputNotFound(String path) {
    return new CorroborateException(
        "input not found: " + path + "; pass an existing file or folder with --input", true, null);
  }

  /** An input folder with no files the job can read. */
  public static CorroborateException noReadableFiles(String path) {
    return new CorroborateException(
        "no .txt, .jsonl, .json, .csv or .parquet files in " + path
            + "; point --input at articles or pass --format", true, null);
  }

  /** A folder mixing formats, where auto-detection cannot choose. */
  public static CorroborateException mixedFormats(String path, String formats) {
    return new CorroborateException(
        "cannot tell the format of " + path + ": it holds " + formats
            + "; pass --format or one --input per format", true, null);
  }

  /** A mapped or gold column missing from an input. */
  public static CorroborateException columnNotFound(String column, String input, String available, String hint) {
    return new CorroborateException(
        "input column '" + column + "' not found in " + input + "; available: " + available + hint, true, null);
  }

  /** An input with no column for the text, which is the one required field. */
  public static CorroborateException noTextColumn(String input, String available) {
    return new CorroborateException(
        "no text column in " + input + "; available: " + available
            + "; map one with --field text=COLUMN", true, null);
  }

  /** An output folder the job cannot write. */
  public static CorroborateException outputNotWritable(String path, Throwable cause) {
    return new CorroborateException(
        "cannot write output folder " + path + ": " + cause.getMessage()
            + "; choose another --output or fix its permissions", true, cause);
  }
}
