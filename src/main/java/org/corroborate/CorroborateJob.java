package org.corroborate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.sketch.BloomFilter;
import org.corroborate.cluster.CopyDetector;
import org.corroborate.cluster.StoryClusterer;
import org.corroborate.config.JobConfig;
import org.corroborate.eval.ClusterEvaluation;
import org.corroborate.eval.ClusterScores;
import org.corroborate.facts.FactSettings;
import org.corroborate.facts.FactStage;
import org.corroborate.features.ArticleFeatures;
import org.corroborate.features.SalientTerms;
import org.corroborate.features.TermVocabulary;
import org.corroborate.ingest.Ingest;
import org.corroborate.report.OutputWriter;
import org.corroborate.report.Report;
import org.corroborate.report.RunReport;
import org.corroborate.spark.Concurrently;
import org.corroborate.spark.Plans;
import org.corroborate.text.BoilerplateFinder;

/**
 * The whole job, wired once: ingest -> text -> features -> copies -> stories -> facts -> report.
 * Each step is a static {@code Dataset -> Dataset} function of its own package; this class only
 * connects them, times them ({@link RunLog}) and hands the results to the writers.
 */
public final class CorroborateJob {
  private CorroborateJob() {}

  /** Runs the job in a new or the current Spark session (the master comes from spark-submit or the launcher). */
  public static RunSummary run(JobConfig config) {
    SparkSession spark = SparkSession.builder()
        .appName("corroborate")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    return run(spark, config);
  }

  /** Runs the job in {@code spark}. */
  public static RunSummary run(SparkSession spark, JobConfig config) {
    long started = System.nanoTime();
    configurePartitions(spark, config);
    limitPlanStrings(spark);
    plainCachedColumns(spark);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    RunLog log = new RunLog(spark.sparkContext());
    // Each phase's result is cached behind a fresh plan, so that later phases do not re-analyse
    // (and print) the plans of all earlier ones.
    List<Plans> cached = new ArrayList<>();
    OutputWriter out = new OutputWriter(config.output(), config.tablesFormat(), spark.sparkContext().hadoopConfiguration());
    if (!spark.sparkContext().isLocal() && spark.sparkContext().getCheckpointDir().isEmpty()) {
      // Iterative stages save their state without lineage (Plans.checkpoint): on a cluster in files
      // beside the output, so that losing an executor loses nothing.
      spark.sparkContext().setCheckpointDir(out.checkpoints());
    }

    Ingest ingest = log.phase("ingest", "reading and validating " + String.join(", ", config.inputs()),
        () -> Ingest.run(spark, config), Ingest::counts);
    Dataset<Row> articles = ingest.articles();
    long accepted = ingest.countsByReason().get("accepted");
    sizePartitions(spark, config, accepted);

    Set<Long> boilerplate = log.phase("text", "finding boilerplate lines",
        () -> BoilerplateFinder.find(articles, config.boilerplateMinArticles()),
        lines -> Map.of("boilerplate_lines", (long) lines.size()));
    Broadcast<Set<Long>> boilerplateLines = jsc.broadcast(boilerplate);

    ArticleFeatures.Result features = log.phase("features", "TF-IDF, salient terms and shingle signatures",
        () -> {
          ArticleFeatures.Result r = ArticleFeatures.build(spark, articles, boilerplate, config);
          // Later phases read the signatures, hashes and salient terms; tokens and full TF-IDF
          // vectors (most of the bytes) stay out of the cache.
          Plans joined = Plans.cut(r.features().select(
              col("id"), col("published"), col(ArticleFeatures.SIGNATURE), col(ArticleFeatures.SHINGLE_COUNT),
              col(ArticleFeatures.BODY_HASH), col(ArticleFeatures.BODY_CHARS),
              col(ArticleFeatures.SALIENT)));
          joined.data().count();
          cached.add(joined);
          r.release();
          return new ArticleFeatures.Result(joined.data(), r.vocabulary(), null);
        },
        r -> Map.of("vocabulary", (long) r.vocabulary().value().size()));
    Dataset<Row> featured = features.features();

    Dataset<Row> copies = log.phase("copies", "exact and near-duplicate groups",
        () -> cut(CopyDetector.detect(featured, config), cached),
        CorroborateJob::copyCounts);

    Dataset<Row> storyOf = log.phase("stories", "blocking, candidate pairs and average-link clustering",
        () -> {
          Dataset<Row> canonical = featured.join(copies.filter(col("id").equalTo(col(CopyDetector.CANONICAL))), "id");
          StoryClusterer.Candidates candidates = StoryClusterer.candidatePairs(canonical, config);
          StoryClusterer.Clustered stories = StoryClusterer.cluster(candidates, config);
          Dataset<Row> all = cut(copies
              .join(stories.stories().withColumnRenamed("id", CopyDetector.CANONICAL), CopyDetector.CANONICAL)
              .select(col("id"), col(CopyDetector.DUPLICATE_GROUP), col(CopyDetector.CANONICAL),
                  col(StoryClusterer.STORY_ID), col(StoryClusterer.CENTRALITY)), cached);
          long pairCount = candidates.pairCount();
          all.count();
          stories.release();
          candidates.release();
          return new Staged(all, pairCount, stories.distributedSteps());
        },
        CorroborateJob::storyCounts).data();

    Dataset<Row> articleTable = cut(articles
        .join(storyOf, "id")
        .select(col("id"), col("source"), col("title"), col("published"), col("url"),
            col(CopyDetector.DUPLICATE_GROUP), col(CopyDetector.CANONICAL), col(StoryClusterer.STORY_ID)), cached);

    log.phase("facts", "statements aligned across sources, per story", () -> {
      // The texts meet their stories without a shuffle of their own: the one by story follows.
      Dataset<Row> input = articles.select("id", "source", "title", "text")
          .join(Plans.broadcastIfSmall(storyOf.select("id", CopyDetector.DUPLICATE_GROUP, StoryClusterer.STORY_ID),
              accepted), "id");
      FactSettings settings = FactSettings.defaults().withLinkThreshold(config.factThreshold());
      // A story's articles are split into sentences and aligned: seconds of work on a few bytes.
      Plans.withoutCoalescing(() -> {
        out.table("facts", FactStage.facts(input, settings, boilerplateLines));
        return null;
      });
      return out.readTable("facts").groupBy("status").count().collectAsList();
    }, rows -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      long total = 0;
      for (Row r : rows) {
        counts.put(r.getString(0) + "_statements", r.getLong(1));
        total += r.getLong(1);
      }
      counts.put("statements", total);
      return counts;
    });

    Map<String, Object> evaluation = log.phase("evaluation", "scoring against gold labels",
        () -> evaluate(config, articles, storyOf), e -> Map.of("scores", (long) e.size()));

    RunReport runReport = new RunReport(config, ingest.countsByReason(), log, evaluation);
    log.phase("report", "writing tables and the report", () -> {
      // The articles table feeds three of the writes: cached once here, not by each of them.
      articleTable.count();
      // Four independent writes, each a few stages of a few tasks: side by side they keep the cores busy.
      Concurrently.run(
          () -> out.table("articles", articleTable),
          () -> out.table("stories", stories(articleTable, articles, featured, storyOf, features.vocabulary(), cached)),
          () -> out.table("rejected", ingest.rejected()),
          () -> out.table("deduplicated", ingest.deduplicated(articleTable)));
      // The report reads the written tables back: short plans, and no stage computed twice.
      Report report = Report.collect(out.readTable("articles"), out.readTable("stories"), out.readTable("facts"),
          runReport.overview(), config.reportMaxStories());
      // Both render the same finished model, each on one core.
      Concurrently.run(
          () -> out.file("report.json", report::writeJson),
          () -> out.file("report.html", report::writeHtml));
      return report;
    }, r -> Map.of("stories_in_report", (long) r.storiesShown()));

    double seconds = (System.nanoTime() - started) / 1e9;
    out.file(OutputWriter.RUN_JSON, runReport.toJson(seconds));
    out.commit();
    cached.forEach(Plans::release);
    ingest.unpersist();
    return new RunSummary(runReport.overview(), out.location(), seconds, evaluation);
  }

  private static Dataset<Row> cut(Dataset<Row> data, List<Plans> cached) {
    Plans cut = Plans.cut(data);
    cached.add(cut);
    return cut.data();
  }

  /** A phase's result with the counts only the phase itself can know. */
  private record Staged(Dataset<Row> data, long pairs, long distributedSteps) {}

  private static Map<String, Long> copyCounts(Dataset<Row> copies) {
    Row r = copies.agg(
        count(lit(1)),
        count(when(col("id").notEqual(col(CopyDetector.CANONICAL)), 1)),
        count_distinct(col(CopyDetector.DUPLICATE_GROUP))).first();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("articles", r.getLong(0));
    counts.put("copies_folded", r.getLong(1));
    counts.put("copy_groups", r.getLong(2));
    return counts;
  }

  private static Map<String, Long> storyCounts(Staged staged) {
    Row r = staged.data().groupBy(StoryClusterer.STORY_ID).count()
        .agg(count(lit(1)), count(when(col("count").gt(1), 1)), max("count")).first();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("candidate_pairs", staged.pairs());
    counts.put("stories", r.getLong(0));
    counts.put("multi_article_stories", r.getLong(1));
    counts.put("largest_story", r.isNullAt(2) ? 0L : r.getLong(2));
    if (staged.distributedSteps() > 0) {
      // More pairs than one task holds: average link ran in Spark passes over chunks of the graph.
      counts.put("average_link_passes", staged.distributedSteps());
    }
    return counts;
  }

  /** Most keywords a story lists. */
  static final int KEYWORDS = 8;

  /**
   * The stories table: title from the most central canonical article, keywords from the summed
   * weights of the 24 most salient terms of each of its canonical articles, sources and time span
   * from all its articles.
   *
   * <p>The vocabulary holds term hashes, not strings: a keyword's wording comes from the story's
   * title article, so the keywords are the story's most weighted terms that this article contains
   * (in practice nearly all of them: it is the article most like the rest of its story).
   */
  static Dataset<Row> stories(Dataset<Row> articleTable, Dataset<Row> articles, Dataset<Row> featured,
      Dataset<Row> storyOf, Broadcast<TermVocabulary> vocab, List<Plans> cached) {
    // Each story's canonical articles in one group: its title article and its most weighted terms
    // come from one pass over the group rather than from windows and aggregations over all articles.
    UDF1<byte[], byte[]> firstTerms = salient -> SalientTerms.first(salient, 3 * KEYWORDS);
    Dataset<Row> members = storyOf.filter(col("id").equalTo(col(CopyDetector.CANONICAL)))
        .select(col(StoryClusterer.STORY_ID), col("id"), col(StoryClusterer.CENTRALITY))
        .join(articleTable.select("id", "title", "published"), "id")
        .join(featured.select(col("id"), udf(firstTerms, DataTypes.BinaryType).apply(col(ArticleFeatures.SALIENT)).as("terms")), "id")
        .select(col(StoryClusterer.STORY_ID), col("id"), col(StoryClusterer.CENTRALITY), col("published"),
            col("title"), col("terms"));
    MapFunction<Row, String> storyOfRow = r -> r.getString(0);
    MapGroupsFunction<String, Row, Row> summarise = (story, rows) -> StorySummary.of(story, rows, 3 * KEYWORDS, vocab.value());
    // Read by the titles, the keywords and the filter below: summarised once.
    Dataset<Row> summaries = cut(members.groupByKey(storyOfRow, Encoders.STRING())
        .mapGroups(summarise, Encoders.row(StorySummary.SCHEMA)), cached);
    long storyCount = summaries.count();
    // Keywords read the texts of the title articles alone: a Bloom filter of their ids keeps the
    // other texts out of the join's shuffle (at a million articles, 2.4 GB of text for 160,000
    // titles). An id the filter wrongly passes finds no story in the join.
    BloomFilter titleIds = summaries.stat().bloomFilter("title_id", Math.max(1, storyCount), 0.01);
    Broadcast<BloomFilter> titles = JavaSparkContext.fromSparkContext(articles.sparkSession().sparkContext())
        .broadcast(titleIds);
    UDF1<String, Boolean> isTitle = id -> id != null && titles.value().mightContainString(id);
    Set<String> stopWords = ArticleFeatures.stopWords();
    UDF3<String, String, scala.collection.Seq<Long>, String[]> words = (title, text, hashes) -> {
      Map<Long, String> strings = ArticleFeatures.termStrings(title, text, stopWords);
      List<String> found = new ArrayList<>();
      scala.collection.Iterator<Long> it = hashes.iterator();
      while (it.hasNext() && found.size() < KEYWORDS) {
        String w = strings.get(it.next());
        if (w != null && !found.contains(w)) {
          found.add(w);
        }
      }
      return found.toArray(new String[0]);
    };
    // Joined by a shuffle, not a broadcast: at a million articles the report's concurrent writes
    // leave no heap for a broadcast table of every story (measured: out of memory in a 4 GiB heap).
    Dataset<Row> keywords = summaries.select(col(StoryClusterer.STORY_ID), col("title_id").as("id"), col("hashes"))
        .join(articles.select("id", "title", "text").filter(udf(isTitle, DataTypes.BooleanType).apply(col("id"))), "id")
        .select(col(StoryClusterer.STORY_ID), udf(words, DataTypes.createArrayType(DataTypes.StringType))
            .apply(col("title"), col("text"), col("hashes")).as("keywords"));
    // Copies of one text count once: an outlet that only reprinted a wire story is no independent source.
    Column independent = coalesce(col(CopyDetector.DUPLICATE_GROUP), col("source"), col("id"));
    return articleTable.groupBy(StoryClusterer.STORY_ID)
        .agg(
            count(lit(1)).cast("int").as("article_count"),
            array_sort(collect_set(col("source"))).as("sources"),
            count_distinct(independent).cast("int").as("source_count"),
            min("published").as("first_published"),
            max("published").as("last_published"))
        .join(summaries.select(StoryClusterer.STORY_ID, "title"), StoryClusterer.STORY_ID)
        .join(keywords, StoryClusterer.STORY_ID, "left")
        .select(col(StoryClusterer.STORY_ID), col("title"),
            coalesce(col("keywords"), org.apache.spark.sql.functions.array().cast("array<string>")).as("keywords"),
            col("sources"), col("source_count"), col("article_count"),
            col("first_published"), col("last_published"));
  }

  private static Map<String, Object> evaluate(JobConfig config, Dataset<Row> articles, Dataset<Row> storyOf) {
    Map<String, Object> scores = new LinkedHashMap<>();
    if (config.goldStoryField() == null && config.goldDuplicateField() == null) {
      return scores;
    }
    // The labels, cached in memory: each score reads them several times, and the articles they
    // come from wait on disk with their texts, which every read would load again.
    Plans labels = Plans.cut(articles.select("id", "gold_story", "gold_duplicate").join(storyOf, "id"));
    Dataset<Row> labelled = labels.data();
    // Each score is a chain of small aggregations: the two run side by side.
    ClusterScores[] found = new ClusterScores[2];
    try {
      Concurrently.run(
          () -> found[0] = config.goldStoryField() == null ? null
              : ClusterEvaluation.score(labelled, "gold_story", StoryClusterer.STORY_ID),
          () -> found[1] = config.goldDuplicateField() == null ? null
              : ClusterEvaluation.score(labelled, "gold_duplicate", CopyDetector.CANONICAL));
    } finally {
      labels.release();
    }
    if (found[0] != null) {
      scores.put("stories", found[0].toMap());
    }
    if (found[1] != null) {
      scores.put("copies", found[1].toMap());
    }
    return scores;
  }

  /**
   * The later phases' query plans nest the plans of the cached datasets they read, and Spark renders
   * each plan as a string for the UI and its listeners (AQE does so on every plan update): tens of
   * megabytes per query, enough to exhaust a 1-2 GiB driver on a few hundred articles. Unless the
   * user chose a limit, cap those strings (they are only for display).
   */
  private static void limitPlanStrings(SparkSession spark) {
    if (!spark.conf().contains("spark.sql.maxPlanStringLength")) {
      spark.conf().set("spark.sql.maxPlanStringLength", "200000");
    }
  }

  /**
   * Cached Datasets keep their columns as they are, unless the user chose otherwise. To choose an
   * encoding, Spark hashes and copies every value of a batch (a dictionary of up to 32,767
   * entries, never full in a batch of 10,000 rows). Most of the bytes the job caches are article
   * texts, distinct ids and packed arrays, which no dictionary shrinks: at 100,000 articles that
   * choice took a sixth of the ingest phase's samples and a twentieth of the whole run's. The
   * columns a dictionary would shrink (sources, reasons, story ids, input file names) are a small
   * share of the cached bytes.
   */
  private static void plainCachedColumns(SparkSession spark) {
    if (!spark.conf().contains("spark.sql.inMemoryColumnarStorage.compressed")) {
      spark.conf().set("spark.sql.inMemoryColumnarStorage.compressed", "false");
    }
  }

  /** Articles per shuffle partition when the job picks the number itself. */
  static final long ARTICLES_PER_PARTITION = 10_000;

  /**
   * Once the corpus size is known: enough shuffle partitions that no task holds more than about
   * {@value #ARTICLES_PER_PARTITION} articles' worth of blocks and pairs, never fewer than two per
   * core. Adaptive execution merges the small ones. Measured at 100k articles on two cores in a
   * 4 GiB heap: 2 partitions per core (25,000 articles a task) ran out of memory; 50 partitions
   * (2,000 a task) spent about 30 s more than 10 on starting and finishing the tasks of every stage,
   * at the same peak memory.
   */
  private static void sizePartitions(SparkSession spark, JobConfig config, long articles) {
    if (config.partitions() > 0 || spark.sparkContext().getConf().contains("spark.sql.shuffle.partitions")) {
      return;
    }
    setPartitions(spark, articles / ARTICLES_PER_PARTITION);
  }

  /** Sets {@code wanted} shuffle partitions, at least two per core and at most 2,000. */
  private static void setPartitions(SparkSession spark, long wanted) {
    int perCores = Math.max(2, spark.sparkContext().defaultParallelism() * 2);
    spark.conf().set("spark.sql.shuffle.partitions", Math.min(2_000, Math.max(perCores, wanted)));
  }

  /** Input bytes per shuffle partition before ingest has counted the articles: 10,000 news records of about 3 KB. */
  static final long INPUT_BYTES_PER_PARTITION = 30L << 20;

  /**
   * Shuffle partitions for ingest, before the articles are counted: from the input's size, at the
   * scale {@link #sizePartitions} then keeps. Ingest's shuffles decide how the cached corpus is
   * split, and every later scan of it runs that many tasks: at 100k articles, ingest on four
   * partitions (two per core) instead of ten cost about 20 s over the whole run.
   */
  private static void configurePartitions(SparkSession spark, JobConfig config) {
    if (config.partitions() > 0) {
      spark.conf().set("spark.sql.shuffle.partitions", config.partitions());
    } else if (!spark.sparkContext().getConf().contains("spark.sql.shuffle.partitions")) {
      setPartitions(spark, inputBytes(spark, config) / INPUT_BYTES_PER_PARTITION);
    }
  }

  /** Bytes of all inputs (folders summed); 0 for an input that cannot be read, which ingest reports. */
  private static long inputBytes(SparkSession spark, JobConfig config) {
    long bytes = 0;
    for (String input : config.inputs()) {
      try {
        Path path = new Path(input);
        bytes += path.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(path).getLength();
      } catch (IOException | RuntimeException e) {
        // Only a first guess: ingest says what is wrong with this input.
      }
    }
    return bytes;
  }
}
