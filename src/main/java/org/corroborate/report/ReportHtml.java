package org.corroborate.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * report.html: the report's model as one self-contained page (template
 * {@code report.html.mustache}, script {@code report.js}, both in this package's resources).
 *
 * <p>Safety: the template engine HTML-escapes every value; the only unescaped inserts are the
 * charts, which {@link Charts} builds with its own escaping, and the page's own script. URLs become
 * links only through {@link Links#webLink}. The Content-Security-Policy allows no network access
 * and runs only the page's own script, named by its SHA-256 hash: were a value ever left unescaped,
 * an injected script or event handler would still not run.
 */
final class ReportHtml {
  /** Stories shown as columns of the coverage matrix (the first ones of the index). */
  static final int MATRIX_STORIES = 50;
  /** Sources shown as rows of the coverage matrix (those covering most of its stories). */
  static final int MATRIX_SOURCES = 40;
  /** Sources shown in the stories-per-source chart. */
  static final int CHART_SOURCES = 12;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("articles_read", "articles read"),
      Map.entry("articles_accepted", "accepted"),
      Map.entry("articles_rejected", "rejected"),
      Map.entry("copies_folded", "copies folded"),
      Map.entry("copy_groups", "copy groups"),
      Map.entry("stories", "stories"),
      Map.entry("multi_article_stories", "multi-article stories"),
      Map.entry("sources", "sources"),
      Map.entry("statements", "statements"),
      Map.entry("shared_statements", "shared statements"),
      Map.entry("conflict_statements", "conflicting statements"),
      Map.entry("stories_in_report", "stories shown"));
  private static final List<String> HEADLINE = List.of(
      "articles_read", "articles_accepted", "articles_rejected", "copies_folded", "stories", "sources");

  private static final String SCRIPT = resource("report.js");
  private static final Template TEMPLATE = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true)
      .compile(resource("report.html.mustache"));

  private ReportHtml() {}

  /** The page for {@code model} ({@link Report#model()}). */
  static String render(Map<String, Object> model) {
    java.io.StringWriter out = new java.io.StringWriter();
    render(model, out);
    return out.toString();
  }

  /** Writes the page for {@code model} to {@code out}, as the template renders it. */
  static void render(Map<String, Object> model, java.io.Writer out) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("csp", contentSecurityPolicy());
    page.put("script", SCRIPT);
    Map<String, Object> overview = map(model.get("overview"));
    page.put("headline", cards(overview, true));
    page.put("more_counts", cards(overview, false));
    List<Map<String, Object>> stories = maps(model.get("stories"));
    long total = number(overview.get("stories"), stories.size());
    page.put("story_total", total);
    page.put("stories_shown", stories.size());
    page.put("truncated", total > stories.size());
    long sourceTotal = number(overview.get("sources"), maps(model.get("sources")).size());
    page.put("summary", plural(total, "story", "stories") + " from " + plural(sourceTotal, "source", "sources"));
    page.put("charts", charts(model));
    page.put("matrix", matrix(stories, maps(model.get("sources"))));
    List<Map<String, Object>> storyViews = new ArrayList<>();
    for (Map<String, Object> s : stories) {
      storyViews.add(story(s));
    }
    page.put("stories", storyViews);
    page.put("has_stories", !storyViews.isEmpty());
    TEMPLATE.execute(page, out);
  }

  /** The page's policy: nothing from the network, and only the page's own script by its hash. */
  static String contentSecurityPolicy() {
    return "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-" + sha256(SCRIPT)
        + "'; base-uri 'none'; form-action 'none'";
  }

  private static List<Map<String, Object>> cards(Map<String, Object> overview, boolean headline) {
    List<Map<String, Object>> cards = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>(headline ? HEADLINE : overview.keySet());
    for (String key : keys) {
      if (!headline && HEADLINE.contains(key) || !overview.containsKey(key)) {
        continue;
      }
      Object value = overview.get(key);
      cards.add(Map.of("label", LABELS.getOrDefault(key, key.replace('_', ' ')),
          "value", value == null ? "\u2013" : String.format(Locale.ROOT, "%,d", ((Number) value).longValue())));
    }
    return cards;
  }

  private static List<Map<String, Object>> charts(Map<String, Object> model) {
    Map<String, Object> distributions = map(model.get("distributions"));
    List<Map<String, Object>> charts = new ArrayList<>();
    charts.add(Map.of("caption", "Story sizes: stories by number of articles",
        "svg", Charts.columns("Stories by number of articles", "articles in the story",
            bins(maps(distributions.get("story_sizes")), "article"))));
    charts.add(Map.of("caption", "Sources per story: stories by number of independent sources",
        "svg", Charts.columns("Stories by number of independent sources", "independent sources",
            bins(maps(distributions.get("sources_per_story")), "independent source"))));
    List<Charts.Bar> perSource = new ArrayList<>();
    List<Map<String, Object>> sources = maps(model.get("sources"));
    for (Map<String, Object> s : sources.subList(0, Math.min(CHART_SOURCES, sources.size()))) {
      long n = number(s.get("story_count"), 0);
      perSource.add(new Charts.Bar((String) s.get("source"), n, s.get("source") + ": " + plural(n, "story", "stories")));
    }
    String caption = sources.size() > CHART_SOURCES
        ? "Stories per source (the " + CHART_SOURCES + " sources with most stories in this report)"
        : "Stories per source (stories in this report)";
    charts.add(Map.of("caption", caption, "svg", Charts.rows("Stories per source", perSource)));
    return charts;
  }

  private static List<Charts.Bar> bins(List<Map<String, Object>> bins, String unit) {
    List<Charts.Bar> bars = new ArrayList<>();
    for (Map<String, Object> b : bins) {
      long n = number(b.get("stories"), 0);
      String label = (String) b.get("label");
      bars.add(new Charts.Bar(label, n, plural(n, "story", "stories") + " with " + label + " "
          + ("1".equals(label) ? unit : unit + "s")));
    }
    return bars;
  }

  /** Source-by-story rows over the first stories and the sources covering most of them. */
  private static Map<String, Object> matrix(List<Map<String, Object>> stories, List<Map<String, Object>> sources) {
    List<Map<String, Object>> columns = stories.subList(0, Math.min(MATRIX_STORIES, stories.size()));
    Set<String> columnIds = new LinkedHashSet<>();
    List<Map<String, Object>> heads = new ArrayList<>();
    for (Map<String, Object> s : columns) {
      columnIds.add((String) s.get("story_id"));
      heads.add(Map.of("index", s.get("index"), "story_id", s.get("story_id"), "title", title(s)));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> source : sources) {
      @SuppressWarnings("unchecked")
      List<String> covered = (List<String>) source.get("story_ids");
      long inMatrix = covered.stream().filter(columnIds::contains).count();
      if (inMatrix == 0) {
        continue;
      }
      List<Map<String, Object>> cells = new ArrayList<>();
      for (Map<String, Object> s : columns) {
        boolean on = covered.contains((String) s.get("story_id"));
        cells.add(Map.of("on", on, "tip", source.get("source") + (on ? " covered " : " did not cover ")
            + "#" + s.get("index") + " " + title(s)));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source", source.get("source"));
      row.put("covered", inMatrix);
      row.put("cells", cells);
      row.put("order", inMatrix);
      rows.add(row);
    }
    rows.sort((a, b) -> Long.compare((Long) b.get("order"), (Long) a.get("order")));
    int hiddenSources = Math.max(0, rows.size() - MATRIX_SOURCES);
    List<Map<String, Object>> shownRows = rows.subList(0, Math.min(MATRIX_SOURCES, rows.size()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("heads", heads);
    m.put("rows", shownRows);
    m.put("story_columns", columns.size());
    m.put("more_stories", stories.size() > columns.size());
    m.put("hidden_sources", hiddenSources);
    m.put("has_hidden_sources", hiddenSources > 0);
    return m;
  }

  private static Map<String, Object> story(Map<String, Object> s) {
    Map<String, Object> v = new LinkedHashMap<>(s);
    v.put("title_shown", title(s));
    long articleCount = number(s.get("article_count"), 0);
    long sources = number(s.get("source_count"), 0);
    long shared = number(s.get("shared_fact_count"), 0);
    long conflicts = number(s.get("conflict_count"), 0);
    long uniqueCount = number(s.get("unique_fact_count"), 0);
    v.put("size_label", plural(articleCount, "article", "articles") + " \u00b7 "
        + plural(sources, "source", "sources"));
    v.put("index_meta", plural(sources, "source", "sources") + " \u00b7 " + plural(articleCount, "article", "articles")
        + " \u00b7 " + shared + " shared");
    v.put("conflicts_label", plural(conflicts, "conflict", "conflicts"));
    v.put("counts", List.of(
        Map.of("n", shared, "label", shared == 1 ? "shared fact" : "shared facts"),
        Map.of("n", conflicts, "label", conflicts == 1 ? "conflict" : "conflicts"),
        Map.of("n", uniqueCount, "label", uniqueCount == 1 ? "fact from one source only" : "facts from one source only")));
    v.put("span", span((String) s.get("first_published"), (String) s.get("last_published")));
    List<String> search = new ArrayList<>();
    search.add(title(s));
    search.addAll(strings(s.get("keywords")));
    search.addAll(strings(s.get("sources")));
    search.add((String) s.get("story_id"));
    v.put("search", String.join(" ", search).toLowerCase(Locale.ROOT));
    List<Map<String, Object>> articles = new ArrayList<>();
    for (Map<String, Object> a : maps(s.get("articles"))) {
      Map<String, Object> av = new LinkedHashMap<>(a);
      av.put("title_shown", a.get("title") == null ? "(untitled)" : a.get("title"));
      av.put("published_shown", a.get("published") == null ? "date unknown" : MINUTE.format(Instant.parse((String) a.get("published"))));
      av.put("url_text", a.get("link") == null && a.get("url") != null ? a.get("url") : "");
      av.put("copy_of_shown", a.get("copy_of") == null ? "" : a.get("copy_of"));
      articles.add(av);
    }
    v.put("articles", articles);
    v.put("has_copies", !maps(s.get("copy_groups")).isEmpty());
    v.put("shared_facts", facts(maps(s.get("shared_facts"))));
    v.put("conflicts", facts(maps(s.get("conflicts"))));
    v.put("has_conflicts", !maps(s.get("conflicts")).isEmpty());
    List<Map<String, Object>> unique = new ArrayList<>();
    for (Map<String, Object> u : maps(s.get("unique_facts"))) {
      Map<String, Object> uv = new LinkedHashMap<>(u);
      List<Map<String, Object>> facts = facts(maps(u.get("facts")));
      uv.put("facts", facts);
      uv.put("fact_count", facts.size());
      unique.add(uv);
    }
    v.put("unique_facts", unique);
    long omitted = number(s.get("omitted_fact_count"), 0);
    v.put("omitted_facts", omitted > 0 ? omitted : null);
    return v;
  }

  private static List<Map<String, Object>> facts(List<Map<String, Object>> facts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> f : facts) {
      Map<String, Object> fv = new LinkedHashMap<>(f);
      List<Map<String, Object>> statements = new ArrayList<>();
      for (Map<String, Object> st : maps(f.get("statements"))) {
        Map<String, Object> sv = new LinkedHashMap<>(st);
        sv.put("quote", "quote".equals(st.get("kind")));
        sv.put("speaker_shown", st.get("speaker") == null ? "" : st.get("speaker"));
        statements.add(sv);
      }
      fv.put("statements", statements);
      long more = number(f.get("omitted_statement_count"), 0);
      fv.put("more_statements", more > 0 ? plural(more, "more statement", "more statements") : null);
      fv.put("detail_shown", f.get("detail") == null ? "" : f.get("detail"));
      out.add(fv);
    }
    return out;
  }

  private static String title(Map<String, Object> story) {
    Object t = story.get("title");
    return t == null || t.toString().isBlank() ? "(untitled story " + story.get("story_id") + ")" : t.toString();
  }

  /** The story's time span for people: one day, a range of days, or "date unknown". */
  static String span(String first, String last) {
    if (first == null) {
      return "date unknown";
    }
    String a = DAY.format(Instant.parse(first));
    String b = last == null ? a : DAY.format(Instant.parse(last));
    return a.equals(b) ? a : a + " \u2013 " + b;
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static long number(Object value, long fallback) {
    return value instanceof Number n ? n.longValue() : fallback;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + name + " missing from the jar");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) > 0; ) {
          out.append(buf, 0, n);
        }
        return out.toString();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report resource " + name, e);
    }
  }
}
