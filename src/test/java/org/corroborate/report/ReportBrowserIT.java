package org.corroborate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.corroborate.Corroborate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: runs the job in-process on the project's seeds and on a hostile input, then opens
 * both report.html files in headless Chromium and checks what a person sees: the story, its facts,
 * hostile text shown as text, no script run but the page's own, no console errors.
 *
 * <p>Needs Debian's chromium ({@code .ci/run} installs it). Without it the test is skipped, or
 * fails when the environment variable {@code CI} is set. Screenshots go to
 * {@code target/report-screenshots/}.
 */
class ReportBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
  private static final String SCRIPT = "<script>alert(1)</script>";

  @TempDir
  static Path work;

  private static Chromium browser;
  private static Path seedsReport;
  private static Path hostileReport;
  private static final Map<String, String> savedProperties = new LinkedHashMap<>();

  @BeforeAll
  static void runTheJobAndStartChromium() throws Exception {
    Path chromium = Chromium.find().orElse(null);
    if (chromium == null) {
      String message = "chromium not found (looked at $CHROMIUM, /usr/bin/chromium and the PATH); the report's"
          + " browser test needs it: run .ci/run, or apt-get install chromium";
      if (System.getenv("CI") != null) {
        fail(message);
      }
      Assumptions.abort(message + ". Skipped because CI is not set.");
    }
    setProperty("spark.master", "local[2]");
    setProperty("spark.ui.enabled", "false");
    setProperty("spark.ui.showConsoleProgress", "false");
    setProperty("spark.sql.shuffle.partitions", "2");
    // The job's plans are deep; their full text (built for every adaptive plan update) can fill the heap.
    setProperty("spark.sql.maxPlanStringLength", "100000");

    seedsReport = run(Path.of("seeds").toAbsolutePath(), work.resolve("seeds-out"));
    Path hostile = work.resolve("hostile.jsonl");
    Files.write(hostile, hostileArticles());
    hostileReport = run(hostile, work.resolve("hostile-out"));
    browser = Chromium.start(chromium, work);
  }

  private static void setProperty(String key, String value) {
    savedProperties.put(key, System.getProperty(key));
    System.setProperty(key, value);
  }

  private static Path run(Path input, Path output) {
    int status = Corroborate.execute("--input", input.toString(), "--output", output.toString(),
        "--tables-format", "json", "--partitions", "2");
    assertEquals(0, status, "the job failed on " + input);
    assertTrue(Files.exists(output.resolve("report.html")), "no report.html in " + output);
    return output;
  }

  @AfterAll
  static void stopChromiumAndSpark() throws IOException {
    if (browser != null) {
      browser.close();
    }
    SparkSession.getDefaultSession().foreach(s -> {
      s.stop();
      return null;
    });
    savedProperties.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
  }

  /**
   * Three outlets on one bridge closure (one sentence shared, one number in conflict), a wire copy,
   * a record without text, and unrelated articles that give the shared words their weight. Markup,
   * event handlers, javascript: URLs, quotes and ampersands in every field a person sees.
   */
  private static List<String> hostileArticles() throws IOException {
    String bridge = "The Riverton harbour bridge was closed on Monday after engineers found cracks in two support"
        + " pillars. City engineer Maria Lopez said \"the bridge is not safe for traffic & must stay shut\". About"
        + " 40,000 vehicles cross the Riverton bridge every day, according to the transport office. Commuters were"
        + " told to use the northern ferry " + SCRIPT + " service instead. The mayor promised a full inspection"
        + " report within three weeks.";
    List<Map<String, String>> rows = new ArrayList<>();
    rows.add(article("h1", "<script>alert(1)</script> Times", "Harbour bridge closed " + SCRIPT, bridge,
        "javascript:alert(document.domain)"));
    rows.add(article("h2", "Gazette <img src=x onerror=alert(2)>",
        "Cracks shut Riverton bridge <img src=x onerror=\"document.title='pwned'\">",
        "Engineers closed the Riverton harbour bridge on Monday after finding cracks in two support pillars."
            + " \"The bridge is not safe for traffic & must stay shut,\" said city engineer Maria Lopez. About"
            + " 50,000 vehicles cross the Riverton bridge every day, according to the transport office."
            + " <img src=x onerror=\"document.body.dataset.pwned='1'\"> Shops near the bridge fear losing customers.",
        "https://gazette.example/bridge?id=1&ref=home"));
    rows.add(article("h3", "\"Quoted\" & Sons", "Bridge closure: 'months' & \"more\"",
        "Riverton's harbour bridge was closed on Monday when engineers discovered cracks in two of its support"
            + " pillars. The closure could last for months, said a spokesman for the regional government."
            + " <a href=\"javascript:alert(3)\" onclick=\"alert(4)\">Read more</a> about the bridge.",
        " JavaScript:alert('x')"));
    rows.add(article("h4", "Wire <b onmouseover=alert(5)>copy</b>", "Harbour bridge closed (wire copy)", bridge,
        "https://wire.example/bridge"));
    rows.add(article("bad", "Empty <script>alert(6)</script>", "no text", "", null));
    rows.add(article("f1", "Farm Weekly", "Wheat prices climb", "Wheat prices rose sharply on Tuesday as drought"
        + " hit the southern plains. Farmers expect smaller harvests this autumn. Grain traders said exports would"
        + " fall.", "https://farm.example/f1"));
    rows.add(article("f2", "Tech Daily", "New phone launched", "A new smartphone with a folding screen went on sale"
        + " in Seoul. The company expects strong demand from younger buyers. Analysts questioned the battery life.",
        "https://tech.example/f2"));
    rows.add(article("f3", "Sport Now", "Cup final tonight", "The cup final kicks off tonight in the national"
        + " stadium. Both coaches named unchanged teams. Tickets sold out within an hour.", "https://sport.example/f3"));
    rows.add(article("f4", "Health Post", "Flu season starts early", "Doctors warn that the flu season has started"
        + " early this year. Clinics report rising numbers of patients. Vaccines are available at pharmacies.",
        "https://health.example/f4"));
    List<String> lines = new ArrayList<>();
    for (Map<String, String> r : rows) {
      lines.add(JSON.writeValueAsString(r));
    }
    return lines;
  }

  private static Map<String, String> article(String id, String source, String title, String text, String url) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("source", source);
    m.put("title", title);
    m.put("text", text);
    if (url != null) {
      m.put("url", url);
    }
    return m;
  }

  private static Chromium.Page open(Path output, String screenshot) throws IOException {
    Chromium.Page page = browser.open(output.resolve("report.html").toUri().toString(), 1280, 2000);
    page.screenshot(SCREENSHOTS.resolve(screenshot + ".png"));
    page.eval("document.querySelector('section.story').scrollIntoView()");
    page.screenshot(SCREENSHOTS.resolve(screenshot + "-story.png"));
    return page;
  }

  /** The text a person sees in the elements matching {@code selector}, one string per element. */
  private static List<String> texts(Chromium.Page page, String selector) {
    List<String> out = new ArrayList<>();
    page.eval("Array.from(document.querySelectorAll(" + JSON.valueToTree(selector) + ")).map(e => e.innerText)")
        .forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode report(Path output) throws IOException {
    return JSON.readTree(output.resolve("report.json").toFile());
  }

  @Test
  void seedsFormOneStoryOfThreeArticlesFromThreeSources() throws IOException {
    JsonNode stories = report(seedsReport).get("stories");
    List<String> shapes = new ArrayList<>();
    stories.forEach(s -> shapes.add(s.get("article_count") + " articles/" + s.get("source_count") + " sources"));
    assertEquals(List.of("3 articles/3 sources"), shapes, "the seeds are one story of three outlets");
    Chromium.Page page = browser.open(seedsReport.resolve("report.html").toUri().toString(), 1280, 2000);
    List<String> meta = texts(page, "section.story > .meta");
    assertEquals(1, meta.size());
    assertTrue(meta.get(0).startsWith("3 articles \u00b7 3 sources"), meta.get(0));
  }

  @Test
  void seedsReportShowsTheNetanyahuQuoteAsSharedAndTheUnStatementAsUnique() throws IOException {
    Chromium.Page page = open(seedsReport, "seeds");
    List<String> shared = texts(page, "section.story .fact.shared");
    assertTrue(shared.stream().anyMatch(t -> t.contains("achieving a long") && t.contains("through diplomatic means")
        && t.matches("(?s)^[2-9] sources.*")), "Netanyahu's quote is a shared fact of two or more sources: " + shared);
    // Unique facts sit in closed <details>; textContent reads them without opening.
    List<String> uniqueText = new ArrayList<>();
    page.eval("Array.from(document.querySelectorAll('section.story details .fact.unique')).map(e => e.textContent)")
        .forEach(n -> uniqueText.add(n.asText()));
    assertTrue(uniqueText.stream().anyMatch(t -> t.contains("United States blocked a U.N. Security Council statement")),
        "the US blocking the UN statement is reported by one source only");
    assertFalse(shared.stream().anyMatch(t -> t.contains("blocked a U.N. Security Council statement")));
    List<String> summaries = texts(page, "section.story details summary");
    assertTrue(summaries.stream().allMatch(s -> s.matches("Only in .+ \\(\\d+\\)")), summaries.toString());
    assertEquals(List.of(), page.problems(), "console errors or warnings");
    assertEquals(List.of(), page.dialogs());
  }

  @Test
  void seedsReportFiltersStoriesWithItsOwnScript() {
    Chromium.Page page = browser.open(seedsReport.resolve("report.html").toUri().toString(), 1280, 2000);
    assertEquals("ready", page.eval("document.documentElement.dataset.script").asText(),
        "the page's own script ran under its Content-Security-Policy");
    int total = page.eval("document.querySelectorAll('section.story').length").asInt();
    assertTrue(total >= 1);
    String visible = "document.querySelectorAll('section.story:not([hidden])').length";
    page.eval("(() => { const f = document.getElementById('filter'); f.value = 'no-such-story-anywhere';"
        + " f.dispatchEvent(new Event('input')); })()");
    assertEquals(0, page.eval(visible).asInt());
    assertEquals("0 of " + total + (total == 1 ? " story matches" : " stories match"),
        page.eval("document.getElementById('filter-status').textContent").asText());
    page.eval("(() => { const f = document.getElementById('filter'); f.value = 'netanyahu';"
        + " f.dispatchEvent(new Event('input')); })()");
    assertTrue(page.eval(visible).asInt() >= 1, "the story about Netanyahu is found by its keyword");
    assertEquals(List.of(), page.problems());
  }

  @Test
  void hostileInputShowsAsTextAndRunsNoScript() throws IOException {
    Chromium.Page page = open(hostileReport, "hostile");
    assertEquals(List.of(), page.dialogs(), "no alert() ran");
    assertEquals(List.of(), page.problems(), "no console errors (a blocked inline script would report one)");
    assertEquals(1, page.eval("document.scripts.length").asInt(), "only the page's own script element");
    assertEquals(0, page.eval("document.images.length").asInt(), "no img element from the input");
    assertEquals(0, page.eval("Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
        + ".some(a => a.name.toLowerCase().startsWith('on'))).length").asInt(), "no event-handler attribute");
    List<String> hrefs = new ArrayList<>();
    page.eval("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
        .forEach(n -> hrefs.add(n.asText()));
    assertFalse(hrefs.isEmpty());
    for (String href : hrefs) {
      assertTrue(href.startsWith("#") || href.startsWith("https://") || href.startsWith("http://"), href);
    }
    assertFalse(page.eval("document.title").asText().contains("pwned"));
    assertFalse(page.eval("document.body.dataset.pwned === '1'").asBoolean());
    String text = page.eval("document.body.innerText").asText();
    for (String shown : List.of("Harbour bridge closed " + SCRIPT, "<script>alert(1)</script> Times",
        "Gazette <img src=x onerror=alert(2)>", "\"Quoted\" & Sons", "Wire <b onmouseover=alert(5)>copy</b>",
        "javascript:alert(document.domain)")) {
      assertTrue(text.contains(shown), "shown as text: " + shown);
    }
    // Facts of one source sit in closed <details>: read their text without opening them.
    assertTrue(page.eval("document.body.textContent").asText().contains("the northern ferry " + SCRIPT + " service"));
    assertEquals("ready", page.eval("document.documentElement.dataset.script").asText());
    JsonNode story = report(hostileReport).get("stories").get(0);
    assertTrue(story.get("sources").toString().contains("Gazette <img src=x onerror=alert(2)>"),
        "report.json keeps the input's text unescaped");
  }

  @Test
  void hostileStoryShowsSharedFactsConflictsAndCopies() throws IOException {
    Chromium.Page page = browser.open(hostileReport.resolve("report.html").toUri().toString(), 1280, 2000);
    List<String> shared = texts(page, "section.story .fact.shared");
    assertTrue(shared.stream().anyMatch(t -> t.contains("cracks in two") && t.startsWith("3 sources")),
        "the closure is reported by three independent sources (the wire copy counts once): " + shared);
    List<String> conflicts = texts(page, "section.story .fact.conflict");
    assertTrue(conflicts.stream().anyMatch(t -> t.contains("40,000") && t.contains("50,000")), conflicts.toString());
    List<String> copies = texts(page, "section.story ul.copies li");
    assertTrue(copies.stream().anyMatch(t -> t.startsWith("Wire <b onmouseover=alert(5)>copy</b> (h4) reprinted the"
        + " text of <script>alert(1)</script> Times")), copies.toString());
    JsonNode overview = report(hostileReport).get("overview");
    assertEquals(9, overview.get("articles_read").asInt());
    assertEquals(1, overview.get("articles_rejected").asInt());
    assertEquals(1, overview.get("copies_folded").asInt());
    assertEquals(List.of(), page.problems());
  }
}
