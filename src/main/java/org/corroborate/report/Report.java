package org.corroborate.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The report people read: one model, rendered as {@code report.json} (Jackson) and
 * {@code report.html} (a Mustache template that escapes every value it prints).
 *
 * <p>Only the shown stories reach the driver: the {@code --report-max-stories} largest (most
 * independent sources, then most articles), with their articles and facts. The tables hold the rest.
 *
 * <p>report.json schema (version 1): {@code overview} (counts), {@code sources} (names, sorted),
 * {@code coverage} (per source, the ids of the shown stories it covered), and {@code stories}: per
 * story {@code story_id, title, keywords, first_published, last_published, article_count,
 * source_count, sources, articles[] {id, source, title, published, url, link, duplicate_group,
 * canonical}, copy_groups[] {duplicate_group, canonical {id, source}, copies[] {id, source}},
 * shared_facts[] {fact_id, source_count, sources, statements[]}, unique_facts[] {source, facts[]
 * {fact_id, statements[]}}, conflicts[] {fact_id, detail, source_count, sources, statements[]}};
 * a statement is {@code article_id, source, kind, speaker, start, end, text}.
 */
public final class Report {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** Stories shown as columns of the coverage matrix. */
  static final int MATRIX_STORIES = 40;

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

  /** The report's model: maps and lists as report.json shows them. */
  public Map<String, Object> model() {
    return model;
  }

  /** Collects the largest stories with their articles and facts and builds the report. */
  public static Report collect(Dataset<Row> articles, Dataset<Row> stories, Dataset<Row> facts,
      Map<String, Object> overview, int maxStories) {
    List<Row> storyRows = stories
        .orderBy(desc("source_count"), desc("article_count"), col("story_id"))
        .limit(maxStories)
        .collectAsList();
    List<String> ids = new ArrayList<>();
    for (Row s : storyRows) {
      ids.add(s.getAs("story_id"));
    }
    Dataset<Row> shown = articles.sparkSession()
        .createDataset(ids, org.apache.spark.sql.Encoders.STRING()).toDF("story_id");
    List<Row> articleRows = articles.join(broadcast(shown), "story_id").orderBy("story_id", "id").collectAsList();
    List<Row> factRows = facts.join(broadcast(shown), "story_id")
        .orderBy("story_id", "fact_id", "article_id", "start").collectAsList();
    return build(storyRows, articleRows, factRows, overview);
  }

  /** Builds the report from collected rows (plain Java; unit-testable without Spark). */
  static Report build(List<Row> storyRows, List<Row> articleRows, List<Row> factRows, Map<String, Object> overview) {
    Map<String, List<Row>> articlesByStory = group(articleRows, "story_id");
    Map<String, List<Row>> factsByStory = group(factRows, "story_id");
    TreeSet<String> allSources = new TreeSet<>();
    Map<String, TreeSet<String>> coverage = new TreeMap<>();
    List<Map<String, Object>> stories = new ArrayList<>();
    int index = 0;
    for (Row s : storyRows) {
      String storyId = s.getAs("story_id");
      List<Row> members = articlesByStory.getOrDefault(storyId, List.of());
      Map<String, Row> byId = new LinkedHashMap<>();
      for (Row a : members) {
        byId.put(a.getAs("id"), a);
        String source = sourceName(a);
        allSources.add(source);
        coverage.computeIfAbsent(source, k -> new TreeSet<>()).add(storyId);
      }
      Map<String, Object> story = new LinkedHashMap<>();
      story.put("index", ++index);
      story.put("story_id", storyId);
      story.put("title", s.getAs("title"));
      story.put("keywords", s.getList(s.fieldIndex("keywords")));
      story.put("first_published", date(s.getAs("first_published")));
      story.put("last_published", date(s.getAs("last_published")));
      story.put("article_count", s.getAs("article_count"));
      story.put("source_count", s.getAs("source_count"));
      List<String> storySources = new ArrayList<>(new TreeSet<>(members.stream().map(Report::sourceName).toList()));
      story.put("sources", storySources);
      story.put("articles", members.stream().map(Report::article).toList());
      story.put("copy_groups", copyGroups(members));
      addFacts(story, factsByStory.getOrDefault(storyId, List.of()));
      stories.add(story);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("schema_version", 1);
    model.put("overview", overview);
    model.put("sources", new ArrayList<>(allSources));
    List<Map<String, Object>> coverageRows = new ArrayList<>();
    for (String source : allSources) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source", source);
      row.put("stories", new ArrayList<>(coverage.get(source)));
      coverageRows.add(row);
    }
    model.put("coverage", coverageRows);
    model.put("stories", stories);
    return new Report(model, stories.size());
  }

  /** The source's name, or a stand-in naming the article when the source is unknown. */
  static String sourceName(Row article) {
    String source = article.getAs("source");
    return source != null ? source : "(unknown source: " + article.getAs("id") + ")";
  }

  private static Map<String, Object> article(Row a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.getAs("id"));
    m.put("source", sourceName(a));
    m.put("title", a.getAs("title"));
    m.put("published", date(a.getAs("published")));
    String url = a.getAs("url");
    m.put("url", url);
    m.put("link", Links.isWebLink(url) ? url : null);
    m.put("duplicate_group", a.getAs("duplicate_group"));
    m.put("canonical", a.getAs("canonical"));
    m.put("is_copy", !a.getAs("id").equals(a.getAs("canonical")));
    return m;
  }

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
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("duplicate_group", g.getKey());
      List<Map<String, Object>> copies = new ArrayList<>();
      for (Row a : g.getValue()) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", a.getAs("id"));
        ref.put("source", sourceName(a));
        if (a.getAs("id").equals(a.getAs("canonical"))) {
          group.put("canonical", ref);
        } else {
          copies.add(ref);
        }
      }
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
    for (Map.Entry<String, List<Row>> f : byFact.entrySet()) {
      List<Row> statements = f.getValue();
      Row first = statements.get(0);
      String status = first.getAs("status");
      Map<String, Object> fact = new LinkedHashMap<>();
      fact.put("fact_id", f.getKey());
      if ("conflict".equals(status)) {
        fact.put("detail", first.getAs("conflict"));
      }
      fact.put("source_count", first.getAs("source_count"));
      fact.put("sources", new ArrayList<>(new TreeSet<>(statements.stream().map(Report::statementSource).toList())));
      fact.put("statements", statements.stream().map(Report::statement).toList());
      switch (status) {
        case "shared" -> shared.add(fact);
        case "conflict" -> conflicts.add(fact);
        default -> uniqueBySource.computeIfAbsent(statementSource(first), k -> new ArrayList<>()).add(fact);
      }
    }
    shared.sort(Comparator.comparing((Map<String, Object> m) -> -((Number) m.get("source_count")).intValue())
        .thenComparing(m -> (String) m.get("fact_id")));
    story.put("shared_facts", shared);
    List<Map<String, Object>> unique = new ArrayList<>();
    uniqueBySource.forEach((source, list) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", source);
      m.put("facts", list);
      unique.add(m);
    });
    story.put("unique_facts", unique);
    story.put("conflicts", conflicts);
  }

  private static String statementSource(Row f) {
    String source = f.getAs("source");
    return source != null ? source : "(unknown source: " + f.getAs("article_id") + ")";
  }

  private static Map<String, Object> statement(Row f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("article_id", f.getAs("article_id"));
    m.put("source", statementSource(f));
    m.put("kind", f.getAs("kind"));
    m.put("speaker", f.getAs("speaker"));
    m.put("start", f.getAs("start"));
    m.put("end", f.getAs("end"));
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
    return value instanceof Timestamp t ? DATE.format(t.toInstant()) : null;
  }

  /** report.json: the model as indented JSON. */
  public String toJson() {
    return Json.write(model);
  }

  /** report.html: one self-contained page; every value is HTML-escaped by the template engine. */
  public String toHtml() {
    Map<String, Object> context = new LinkedHashMap<>(model);
    context.put("json_overview", overviewRows());
    context.put("coverage_matrix", coverageMatrix());
    return template().execute(context);
  }

  private List<Map<String, Object>> overviewRows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> overview = (Map<String, Object>) model.get("overview");
    overview.forEach((k, v) -> rows.add(Map.of("label", k.replace('_', ' '), "value", String.valueOf(v))));
    return rows;
  }

  /** Source-by-story rows for the coverage matrix, over the first {@value #MATRIX_STORIES} stories. */
  private List<Map<String, Object>> coverageMatrix() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> stories = (List<Map<String, Object>>) model.get("stories");
    List<Map<String, Object>> shown = stories.subList(0, Math.min(MATRIX_STORIES, stories.size()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> coverage = (List<Map<String, Object>>) model.get("coverage");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> c : coverage) {
      @SuppressWarnings("unchecked")
      List<String> covered = (List<String>) c.get("stories");
      List<Map<String, Object>> cells = new ArrayList<>();
      boolean any = false;
      for (Map<String, Object> s : shown) {
        boolean on = covered.contains((String) s.get("story_id"));
        any |= on;
        cells.add(Map.of("on", on, "title", c.get("source") + (on ? " covered: " : " did not cover: ") + s.get("title")));
      }
      if (any) {
        rows.add(Map.of("source", c.get("source"), "cells", cells));
      }
    }
    return rows;
  }

  private static Template template() {
    try (InputStream in = Report.class.getResourceAsStream("report.html.mustache");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Mustache.compiler().escapeHTML(true).defaultValue("").compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("report template missing from the jar", e);
    }
  }

  /** JSON writing with one configured mapper. */
  public static final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
