package org.corroborate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.corroborate.config.JobConfig;
import org.corroborate.config.JobConfig.BadDatePolicy;
import org.corroborate.config.JobConfig.InputFormat;
import org.corroborate.config.JobConfig.TablesFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: parses options into a {@link JobConfig} and runs {@link CorroborateJob}.
 *
 * <p>Exit status: 0 when the job finished, 2 when it could not start (unknown option, bad value,
 * missing input), 1 when it failed while running.
 */
@Command(
    name = "corroborate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = Corroborate.Version.class,
    usageHelpWidth = 100,
    description = {
      "Finds copies, stories and cross-source facts in news articles and writes a report.",
      "Reads articles (text files, JSON Lines, CSV or Parquet), groups copies of one text, clusters",
      "coverage of one event into stories, and reports per story the facts several independent",
      "sources share, the facts only one source reports, and where sources disagree.",
      ""
    },
    footer = {
      "",
      "Outputs under --output: report.html, report.json, run.json, and the tables articles/, stories/,",
      "facts/, deduplicated/ and rejected/. run.json is written last: its presence marks a complete run."
    })
public final class Corroborate implements Callable<Integer> {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  @Option(names = "--input", paramLabel = "PATH", defaultValue = "seeds",
      description = "Input file or folder; repeatable; local, hdfs:// or s3a:// paths. Default: ${DEFAULT-VALUE}")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto|text|jsonl|csv|parquet; auto decides by file extension. Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--field", paramLabel = "NAME=COLUMN",
      description = "Map an input column onto a field (id, source, title, text, published, url); repeatable,"
          + " e.g. --field text=maintext")
  Map<String, String> fields = new LinkedHashMap<>();

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder; replaced by each run. Default: ${DEFAULT-VALUE}")
  String output;

  @Option(names = "--tables-format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "parquet|json (JSON Lines) for the output tables. Default: ${DEFAULT-VALUE}")
  String tablesFormat;

  @Option(names = "--gold-story-field", paramLabel = "FIELD",
      description = "Input column with gold story labels; scores the stories into run.json")
  String goldStoryField;

  @Option(names = "--gold-duplicate-field", paramLabel = "FIELD",
      description = "Input column with gold copy-group labels; scores the copy groups into run.json")
  String goldDuplicateField;

  @Option(names = "--on-bad-date", paramLabel = "POLICY", defaultValue = "reject",
      description = "reject|null: reject a record whose date cannot be read, or keep it with no date."
          + " Default: ${DEFAULT-VALUE}")
  String badDate;

  @Option(names = "--max-text-chars", paramLabel = "N", defaultValue = "200000",
      description = "Reject articles whose text is longer than this. Default: ${DEFAULT-VALUE}")
  int maxTextChars;

  @Option(names = "--boilerplate-min-articles", paramLabel = "N", defaultValue = "3",
      description = "A line an outlet repeats in at least N of its articles is boilerplate and ignored."
          + " Default: ${DEFAULT-VALUE}")
  int boilerplateMinArticles;

  @Option(names = "--shingle-words", paramLabel = "N", defaultValue = "5",
      description = "Words per shingle for copy detection. Default: ${DEFAULT-VALUE}")
  int shingleWords;

  @Option(names = "--copy-jaccard", paramLabel = "X", defaultValue = "0.5",
      description = "Two texts are copies when their shingle Jaccard similarity reaches X ..."
          + " Default: ${DEFAULT-VALUE}")
  double copyJaccard;

  @Option(names = "--copy-containment", paramLabel = "X", defaultValue = "0.8",
      description = "... or when the shorter text's shingles lie in the longer one at this share"
          + " (a trimmed copy). Default: ${DEFAULT-VALUE}")
  double copyContainment;

  @Option(names = "--minhash-bands", paramLabel = "N", defaultValue = "40",
      description = "MinHash LSH bands for copy candidates. Default: ${DEFAULT-VALUE}")
  int minhashBands;

  @Option(names = "--minhash-rows", paramLabel = "N", defaultValue = "2",
      description = "MinHash rows per band. Default: ${DEFAULT-VALUE}")
  int minhashRows;

  @Option(names = "--story-threshold", paramLabel = "X", defaultValue = "0.055",
      description = "Average-link similarity two groups of articles need to join one story (pair"
          + " similarities weighed by the neighbours the two articles share)."
          + " Default: ${DEFAULT-VALUE}")
  double storyThreshold;

  @Option(names = "--story-candidate-threshold", paramLabel = "X", defaultValue = "0.01",
      description = "Least similarity for a pair of articles to be kept as a story candidate."
          + " Default: ${DEFAULT-VALUE}")
  double storyCandidateThreshold;

  @Option(names = "--story-window-days", paramLabel = "DAYS", defaultValue = "7",
      description = "Articles further apart in time than this never share a story (no penalty when a"
          + " date is unknown); 0 turns the window off. Default: ${DEFAULT-VALUE}")
  int storyWindowDays;

  @Option(names = "--salient-terms", paramLabel = "N", defaultValue = "100",
      description = "Top TF-IDF terms per article used to block and compare stories. Default: ${DEFAULT-VALUE}")
  int salientTerms;

  @Option(names = "--block-terms", paramLabel = "N", defaultValue = "25",
      description = "Salient terms per article used as blocking keys for story candidates; fewer is"
          + " faster. Default: ${DEFAULT-VALUE}")
  int blockTerms;

  @Option(names = "--name-weight", paramLabel = "X", defaultValue = "0.4",
      description = "Share of story similarity that comes from names (people, places, organisations)"
          + " rather than other words; names tell apart two events of one kind. Default: ${DEFAULT-VALUE}")
  double nameWeight;

  @Option(names = "--idf-power", paramLabel = "X", defaultValue = "2",
      description = "Story term weight is tf * idf^X: above 1 favours the rare terms (places, people,"
          + " phrases) that tell apart two events of one kind over the words they share."
          + " Default: ${DEFAULT-VALUE}")
  double idfPower;

  @Option(names = "--max-block-size", paramLabel = "N", defaultValue = "100",
      description = "Blocks larger than this are compared only between neighbours in time, which"
          + " bounds the work per block. Default: ${DEFAULT-VALUE}")
  int maxBlockSize;

  @Option(names = "--story-neighbours", paramLabel = "N", defaultValue = "40",
      description = "Most similar candidates kept per article for story clustering. Default: ${DEFAULT-VALUE}")
  int storyNeighbours;

  @Option(names = "--story-task-edges", paramLabel = "N", defaultValue = "3000000",
      description = "Most candidate pairs that average-link clustering runs on in one task (about"
          + " 130 bytes a pair). When there are more, it runs in Spark passes over chunks of about"
          + " this many pairs (by time), with the same result up to exact ties. Default: ${DEFAULT-VALUE}")
  int storyTaskEdges;

  @Option(names = "--fact-threshold", paramLabel = "X", defaultValue = "0.3",
      description = "Similarity two statements of different sources need to state one fact."
          + " Default: ${DEFAULT-VALUE}")
  double factThreshold;

  @Option(names = "--report-max-stories", paramLabel = "N", defaultValue = "500",
      description = "Stories shown in report.html and report.json, largest first; the tables hold all."
          + " Default: ${DEFAULT-VALUE}")
  int reportMaxStories;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Shuffle partitions; 0 picks them from the input's size, then from the number of articles, at least two per core. Default: ${DEFAULT-VALUE}")
  int partitions;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    quietSpark();
    System.exit(execute(args));
  }

  /**
   * Spark logs a great deal at INFO; unless the user configured logging, show only warnings from
   * Spark (less Hadoop's notice that its native library is missing) and the job's own progress lines.
   */
  static void quietSpark() {
    if (System.getProperty("log4j2.configurationFile") == null && System.getenv("CORROBORATE_VERBOSE") == null) {
      org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
      org.apache.logging.log4j.core.config.Configurator.setLevel("org.corroborate", org.apache.logging.log4j.Level.INFO);
      // Hadoop warns on every run that it runs without its native library, which Spark does not need.
      org.apache.logging.log4j.core.config.Configurator.setLevel(
          "org.apache.hadoop.util.NativeCodeLoader", org.apache.logging.log4j.Level.ERROR);
      // Spark warns when a locally checkpointed RDD is freed; the job frees one only once done with it.
      org.apache.logging.log4j.core.config.Configurator.setLevel(
          "org.apache.spark.rdd.MapPartitionsRDD", org.apache.logging.log4j.Level.ERROR);
    }
  }

  /** Runs the command line and returns the exit status, without exiting the JVM. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Corroborate());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((ex, a) -> {
      System.err.println("corroborate: " + ex.getMessage() + " (see --help)");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof CorroborateException || ex instanceof IllegalArgumentException) {
        System.err.println("corroborate: " + ex.getMessage());
        return ex instanceof CorroborateException ce && !ce.isStartup() ? EXIT_FAILED : EXIT_USAGE;
      }
      throw ex;
    });
    return cli.execute(args);
  }

  /**
   * The configuration a command line describes, for programs that run the job themselves
   * ({@link CorroborateJob#run(org.apache.spark.sql.SparkSession, JobConfig)}).
   *
   * @throws IllegalArgumentException with the command line's message when the options are wrong
   */
  public static JobConfig parseConfig(String... args) {
    Corroborate options = new Corroborate();
    CommandLine cli = new CommandLine(options);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return options.toConfig();
  }

  @Override
  public Integer call() {
    JobConfig config = toConfig();
    // Fail fast, before Spark starts, on local inputs that are not there.
    org.corroborate.ingest.InputFiles.resolveLocal(config.inputs(), config.format());
    RunSummary summary = CorroborateJob.run(config);
    System.out.println(summary.describe());
    return EXIT_OK;
  }

  /** The validated configuration these options describe. */
  JobConfig toConfig() {
    return new JobConfig(
        inputs,
        parseEnum(InputFormat.class, "--format", format),
        fields,
        output,
        parseEnum(TablesFormat.class, "--tables-format", tablesFormat),
        goldStoryField,
        goldDuplicateField,
        parseEnum(BadDatePolicy.class, "--on-bad-date", badDate),
        maxTextChars,
        boilerplateMinArticles,
        shingleWords,
        copyJaccard,
        copyContainment,
        minhashBands,
        minhashRows,
        storyThreshold,
        storyCandidateThreshold,
        storyWindowDays,
        salientTerms,
        blockTerms,
        nameWeight,
        idfPower,
        maxBlockSize,
        storyNeighbours,
        storyTaskEdges,
        factThreshold,
        reportMaxStories,
        partitions);
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name().toLowerCase(Locale.ROOT));
      }
      throw new IllegalArgumentException(
          option + ": unknown value '" + value + "'; expected one of " + String.join("|", allowed));
    }
  }

  /** Prints the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Corroborate.class.getPackage().getImplementationVersion();
      return new String[] {"corroborate " + (v == null ? "(development build)" : v)};
    }
  }
}
