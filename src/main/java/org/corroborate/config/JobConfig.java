package org.corroborate.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run of the job needs to know, fixed before Spark starts.
 *
 * <p>Built by {@link org.corroborate.Corroborate} from the command line; each option's description
 * and default live there, next to its name. Every later stage reads its settings from here.
 */
public record JobConfig(
    List<String> inputs,
    InputFormat format,
    Map<String, String> fieldMapping,
    String output,
    TablesFormat tablesFormat,
    String goldStoryField,
    String goldDuplicateField,
    BadDatePolicy badDatePolicy,
    int maxTextChars,
    int boilerplateMinArticles,
    int shingleWords,
    double copyJaccard,
    double copyContainment,
    int minhashBands,
    int minhashRows,
    double storyThreshold,
    double storyCandidateThreshold,
    int storyWindowDays,
    int salientTerms,
    int blockTerms,
    double nameWeight,
    double idfPower,
    int maxBlockSize,
    int storyNeighbours,
    int storyTaskEdges,
    double factThreshold,
    int reportMaxStories,
    int partitions) implements Serializable {

  /** The canonical article fields that input columns map onto. */
  public static final List<String> FIELDS = List.of("id", "source", "title", "text", "published", "url");

  public JobConfig {
    Objects.requireNonNull(inputs, "inputs");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one --input is required");
    }
    inputs = List.copyOf(inputs);
    fieldMapping = Map.copyOf(fieldMapping);
    for (String field : fieldMapping.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "--field " + field + "=...: unknown field '" + field + "'; expected one of " + String.join(", ", FIELDS));
      }
    }
    requireRange("--max-text-chars", maxTextChars, 1, Integer.MAX_VALUE);
    requireRange("--boilerplate-min-articles", boilerplateMinArticles, 2, Integer.MAX_VALUE);
    requireRange("--shingle-words", shingleWords, 1, 20);
    requireFraction("--copy-jaccard", copyJaccard);
    requireFraction("--copy-containment", copyContainment);
    requireRange("--minhash-bands", minhashBands, 1, 500);
    requireRange("--minhash-rows", minhashRows, 1, 20);
    requireFraction("--story-threshold", storyThreshold);
    requireFraction("--story-candidate-threshold", storyCandidateThreshold);
    requireRange("--story-window-days", storyWindowDays, 0, 100_000);
    requireRange("--salient-terms", salientTerms, 1, 1000);
    requireFraction("--name-weight", nameWeight);
    if (!(idfPower >= 1 && idfPower <= 4)) {
      throw new IllegalArgumentException("--idf-power must be between 1 and 4, got " + idfPower);
    }
    requireRange("--block-terms", blockTerms, 1, 1000);
    requireRange("--max-block-size", maxBlockSize, 2, 1_000_000);
    requireRange("--story-task-edges", storyTaskEdges, 1, 20_000_000);
    requireRange("--story-neighbours", storyNeighbours, 1, 10_000);
    requireFraction("--fact-threshold", factThreshold);
    requireRange("--report-max-stories", reportMaxStories, 0, 1_000_000);
    requireRange("--partitions", partitions, 0, 1_000_000);
  }

  private static void requireRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void requireFraction(String option, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(option + " must be between 0 and 1, got " + value);
    }
  }

  /** The input column for a canonical field: the user's mapping, else the field's own name. */
  public String columnFor(String field) {
    return fieldMapping.getOrDefault(field, field);
  }

  /** Input formats the ingest stage reads. */
  public enum InputFormat { AUTO, TEXT, JSONL, CSV, PARQUET }

  /** Formats for the output tables. */
  public enum TablesFormat { PARQUET, JSON }

  /** What to do with a record whose date cannot be read. */
  public enum BadDatePolicy { REJECT, NULL }
}
