package org.corroborate.report;

import static org.corroborate.report.ReportRows.article;
import static org.corroborate.report.ReportRows.fact;
import static org.corroborate.report.ReportRows.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The report's model, JSON and HTML built from in-memory rows, without Spark. */
class ReportTest {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(2)>";
  private static final String STORY_ID = "s-1";

  private static Map<String, Object> overview() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("articles_read", 5L);
    o.put("articles_accepted", 4L);
    o.put("articles_rejected", 1L);
    o.put("copies_folded", 1L);
    o.put("stories", 1L);
    return o;
  }

  /** One story: three sources, one of them reprinted by a fourth article; hostile strings everywhere. */
  private static Report hostileReport() {
    List<Row> stories = List.of(story(STORY_ID, "Flood " + SCRIPT, List.of("flood", IMG), 3, 4,
        "2024-03-01T08:00:00Z", "2024-03-02T09:30:00Z"));
    List<Row> articles = List.of(
        article(STORY_ID, "a1", "Wire & \"Co\"", "Dam breaks " + SCRIPT, "2024-03-01T08:00:00Z",
            "https://wire.example/a1?x=1&y='2'", "g1", "a1"),
        article(STORY_ID, "a2", IMG, "Dam breaks (copy)", "2024-03-01T09:00:00Z", "javascript:alert(3)", "g1", "a1"),
        article(STORY_ID, "a3", "Daily", "River rises", "2024-03-02T09:30:00Z", " JaVaScRiPt:alert(4)", null, null),
        article(STORY_ID, "a4", null, "No source", null, "data:text/html,<script>alert(5)</script>", null, null));
    List<Row> facts = List.of(
        fact(STORY_ID, STORY_ID + "-f1", "shared", "a1", "Wire & \"Co\"", 0, "The dam broke at 6am " + SCRIPT,
            "sentence", null, 2, null),
        fact(STORY_ID, STORY_ID + "-f1", "shared", "a3", "Daily", 10, "The dam broke at six in the morning.",
            "sentence", null, 2, null),
        fact(STORY_ID, STORY_ID + "-f2", "conflict", "a1", "Wire & \"Co\"", 40, "3 people died.", "sentence", null, 2,
            "number: 3 vs 5 " + IMG),
        fact(STORY_ID, STORY_ID + "-f2", "conflict", "a3", "Daily", 60, "5 people died.", "sentence", null, 2,
            "number: 3 vs 5 " + IMG),
        fact(STORY_ID, STORY_ID + "-f3", "unique", "a3", "Daily", 90, "We are safe " + IMG, "quote",
            "Mayor " + SCRIPT, 1, null));
    return Report.build(stories, articles, facts, overview(), null);
  }

  @Test
  void escapesHostileStringsInTheHtml() {
    String html = hostileReport().toHtml();
    assertEquals(1, count(html, "<script"), "only the page's own script element");
    assertFalse(html.contains("<img"), "no img element from the input");
    assertFalse(Pattern.compile("<[^>]*\\son\\w+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "no event-handler attribute");
    assertFalse(html.toLowerCase().contains("href=\"javascript"), "no javascript: link");
    assertFalse(html.toLowerCase().contains("href=\" javascript"), "no javascript: link");
    assertFalse(html.contains("href=\"data:text"), "no data: link");
    assertTrue(html.contains("Flood &lt;script&gt;alert(1)&lt;/script&gt;"), "story title shown as text");
    assertTrue(html.contains("&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;"), "source name shown as text");
    assertTrue(html.contains("Wire &amp; &quot;Co&quot;"), "quotes and ampersands escaped");
    assertTrue(html.contains("Mayor &lt;script&gt;"), "speaker escaped");
    assertTrue(html.contains("number: 3 vs 5 &lt;img"), "conflict detail escaped");
  }

  @Test
  void linksOnlyHttpUrlsAndShowsTheRestAsText() {
    Report report = hostileReport();
    List<Map<String, Object>> articles = maps(firstStory(report).get("articles"));
    assertEquals("https://wire.example/a1?x=1&y='2'", articles.get(0).get("link"));
    assertNull(articles.get(1).get("link"));
    assertNull(articles.get(2).get("link"));
    assertNull(articles.get(3).get("link"));
    String html = report.toHtml();
    assertTrue(html.contains("href=\"https://wire.example/a1?x&#x3D;1&amp;y&#x3D;&#39;2&#39;\""), html);
    List<String> hrefs = new ArrayList<>();
    Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      hrefs.add(m.group(1));
    }
    for (String href : hrefs) {
      assertTrue(href.startsWith("#") || href.startsWith("https://") || href.startsWith("http://")
          || href.equals("data:,"), "unexpected link " + href);
    }
    assertTrue(html.contains("URL (not a web link): javascript:alert(3)"));
    assertTrue(html.contains("URL (not a web link): data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;"));
  }

  @Test
  void sortsSharedFactsByIndependentSources() {
    List<Row> stories = List.of(story(STORY_ID, "t", List.of(), 4, 4, null, null));
    List<Row> articles = new ArrayList<>();
    for (String a : List.of("a", "b", "c", "d")) {
      articles.add(article(STORY_ID, a, "src-" + a, a, null, null, null, null));
    }
    List<Row> facts = new ArrayList<>();
    // f2: two sources; f10: three sources; f3: three sources with more statements; f1: four sources.
    facts.addAll(factOf("f2", 2, "a", "b"));
    facts.addAll(factOf("f10", 3, "a", "b", "c"));
    facts.addAll(factOf("f3", 3, "a", "b", "c", "c"));
    facts.addAll(factOf("f1", 4, "a", "b", "c", "d"));
    facts.addAll(factOf("f4", 3, "a", "b", "d"));
    Report report = Report.build(stories, articles, facts, overview(), null);
    List<String> order = maps(firstStory(report).get("shared_facts")).stream()
        .map(f -> ((String) f.get("fact_id")).substring(STORY_ID.length() + 1)).toList();
    assertEquals(List.of("f1", "f3", "f4", "f10", "f2"), order);
    Map<String, Object> first = maps(firstStory(report).get("shared_facts")).get(0);
    assertEquals(List.of("src-a", "src-b", "src-c", "src-d"), first.get("sources"));
    assertEquals(4, first.get("source_count"));
    String html = report.toHtml();
    assertTrue(html.indexOf("4 sources</span>") < html.indexOf("2 sources</span>"));
  }

  private static List<Row> factOf(String id, int sources, String... articleIds) {
    List<Row> rows = new ArrayList<>();
    int start = 0;
    for (String a : articleIds) {
      rows.add(fact(STORY_ID, STORY_ID + "-" + id, "shared", a, "src-" + a, start += 10, "text " + id, "sentence",
          null, sources, null));
    }
    return rows;
  }

  @Test
  void showsAFewStatementsOfAWidelyToldFactOneSourceFirst() {
    // Twelve sources tell f1; source a three times. A conflict of twelve statements keeps them all.
    List<String> sources = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    List<Row> stories = List.of(story(STORY_ID, "t", List.of(), 12, 14, null, null));
    List<Row> articles = new ArrayList<>();
    for (String a : sources) {
      articles.add(article(STORY_ID, a, "src-" + a, a, null, null, null, null));
    }
    articles.add(article(STORY_ID, "a2", "src-a", "a2", null, null, null, null));
    articles.add(article(STORY_ID, "a3", "src-a", "a3", null, null, null, null));
    List<Row> facts = new ArrayList<>();
    List<String> tellers = new ArrayList<>(List.of("a", "a2", "a3"));
    tellers.addAll(sources.subList(1, sources.size()));
    for (String a : tellers) {
      facts.add(fact(STORY_ID, STORY_ID + "-f1", "shared", a, "src-" + a.substring(0, 1), 10, "told by " + a,
          "sentence", null, 12, null));
    }
    for (String a : sources) {
      facts.add(fact(STORY_ID, STORY_ID + "-f2", "conflict", a, "src-" + a, 50, "number in " + a, "sentence",
          null, 12, "number: 3 vs 5"));
    }
    Report report = Report.build(stories, articles, facts, overview(), null);
    Map<String, Object> shared = maps(firstStory(report).get("shared_facts")).get(0);
    assertEquals(List.of("told by a", "told by b", "told by c", "told by d", "told by e", "told by f",
        "told by g", "told by h"), maps(shared.get("statements")).stream().map(s -> s.get("text")).toList());
    assertEquals(14, shared.get("statement_count"));
    assertEquals(6, shared.get("omitted_statement_count"));
    assertEquals(12, ((List<?>) shared.get("sources")).size());
    Map<String, Object> conflict = maps(firstStory(report).get("conflicts")).get(0);
    assertEquals(12, maps(conflict.get("statements")).size());
    assertEquals(0, conflict.get("omitted_statement_count"));
    String html = report.toHtml();
    assertTrue(html.contains("6 more statements in the facts/ table."));
    assertEquals(1, html.split("more statements in the facts/ table", -1).length - 1);
  }

  @Test
  void spreadsTheShownStatementsOverSources() {
    List<Row> rows = new ArrayList<>();
    for (String a : List.of("a1", "a2", "a3", "a4", "b1", "c1", "c2")) {
      rows.add(fact(STORY_ID, STORY_ID + "-f1", "shared", a, "src-" + a.charAt(0), 0, a, "sentence", null, 3, null));
    }
    assertEquals(List.of("a1", "a2", "b1", "c1", "c2"),
        Report.spread(rows, 5).stream().map(r -> (String) r.getAs("article_id")).toList());
    assertEquals(List.of("a1", "b1", "c1"),
        Report.spread(rows, 3).stream().map(r -> (String) r.getAs("article_id")).toList());
    assertEquals(rows, Report.spread(rows, 7));
  }

  @Test
  void groupsUniqueFactsBySourceInArticleOrder() {
    List<Row> stories = List.of(story(STORY_ID, "t", List.of(), 2, 2, null, null));
    List<Row> articles = List.of(article(STORY_ID, "a", "Beta", "a", null, null, null, null),
        article(STORY_ID, "b", "Alpha", "b", null, null, null, null));
    List<Row> facts = List.of(
        fact(STORY_ID, STORY_ID + "-f1", "unique", "a", "Beta", 200, "late in a", "sentence", null, 1, null),
        fact(STORY_ID, STORY_ID + "-f2", "unique", "a", "Beta", 5, "early in a", "sentence", null, 1, null),
        fact(STORY_ID, STORY_ID + "-f3", "unique", "b", "Alpha", 0, "only in b", "quote", "Mayor", 1, null));
    Report report = Report.build(stories, articles, facts, overview(), null);
    List<Map<String, Object>> unique = maps(firstStory(report).get("unique_facts"));
    assertEquals(List.of("Alpha", "Beta"), unique.stream().map(u -> u.get("source")).toList());
    List<Object> betaTexts = maps(unique.get(1).get("facts")).stream()
        .map(f -> maps(f.get("statements")).get(0).get("text")).toList();
    assertEquals(List.of("early in a", "late in a"), betaTexts);
    assertEquals(3, firstStory(report).get("unique_fact_count"));
    assertEquals(0, firstStory(report).get("shared_fact_count"));
    String html = report.toHtml();
    assertTrue(html.contains("Only in <b>Alpha</b> (1)"));
    assertTrue(html.contains("Only in <b>Beta</b> (2)"));
    assertTrue(html.contains("quoting Mayor:"));
  }

  @Test
  void showsConflictsSideBySideWithTheirDetail() {
    Report report = hostileReport();
    List<Map<String, Object>> conflicts = maps(firstStory(report).get("conflicts"));
    assertEquals(1, conflicts.size());
    assertEquals(List.of("5 people died.", "3 people died."),
        maps(conflicts.get(0).get("statements")).stream().map(s -> s.get("text")).toList());
    String html = report.toHtml();
    int side = html.indexOf("<div class=\"side\">");
    assertTrue(side > 0 && html.indexOf("3 people died.", side) > 0 && html.indexOf("5 people died.", side) > 0);
  }

  @Test
  void namesWhichOutletReprintedWhoseText() {
    Report report = hostileReport();
    List<Map<String, Object>> groups = maps(firstStory(report).get("copy_groups"));
    assertEquals(1, groups.size());
    assertEquals("a1", ((Map<?, ?>) groups.get(0).get("canonical")).get("id"));
    assertEquals(List.of("a2"), maps(groups.get(0).get("copies")).stream().map(c -> c.get("id")).toList());
    assertEquals("a1", maps(firstStory(report).get("articles")).get(1).get("copy_of"));
    assertNull(maps(firstStory(report).get("articles")).get(0).get("copy_of"));
  }

  @Test
  void countsSourcesAndDistributesStorySizes() {
    List<Row> stories = List.of(story("s-a", "a", List.of(), 1, 1, null, null),
        story("s-b", "b", List.of(), 2, 3, null, null), story("s-c", "c", List.of(), 2, 7, null, null));
    List<Row> articles = List.of(article("s-a", "x", "One", "x", null, null, null, null),
        article("s-b", "y", "One", "y", null, null, null, null), article("s-b", "z", null, "z", null, null, null, null));
    Report report = Report.build(stories, articles, List.of(), overview(), null);
    Map<String, Object> model = report.model();
    Map<?, ?> distributions = (Map<?, ?>) model.get("distributions");
    List<Map<String, Object>> sizes = maps(distributions.get("story_sizes"));
    assertEquals(List.of("1", "2", "3", "4", "5", "6\u201310"), sizes.stream().map(b -> b.get("label")).toList());
    assertEquals(List.of(1L, 0L, 1L, 0L, 0L, 1L), sizes.stream().map(b -> b.get("stories")).toList());
    List<Map<String, Object>> bySources = maps(distributions.get("sources_per_story"));
    assertEquals(List.of(1L, 2L), bySources.stream().map(b -> b.get("stories")).toList());
    List<Map<String, Object>> sources = maps(model.get("sources"));
    assertEquals(List.of("One", "(unknown source: z)"), sources.stream().map(s -> s.get("source")).toList());
    assertEquals(List.of("s-a", "s-b"), sources.get(0).get("story_ids"));
    Map<?, ?> counts = (Map<?, ?>) model.get("overview");
    assertEquals(2L, counts.get("sources"));
    assertEquals(3, counts.get("stories_in_report"));
  }

  @Test
  void saysHowManyFactsOfAStoryAreLeftOutOfTheReport() {
    List<Row> stories = List.of(story("s-a", "a", List.of(), 1, 1, null, null),
        story("s-b", "b", List.of(), 1, 1, null, null));
    List<Row> articles = List.of(article("s-a", "x", "One", "x", null, null, null, null),
        article("s-b", "y", "One", "y", null, null, null, null));
    Report report = Report.build(stories, articles, List.of(), overview(), null, Map.of("s-b", 250L));
    List<Map<String, Object>> shown = maps(report.model().get("stories"));
    assertEquals(0, shown.get(0).get("omitted_fact_count"));
    assertEquals(250, shown.get(1).get("omitted_fact_count"));
    String html = report.toHtml();
    assertEquals(1, count(html, "more facts of this story"), "only the story with omitted facts says so");
    assertTrue(html.contains("250 more facts of this story"));
  }

  @Test
  void writesTheSameContentAsJson() throws IOException {
    Report report = hostileReport();
    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertEquals(Report.SCHEMA_VERSION, json.get("schema_version").asInt());
    JsonNode story = json.get("stories").get(0);
    assertEquals("Flood " + SCRIPT, story.get("title").asText());
    assertEquals("2024-03-01T08:00:00Z", story.get("first_published").asText());
    assertEquals(2, story.get("shared_facts").get(0).get("source_count").asInt());
    assertEquals("Daily", story.get("unique_facts").get(0).get("source").asText());
    assertEquals("Mayor " + SCRIPT, story.get("unique_facts").get(0).get("facts").get(0).get("statements").get(0)
        .get("speaker").asText());
    assertTrue(story.get("articles").get(1).get("link").isNull());
  }

  @Test
  void streamsTheSameBytesItWouldReturn() throws IOException {
    Report report = hostileReport();
    // The caller owns the stream: writing must neither close it nor leave anything unwritten.
    StrictWriter json = new StrictWriter();
    report.writeJson(json);
    json.write("");
    assertEquals(report.toJson(), json.toString());
    StrictWriter html = new StrictWriter();
    report.writeHtml(html);
    html.write("");
    assertEquals(report.toHtml(), html.toString());
  }

  /** A writer that fails once closed. */
  private static final class StrictWriter extends java.io.StringWriter {
    private boolean closed;

    @Override
    public void write(String str) {
      if (closed) {
        throw new IllegalStateException("written after close");
      }
      super.write(str);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void schemaDocumentNamesEveryField() throws IOException {
    String doc = Files.readString(Path.of("docs", "report-schema.md"));
    JsonNode json = new ObjectMapper().readTree(hostileReport().toJson());
    TreeSet<String> missing = new TreeSet<>();
    collectFields(json, doc, missing);
    assertTrue(missing.isEmpty(), "docs/report-schema.md does not describe " + missing);
  }

  private static void collectFields(JsonNode node, String doc, TreeSet<String> missing) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!doc.contains("`" + e.getKey() + "`")) {
          missing.add(e.getKey());
        }
        collectFields(e.getValue(), doc, missing);
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectFields(n, doc, missing));
    }
  }

  @Test
  void allowsOnlyThePagesOwnScriptByItsHash() {
    String html = hostileReport().toHtml();
    Matcher csp = Pattern.compile("script-src 'sha256-([A-Za-z0-9+/=]+)'").matcher(html);
    assertTrue(csp.find(), "a hash-based script-src");
    int open = html.indexOf("<script>") + "<script>".length();
    String script = html.substring(open, html.indexOf("</script>", open));
    assertEquals(ReportHtml.sha256(script), csp.group(1));
    Matcher directive = Pattern.compile("script-src ([^;\"]*)").matcher(html);
    assertTrue(directive.find());
    assertFalse(directive.group(1).contains("unsafe"), directive.group(1));
    assertTrue(html.contains("default-src 'none'"));
  }

  @Test
  void escapesSourceNamesInTheCharts() {
    String svg = Charts.rows("Stories per source", List.of(new Charts.Bar(IMG, 3, IMG + ": 3 stories")));
    assertFalse(svg.contains("<img"));
    assertTrue(svg.contains("&lt;img src=x onerror=alert(2)&gt;: 3 stories"));
    assertEquals("abc\u2026", Charts.shorten("abcdef", 4));
    assertEquals("a &amp; &quot;b&quot; &#39;c&#39; &lt;d&gt;", Charts.escape("a & \"b\" 'c' <d>"));
  }

  @Test
  void ordersFactIdsNumerically() {
    assertTrue(Report.compareFactIds("s-1-f2", "s-1-f10") < 0);
    assertTrue(Report.compareFactIds("s-1-f10", "s-1-f9") > 0);
    assertTrue(Report.compareFactIds("s-1-f3", "s-1-f3") == 0);
    assertTrue(Report.compareFactIds("a", "b") < 0);
  }

  @Test
  void showsTheStorysTimeSpanForPeople() {
    assertEquals("1 Mar 2024 \u2013 2 Mar 2024", ReportHtml.span("2024-03-01T08:00:00Z", "2024-03-02T09:30:00Z"));
    assertEquals("1 Mar 2024", ReportHtml.span("2024-03-01T08:00:00Z", "2024-03-01T23:00:00Z"));
    assertEquals("date unknown", ReportHtml.span(null, null));
  }

  private static Map<String, Object> firstStory(Report report) {
    return maps(report.model().get("stories")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
