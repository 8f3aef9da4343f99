package org.corroborate.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.io.IOException;
import java.io.Writer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.corroborate.spark.Concurrently;

/**
 * The report people read: one model of plain maps and lists, rendered as {@code report.json}
 * (Jackson, {@link #toJson()}) and {@code report.html} ({@link ReportHtml}, a Mustache template
 * that escapes every value it prints).
 *
 * <p>Only the shown stories reach the driver: the {@code --report-max-stories} largest (most
 * independent sources, then most articles, then story id), with their articles and facts. The
 * tables hold the rest; the overview counts and the story-size distributions cover every story.
 *
 * <p>Input columns: articles {@code id, source, title, published, url, duplicate_group, canonical,
 * story_id}; stories {@code story_id, title, keywords, sources, source_count, article_count,
 * first_published, last_published}; facts {@code story_id, fact_id, status, article_id, source,
 * start, end, text, kind, speaker, source_count, conflict}.
 *
 * <p>report.json (schema version {@value #SCHEMA_VERSION}; every field is documented in
 * {@code docs/report-schema.md}):
 * <pre>
 * { schema_version, overview {articles_read, articles_accepted, articles_rejected, copies_folded,
 *     stories, sources, stories_in_report, ...},
 *   distributions {story_sizes[], sources_per_story[]: {label, min, max, stories}},
 *   sources[] {source, story_count, article_count, story_ids[]},
 *   stories[] {index, story_id, title, keywords[], first_published, last_published, article_count,
 *     source_count, sources[], shared_fact_count, unique_fact_count, conflict_count,
 *     articles[] {id, source, title, published, url, link, duplicate_group, canonical, copy_of},
 *     copy_groups[] {duplicate_group, canonical {id, source, title}, copies[] {id, source, title}},
 *     shared_facts[] {fact_id, source_count, sources[], statement_count, omitted_statement_count, statements[]},
 *     unique_facts[] {source, facts[] {fact_id, statement_count, omitted_statement_count, statements[]}},
 *     conflicts[] {fact_id, detail, source_count, sources[], statement_count, omitted_statement_count,
 *       statements[]} } }
 * statement = {article_id, source, kind, speaker, start, end, text}
 * </pre>
 * A shared or unique fact shows at most {@value #MAX_STATEMENTS_PER_FACT} of its statements, one from
 * each source first; a conflict shows them all. Shared facts are sorted by independent sources (most
 * first), then statements, then fact order;
 * unique facts are grouped by source (sorted by name) and kept in article order. Dates are ISO-8601
 * UTC instants or null; {@code link} is the URL when it is an http(s) link ({@link Links}), else null.
 * A missing source is shown as {@code "(unknown source: ARTICLE_ID)"}, as the job counts such an
 * article as a source of its own.
 */
public final class Report {
  /** The version of report.json's schema; raised when a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 2;
  /** Facts shown per story; the facts/ table holds them all. */
  static final int MAX_FACTS_PER_STORY = 100;
  /**
   * Statements shown per shared or unique fact, one from each source first; the facts/ table holds
   * them all. A conflict shows all of its statements, so that every side of it is seen.
   */
  static final int MAX_STATEMENTS_PER_FACT = 8;

  /** Bins of the story-size and sources-per-story charts: {min, max}; max -1 means no bound. */
  static final int[][] BINS = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 10}, {11, 20}, {21, 50}, {51, -1}};

  private final Map<String, Object> model;
  private final int storiesShown;

  private Report(Map<String, Object> model, int storiesShown) {
    this.model = model;
    this.storiesShown = storiesShown;
  }

  /** The number of stories in the report. */
  public int storiesShown() {
    return storiesShown;
  }

  /** The report's model: maps and lists exactly as report.json shows them. */
  public Map<String, Object> model() {
    return model;
  }

  /** How many stories have a given number of articles and of independent sources. */
  record StorySize(int articles, int sources, long stories) {}

  /**
   * Collects the {@code maxStories} largest stories with their articles and facts, plus the
   * size distribution of all stories and the number of sources, and builds the report.
   */
  public static Report collect(Dataset<Row> articles, Dataset<Row> stories, Dataset<Row> facts,
      Map<String, Object> overview, int maxStories) {
    // Two actions read the stories: cache them so that their plan runs once here.
    Dataset<Row> cached = stories.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return collectCached(articles, cached, facts, overview, maxStories);
    } finally {
      cached.unpersist();
    }
  }

  private static Report collectCached(Dataset<Row> articles, Dataset<Row> stories, Dataset<Row> facts,
      Map<String, Object> overview, int maxStories) {
    List<Row> storyRows = stories
        .orderBy(desc("source_count"), desc("article_count"), col("story_id"))
        .limit(maxStories)
        .collectAsList();
    List<String> ids = new ArrayList<>();
    for (Row s : storyRows) {
      ids.add(s.getAs("story_id"));
    }
    Dataset<Row> shown = articles.sparkSession().createDataset(ids, Encoders.STRING()).toDF("story_id");
    // Four independent reads, each a few small stages: side by side they keep the cores busy.
    Collected c = new Collected();
    Concurrently.run(
        () -> c.articleRows = articles.join(broadcast(shown), "story_id").orderBy("story_id", "id").collectAsList(),
        () -> shownFacts(facts, shown, c),
        () -> c.sizes = sizes(stories),
        // An article without a source counts as a source of its own, as in the stories table.
        () -> c.sources = articles.agg(count_distinct(coalesce(col("source"), col("canonical")))).first().getLong(0));
    Map<String, Object> counts = new LinkedHashMap<>(overview);
    counts.put("sources", c.sources);
    return build(storyRows, c.articleRows, c.factRows, counts, c.sizes, c.omitted);
  }

  /** What {@link #collectCached} reads beside the story rows; set by its concurrent reads. */
  private static final class Collected {
    List<Row> articleRows;
    List<Row> factRows;
    Map<String, Long> omitted;
    List<StorySize> sizes;
    long sources;
  }

  /**
   * The facts of the {@code shown} stories: each story's {@link #MAX_FACTS_PER_STORY} most
   * corroborated ones (conflicts, then shared by most sources, then unique) into
   * {@code c.factRows}, and how many more the facts/ table holds per story into {@code c.omitted}.
   * A story of thousands of articles holds tens of thousands of facts.
   */
  private static void shownFacts(Dataset<Row> facts, Dataset<Row> shown, Collected c) {
    // The shown stories' facts, read once from the whole table for the ranking and the rows.
    Dataset<Row> storyFacts = facts.join(broadcast(shown), "story_id").persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> groups = storyFacts.groupBy("story_id", "fact_id")
        .agg(first("status").as("status"), max("source_count").as("sources"), count(lit(1)).as("statements"))
        .withColumn("__rank", row_number().over(Window.partitionBy("story_id").orderBy(
            when(col("status").equalTo("conflict"), 0).when(col("status").equalTo("shared"), 1).otherwise(2),
            col("sources").desc(), col("statements").desc(), col("fact_id"))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, Long> omitted = new LinkedHashMap<>();
      for (Row r : groups.filter(col("__rank").gt(MAX_FACTS_PER_STORY)).groupBy("story_id").count().collectAsList()) {
        omitted.put(r.getString(0), r.getLong(1));
      }
      c.omitted = omitted;
      c.factRows = storyFacts
          .join(groups.filter(col("__rank").leq(MAX_FACTS_PER_STORY)).select(col("story_id").as("__s"), col("fact_id").as("__f")),
              storyFacts.col("story_id").equalTo(col("__s")).and(storyFacts.col("fact_id").equalTo(col("__f"))), "left_semi")
          .orderBy("story_id", "fact_id", "article_id", "start").collectAsList();
    } finally {
      groups.unpersist();
      storyFacts.unpersist();
    }
  }

  /** How many stories there are of each number of articles and of independent sources. */
  private static List<StorySize> sizes(Dataset<Row> stories) {
    List<StorySize> sizes = new ArrayList<>();
    for (Row r : stories.groupBy("article_count", "source_count").count().collectAsList()) {
      sizes.add(new StorySize(((Number) r.get(0)).intValue(), ((Number) r.get(1)).intValue(), r.getLong(2)));
    }
    return sizes;
  }

  /**
   * Builds the report from collected rows (plain Java; unit-testable without Spark). {@code sizes}
   * is the size distribution of all stories; null takes it from {@code storyRows}.
   */
  static Report build(List<Row> storyRows, List<Row> articleRows, List<Row> factRows,
      Map<String, Object> overview, List<StorySize> sizes) {
    return build(storyRows, articleRows, factRows, overview, sizes, Map.of());
  }

  /** As above, with the number of facts of each story left out of the report ({@code omitted}). */
  static Report build(List<Row> storyRows, List<Row> articleRows, List<Row> factRows,
      Map<String, Object> overview, List<StorySize> sizes, Map<String, Long> omitted) {
    Map<String, List<Row>> articlesByStory = group(articleRows, "story_id");
    Map<String, List<Row>> factsByStory = group(factRows, "story_id");
    // Each story's part of the model depends on its own rows alone: built side by side, in order.
    List<Map<String, Object>> stories = IntStream.range(0, storyRows.size()).parallel()
        .mapToObj(i -> story(i + 1, storyRows.get(i), articlesByStory, factsByStory, omitted))
        .collect(Collectors.toList());
    Map<String, TreeSet<String>> storiesBySource = new TreeMap<>();
    Map<String, Integer> articlesBySource = new TreeMap<>();
    for (Map<String, Object> story : stories) {
      String storyId = (String) story.get("story_id");
      for (Row a : articlesByStory.getOrDefault(storyId, List.of())) {
        String source = sourceName(a);
        storiesBySource.computeIfAbsent(source, k -> new TreeSet<>()).add(storyId);
        articlesBySource.merge(source, 1, Integer::sum);
      }
    }
    if (sizes == null) {
      sizes = new ArrayList<>();
      for (Map<String, Object> story : stories) {
        sizes.add(new StorySize((Integer) story.get("article_count"), (Integer) story.get("source_count"), 1));
      }
    }
    Map<String, Object> counts = new LinkedHashMap<>(overview);
    counts.putIfAbsent("sources", (long) storiesBySource.size());
    counts.put("stories_in_report", stories.size());

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("schema_version", SCHEMA_VERSION);
    model.put("overview", counts);
    Map<String, Object> distributions = new LinkedHashMap<>();
    distributions.put("story_sizes", histogram(sizes, true));
    distributions.put("sources_per_story", histogram(sizes, false));
    model.put("distributions", distributions);
    model.put("sources", sources(storiesBySource, articlesBySource, stories));
    model.put("stories", stories);
    return new Report(model, stories.size());
  }

  /** The report's entry for one story, the {@code index}-th shown. */
  private static Map<String, Object> story(int index, Row s, Map<String, List<Row>> articlesByStory,
      Map<String, List<Row>> factsByStory, Map<String, Long> omitted) {
    String storyId = s.getAs("story_id");
    List<Row> members = articlesByStory.getOrDefault(storyId, List.of());
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("index", index);
    story.put("story_id", storyId);
    story.put("title", s.getAs("title"));
    story.put("keywords", s.isNullAt(s.fieldIndex("keywords")) ? List.of() : s.getList(s.fieldIndex("keywords")));
    story.put("first_published", date(s.getAs("first_published")));
    story.put("last_published", date(s.getAs("last_published")));
    story.put("article_count", ((Number) s.getAs("article_count")).intValue());
    story.put("source_count", ((Number) s.getAs("source_count")).intValue());
    story.put("sources", new ArrayList<>(new TreeSet<>(members.stream().map(Report::sourceName).toList())));
    story.put("shared_fact_count", 0);
    story.put("unique_fact_count", 0);
    story.put("conflict_count", 0);
    story.put("articles", members.stream().map(Report::article).toList());
    story.put("copy_groups", copyGroups(members));
    addFacts(story, factsByStory.getOrDefault(storyId, List.of()));
    story.put("omitted_fact_count", omitted.getOrDefault(storyId, 0L).intValue());
    return story;
  }

  /** The source's name, or a stand-in naming the article when the source is unknown. */
  static String sourceName(Row article) {
    String source = article.getAs("source");
    return source != null ? source : unknownSource(article.getAs("id"));
  }

  private static String unknownSource(String articleId) {
    return "(unknown source: " + articleId + ")";
  }

  /** Per source over the shown stories: most stories first, then by name. */
  private static List<Map<String, Object>> sources(Map<String, TreeSet<String>> storiesBySource,
      Map<String, Integer> articlesBySource, List<Map<String, Object>> stories) {
    Map<String, Integer> order = new LinkedHashMap<>();
    for (Map<String, Object> s : stories) {
      order.put((String) s.get("story_id"), (Integer) s.get("index"));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    storiesBySource.forEach((source, ids) -> {
      List<String> sorted = new ArrayList<>(ids);
      sorted.sort(Comparator.comparing(order::get));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", source);
      m.put("story_count", ids.size());
      m.put("article_count", articlesBySource.get(source));
      m.put("story_ids", sorted);
      out.add(m);
    });
    out.sort(Comparator.comparing((Map<String, Object> m) -> -(Integer) m.get("story_count"))
        .thenComparing(m -> (String) m.get("source")));
    return out;
  }

  /** Stories per bin of article count ({@code byArticles}) or of independent sources. */
  private static List<Map<String, Object>> histogram(List<StorySize> sizes, boolean byArticles) {
    long[] counts = new long[BINS.length];
    int last = -1;
    for (StorySize s : sizes) {
      int value = byArticles ? s.articles() : s.sources();
      for (int b = 0; b < BINS.length; b++) {
        if (value >= BINS[b][0] && (BINS[b][1] < 0 || value <= BINS[b][1])) {
          counts[b] += s.stories();
          last = Math.max(last, b);
          break;
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int b = 0; b <= last; b++) {
      Map<String, Object> bin = new LinkedHashMap<>();
      int min = BINS[b][0];
      int max = BINS[b][1];
      bin.put("label", max < 0 ? min + "+" : min == max ? String.valueOf(min) : min + "\u2013" + max);
      bin.put("min", min);
      bin.put("max", max < 0 ? null : max);
      bin.put("stories", counts[b]);
      out.add(bin);
    }
    return out;
  }

  private static Map<String, Object> article(Row a) {
    Map<String, Object> m = new LinkedHashMap<>();
    String id = a.getAs("id");
    String canonical = a.getAs("canonical");
    String url = a.getAs("url");
    m.put("id", id);
    m.put("source", sourceName(a));
    m.put("title", a.getAs("title"));
    m.put("published", date(a.getAs("published")));
    m.put("url", url);
    m.put("link", Links.webLink(url));
    m.put("duplicate_group", a.getAs("duplicate_group"));
    m.put("canonical", canonical);
    m.put("copy_of", canonical != null && !canonical.equals(id) ? canonical : null);
    return m;
  }

  /** Groups with at least one copy: the canonical article and the articles that reprinted it. */
  private static List<Map<String, Object>> copyGroups(List<Row> members) {
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row a : members) {
      String group = a.getAs("duplicate_group");
      if (group != null) {
        groups.computeIfAbsent(group, k -> new ArrayList<>()).add(a);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
      Map<String, Object> canonical = null;
      List<Map<String, Object>> copies = new ArrayList<>();
      for (Row a : g.getValue()) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", a.getAs("id"));
        ref.put("source", sourceName(a));
        ref.put("title", a.getAs("title"));
        if (Objects.equals(a.getAs("id"), a.getAs("canonical"))) {
          canonical = ref;
        } else {
          copies.add(ref);
        }
      }
      if (copies.isEmpty()) {
        continue;
      }
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("duplicate_group", g.getKey());
      group.put("canonical", canonical);
      group.put("copies", copies);
      out.add(group);
    }
    return out;
  }

  private static void addFacts(Map<String, Object> story, List<Row> facts) {
    Map<String, List<Row>> byFact = group(facts, "fact_id");
    List<Map<String, Object>> shared = new ArrayList<>();
    List<Map<String, Object>> conflicts = new ArrayList<>();
    Map<String, List<Map<String, Object>>> uniqueBySource = new TreeMap<>();
    Map<String, Object> firstStatement = new HashMap<>();
    for (Map.Entry<String, List<Row>> f : byFact.entrySet()) {
      List<Row> statements = new ArrayList<>(f.getValue());
      statements.sort(Comparator.comparing(Report::statementSource)
          .thenComparing(r -> (String) r.getAs("article_id"))
          .thenComparing(r -> ((Number) r.getAs("start")).intValue()));
      Row first = statements.get(0);
      String status = first.getAs("status");
      int total = statements.size();
      List<Row> shown = "conflict".equals(status) ? statements : spread(statements, MAX_STATEMENTS_PER_FACT);
      Map<String, Object> fact = new LinkedHashMap<>();
      fact.put("fact_id", f.getKey());
      List<Map<String, Object>> shownStatements = shown.stream().map(Report::statement).toList();
      if ("unique".equals(status)) {
        fact.put("statement_count", total);
        fact.put("omitted_statement_count", total - shown.size());
        fact.put("statements", shownStatements);
        uniqueBySource.computeIfAbsent(statementSource(first), k -> new ArrayList<>()).add(fact);
        firstStatement.put(f.getKey(), shownStatements.get(0));
        continue;
      }
      if ("conflict".equals(status)) {
        fact.put("detail", first.getAs("conflict"));
      }
      fact.put("source_count", ((Number) first.getAs("source_count")).intValue());
      fact.put("sources", new ArrayList<>(new LinkedHashSet<>(statements.stream().map(Report::statementSource).toList())));
      fact.put("statement_count", total);
      fact.put("omitted_statement_count", total - shown.size());
      fact.put("statements", shownStatements);
      if ("conflict".equals(status)) {
        conflicts.add(fact);
      } else {
        shared.add(fact);
      }
    }
    shared.sort(Comparator.comparing((Map<String, Object> m) -> -(Integer) m.get("source_count"))
        .thenComparing(m -> -(Integer) m.get("statement_count"))
        .thenComparing(m -> (String) m.get("fact_id"), Report::compareFactIds));
    conflicts.sort(Comparator.comparing(m -> (String) m.get("fact_id"), Report::compareFactIds));
    List<Map<String, Object>> unique = new ArrayList<>();
    int uniqueCount = 0;
    for (Map.Entry<String, List<Map<String, Object>>> e : uniqueBySource.entrySet()) {
      List<Map<String, Object>> list = new ArrayList<>(e.getValue());
      // In the order the article tells them.
      list.sort(Comparator.comparing((Map<String, Object> m) -> firstStatement.get(m.get("fact_id")), IN_ARTICLE_ORDER));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", e.getKey());
      m.put("facts", list);
      unique.add(m);
      uniqueCount += list.size();
    }
    story.put("shared_fact_count", shared.size());
    story.put("unique_fact_count", uniqueCount);
    story.put("conflict_count", conflicts.size());
    story.put("shared_facts", shared);
    story.put("unique_facts", unique);
    story.put("conflicts", conflicts);
  }

  /**
   * At most {@code cap} of {@code statements} (sorted by source, article id and position): the
   * first of each source, then the second of each, and so on, so that as many sources as possible
   * speak; in the given order.
   */
  static List<Row> spread(List<Row> statements, int cap) {
    if (statements.size() <= cap) {
      return statements;
    }
    List<Integer> sourceStarts = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      if (i == 0 || !statementSource(statements.get(i)).equals(statementSource(statements.get(i - 1)))) {
        sourceStarts.add(i);
      }
    }
    sourceStarts.add(statements.size());
    boolean[] keep = new boolean[statements.size()];
    int kept = 0;
    for (int round = 0; kept < cap; round++) {
      for (int s = 0; s + 1 < sourceStarts.size() && kept < cap; s++) {
        int at = sourceStarts.get(s) + round;
        if (at < sourceStarts.get(s + 1)) {
          keep[at] = true;
          kept++;
        }
      }
    }
    List<Row> out = new ArrayList<>(cap);
    for (int i = 0; i < statements.size(); i++) {
      if (keep[i]) {
        out.add(statements.get(i));
      }
    }
    return out;
  }

  /** Statements (as {@link #statement} gives them) by article id, then position. */
  @SuppressWarnings("unchecked")
  private static final Comparator<Object> IN_ARTICLE_ORDER = Comparator
      .comparing((Object o) -> (String) ((Map<String, Object>) o).get("article_id"))
      .thenComparingInt(o -> (Integer) ((Map<String, Object>) o).get("start"));

  /** Orders fact ids such as {@code s-1-f2} before {@code s-1-f10}: a numeric suffix compares as a number. */
  static int compareFactIds(String a, String b) {
    int i = numericSuffixStart(a);
    int j = numericSuffixStart(b);
    int prefix = a.substring(0, i).compareTo(b.substring(0, j));
    if (prefix != 0 || i == a.length() || j == b.length()) {
      return prefix != 0 ? prefix : a.compareTo(b);
    }
    String x = a.substring(i).replaceFirst("^0+(?=.)", "");
    String y = b.substring(j).replaceFirst("^0+(?=.)", "");
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static int numericSuffixStart(String s) {
    int i = s.length();
    while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static String statementSource(Row f) {
    String source = f.getAs("source");
    return source != null ? source : unknownSource(f.getAs("article_id"));
  }

  private static Map<String, Object> statement(Row f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("article_id", f.getAs("article_id"));
    m.put("source", statementSource(f));
    m.put("kind", f.getAs("kind"));
    m.put("speaker", f.getAs("speaker"));
    m.put("start", ((Number) f.getAs("start")).intValue());
    m.put("end", ((Number) f.getAs("end")).intValue());
    m.put("text", f.getAs("text"));
    return m;
  }

  private static Map<String, List<Row>> group(List<Row> rows, String key) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getAs(key), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static String date(Object value) {
    return value instanceof Timestamp t ? DateTimeFormatter.ISO_INSTANT.format(t.toInstant()) : null;
  }

  /** report.json: the model as indented JSON. */
  public String toJson() {
    return Json.write(model);
  }

  /** report.html: one self-contained page; every value from the input is HTML-escaped. */
  public String toHtml() {
    return ReportHtml.render(model);
  }

  /**
   * Writes report.json to {@code out} as it is serialised: a report of hundreds of large stories
   * is never held as one string.
   */
  public void writeJson(Writer out) throws IOException {
    Json.MAPPER.writeValue(out, model);
    out.write("\n");
  }

  /** Writes report.html to {@code out} as it is rendered. */
  public void writeHtml(Writer out) throws IOException {
    try {
      ReportHtml.render(model, out);
    } catch (com.samskivert.mustache.MustacheException e) {
      // The template engine wraps a failed write; the caller reports where the output could not go.
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /** JSON writing with one configured mapper. */
  public static final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        // The caller closes the streams it hands over.
        .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}

    /** {@code value} as indented JSON. */
    public static String write(Object value) {
      try {
        return MAPPER.writeValueAsString(value) + "\n";
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON", e);
      }
    }
  }
}
