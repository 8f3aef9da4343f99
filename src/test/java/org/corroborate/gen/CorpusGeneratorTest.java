package org.corroborate.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CorpusGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of("id", "source", "title", "text", "published", "url", "gold_story", "gold_copy");

  private static List<JsonNode> corpus;
  private static Map<String, JsonNode> byId;

  @BeforeAll
  static void generateCorpus() throws IOException {
    corpus = parse(generate(CorpusSettings.defaults().withArticles(3000)));
    byId = new HashMap<>();
    for (JsonNode article : corpus) {
      byId.put(article.get("id").asText(), article);
    }
  }

  private static String generate(CorpusSettings settings) throws IOException {
    StringWriter out = new StringWriter();
    CorpusGenerator.generate(settings, out);
    return out.toString();
  }

  private static List<JsonNode> parse(String lines) throws IOException {
    List<JsonNode> articles = new ArrayList<>();
    for (String line : lines.split("\n")) {
      articles.add(JSON.readTree(line));
    }
    return articles;
  }

  /** Word 5-shingles of a text, lower-cased, punctuation dropped. */
  private static Set<String> shingles(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").trim().split("\\s+");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= words.length; i++) {
      out.add(String.join(" ", List.of(words).subList(i, i + 5)));
    }
    return out;
  }

  private static double jaccard(JsonNode a, JsonNode b) {
    Set<String> x = shingles(a.get("text").asText());
    Set<String> y = shingles(b.get("text").asText());
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return union.isEmpty() ? 0 : (double) x.size() / union.size();
  }

  private static boolean isCopy(JsonNode article) {
    return !article.get("gold_copy").asText().equals(article.get("id").asText());
  }

  @Test
  void sameSeedAndOptionsGiveIdenticalBytes() throws IOException {
    CorpusSettings settings = CorpusSettings.defaults().withArticles(400).withSeed(7);
    String first = generate(settings);
    assertEquals(first, generate(settings));
    assertNotEquals(first, generate(settings.withSeed(8)));
  }

  @Test
  void writesEveryFieldOnEveryLine() {
    assertEquals(3000, corpus.size());
    Set<String> ids = new HashSet<>();
    for (JsonNode article : corpus) {
      assertEquals(FIELDS, iterable(article.fieldNames()), article.toString());
      for (String field : FIELDS) {
        assertFalse(article.get(field).asText().isBlank(), field + " of " + article);
      }
      String id = article.get("id").asText();
      assertTrue(ids.add(id), "duplicate id " + id);
      String title = article.get("title").asText();
      String text = article.get("text").asText();
      assertFalse(text.contains(title), "title repeated in text of " + id);
      assertFalse(text.replace("\n\n", "").contains("\n"), "paragraphs of " + id + " not separated by blank lines");
      assertTrue(text.contains("\n\n"), "one paragraph only in " + id);
      Instant published = Instant.parse(article.get("published").asText());
      assertTrue(published.isAfter(Instant.parse("2024-01-01T00:00:00Z")), id);
      assertTrue(published.isBefore(Instant.parse("2024-02-06T00:00:00Z")), id);
      assertTrue(article.get("url").asText().startsWith("https://" + article.get("source").asText() + "/"), id);
      assertTrue(article.get("source").asText().endsWith(".example"), id);
    }
  }

  @Test
  void copyGroupsShareTheOriginalsIdAndStory() {
    long copies = 0;
    for (JsonNode article : corpus) {
      JsonNode original = byId.get(article.get("gold_copy").asText());
      assertTrue(original != null, "gold_copy of " + article.get("id") + " is no article");
      assertEquals(original.get("id").asText(), original.get("gold_copy").asText(), "copy of a copy");
      assertEquals(original.get("gold_story").asText(), article.get("gold_story").asText());
      if (isCopy(article)) {
        copies++;
        assertNotEquals(original.get("source").asText(), article.get("source").asText());
        assertNotEquals(original.get("title").asText(), article.get("title").asText());
        assertTrue(Instant.parse(article.get("published").asText())
            .isAfter(Instant.parse(original.get("published").asText())));
      }
    }
    assertEquals(0.15, copies / 3000.0, 0.04, "share of copies");
  }

  @Test
  void copiesAreNearDuplicatesOfTheirOriginal() {
    double sum = 0;
    int count = 0;
    for (JsonNode article : corpus) {
      if (isCopy(article)) {
        double similarity = jaccard(article, byId.get(article.get("gold_copy").asText()));
        assertTrue(similarity > 0.45, "copy " + article.get("id") + " has Jaccard " + similarity);
        sum += similarity;
        count++;
      }
    }
    assertTrue(sum / count > 0.75, "mean Jaccard of copies " + sum / count);
  }

  @Test
  void differentArticlesAreNotNearDuplicates() {
    // Originals of one story share facts and quotations but are written differently; articles of
    // different stories share little, even from one outlet with its own boilerplate.
    Map<String, List<JsonNode>> originalsByStory = corpus.stream().filter(a -> !isCopy(a))
        .collect(Collectors.groupingBy(a -> a.get("gold_story").asText(), LinkedHashMap::new, Collectors.toList()));
    int sameStoryPairs = 0;
    for (List<JsonNode> originals : originalsByStory.values()) {
      for (int i = 0; i + 1 < originals.size(); i++) {
        double similarity = jaccard(originals.get(i), originals.get(i + 1));
        assertTrue(similarity < 0.35, "two originals of one story have Jaccard " + similarity);
        sameStoryPairs++;
      }
    }
    assertTrue(sameStoryPairs > 500, "too few multi-article stories: " + sameStoryPairs);

    Random random = new Random(5);
    int sameSource = 0;
    double sum = 0;
    int pairs = 0;
    while (pairs < 3000) {
      JsonNode a = corpus.get(random.nextInt(corpus.size()));
      JsonNode b = corpus.get(random.nextInt(corpus.size()));
      if (a.get("gold_story").asText().equals(b.get("gold_story").asText())) {
        continue;
      }
      double similarity = jaccard(a, b);
      assertTrue(similarity < 0.2, a.get("id") + " and " + b.get("id") + " have Jaccard " + similarity);
      sum += similarity;
      pairs++;
      if (a.get("source").asText().equals(b.get("source").asText())) {
        sameSource++;
      }
    }
    assertTrue(sum / pairs < 0.05, "mean Jaccard of unrelated articles " + sum / pairs);
    assertTrue(sameSource > 20, "too few same-outlet pairs checked: " + sameSource);
  }

  @Test
  void storiesAreSkewedAndCoveredBySeveralSources() {
    Map<String, List<JsonNode>> stories = corpus.stream()
        .collect(Collectors.groupingBy(a -> a.get("gold_story").asText()));
    long singles = stories.values().stream().filter(s -> s.size() == 1).count();
    int largest = stories.values().stream().mapToInt(List::size).max().orElse(0);
    assertTrue(singles > stories.size() / 4, "singletons " + singles + " of " + stories.size());
    assertTrue(largest >= 25, "largest story " + largest);
    for (List<JsonNode> story : stories.values()) {
      long sources = story.stream().map(a -> a.get("source").asText()).distinct().count();
      if (story.size() >= 4) {
        assertTrue(sources >= 3, "story of " + story.size() + " articles from " + sources + " sources");
      }
      Instant first = story.stream().map(a -> Instant.parse(a.get("published").asText())).min(Instant::compareTo).get();
      Instant last = story.stream().map(a -> Instant.parse(a.get("published").asText())).max(Instant::compareTo).get();
      assertTrue(last.getEpochSecond() - first.getEpochSecond() < 5 * 86_400, "story spread over more than 5 days");
    }
  }

  @Test
  void sharesKeyFactsAcrossTheArticlesOfAStory() {
    // The lead facts of a story (its place) appear in most of its articles.
    Map<String, List<JsonNode>> stories = corpus.stream()
        .collect(Collectors.groupingBy(a -> a.get("gold_story").asText()));
    for (List<JsonNode> story : stories.values()) {
      if (story.size() < 5) {
        continue;
      }
      Map<String, Integer> capitalised = new HashMap<>();
      for (JsonNode article : story) {
        Set<String> words = new HashSet<>(List.of(article.get("text").asText().split("[^\\p{L}0-9,.]+")));
        words.forEach(w -> capitalised.merge(w, 1, Integer::sum));
      }
      long shared = capitalised.entrySet().stream()
          .filter(e -> e.getKey().length() > 3 && Character.isUpperCase(e.getKey().charAt(0)))
          .filter(e -> e.getValue() >= story.size() * 0.8).count();
      assertTrue(shared >= 1, "no name shared by the articles of " + story.get(0).get("gold_story"));
    }
  }

  /** Lower-case word tokens of an article's title and text. */
  private static Set<String> terms(JsonNode article) {
    Set<String> out = new HashSet<>();
    for (String w : (article.get("title").asText() + " " + article.get("text").asText())
        .toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.length() > 1) {
        out.add(w);
      }
    }
    return out;
  }

  @Test
  void vocabularyIsLargeLongTailedAndGrowsWithTheCorpus() {
    // Real news: tens of thousands of terms in a few thousand articles, many seen once, and more
    // terms as the corpus grows (Heaps' law); a fixed word list would saturate.
    Map<String, Integer> df = new HashMap<>();
    int quarterVocabulary = 0;
    for (int i = 0; i < corpus.size(); i++) {
      terms(corpus.get(i)).forEach(t -> df.merge(t, 1, Integer::sum));
      if (i + 1 == corpus.size() / 4) {
        quarterVocabulary = df.size();
      }
    }
    long once = df.values().stream().filter(c -> c == 1).count();
    assertTrue(df.size() > 25_000, "distinct terms in 3,000 articles: " + df.size());
    assertTrue(once > df.size() * 0.3, "terms seen in one article only: " + once + " of " + df.size());
    assertTrue(df.size() > 2.0 * quarterVocabulary,
        "vocabulary of 750 articles " + quarterVocabulary + ", of 3,000 " + df.size());
    // Even the most frequent synthetic words are in a minority of articles, like real content
    // words: they do not turn into corpus-wide stop words.
    Vocabulary vocabulary = new Vocabulary(CorpusSettings.defaults().seed());
    for (Vocabulary.WordClass wordClass : Vocabulary.WordClass.values()) {
      String top = vocabulary.word(wordClass, 1).toLowerCase(Locale.ROOT);
      int articles = df.getOrDefault(top, 0);
      assertTrue(articles < corpus.size() * 0.4, wordClass + " rank 1 '" + top + "' in " + articles + " articles");
    }
  }

  @Test
  void eachStoryHasNamesOfItsOwn() {
    // The names a story's articles share (people, places, organisations of its event) are rare in
    // the rest of the corpus, so two stories of one kind differ in their names.
    Map<String, List<JsonNode>> stories = corpus.stream()
        .collect(Collectors.groupingBy(a -> a.get("gold_story").asText()));
    Map<String, Set<String>> storiesOfName = new HashMap<>();
    for (Map.Entry<String, List<JsonNode>> story : stories.entrySet()) {
      for (JsonNode article : story.getValue()) {
        for (String w : article.get("text").asText().split("[^\\p{L}]+")) {
          if (w.length() > 3 && Character.isUpperCase(w.charAt(0))) {
            storiesOfName.computeIfAbsent(w, k -> new HashSet<>()).add(story.getKey());
          }
        }
      }
    }
    int checked = 0;
    int withOwnNames = 0;
    for (Map.Entry<String, List<JsonNode>> story : stories.entrySet()) {
      List<JsonNode> articles = story.getValue();
      if (articles.size() < 3) {
        continue;
      }
      Map<String, Integer> shared = new HashMap<>();
      for (JsonNode article : articles) {
        for (String w : new HashSet<>(List.of(article.get("text").asText().split("[^\\p{L}]+")))) {
          if (w.length() > 3 && Character.isUpperCase(w.charAt(0))) {
            shared.merge(w, 1, Integer::sum);
          }
        }
      }
      long own = shared.entrySet().stream()
          .filter(e -> e.getValue() >= 2 && storiesOfName.get(e.getKey()).size() <= 3).count();
      checked++;
      if (own >= 2) {
        withOwnNames++;
      }
    }
    assertTrue(checked > 200, "stories of 3+ articles: " + checked);
    assertTrue(withOwnNames > checked * 0.9, withOwnNames + " of " + checked + " stories have 2 names of their own");
  }

  @Test
  void copiesCarryTheirEdits() {
    int copies = 0;
    int credited = 0;
    int endingChanged = 0;
    int wordsChanged = 0;
    for (JsonNode article : corpus) {
      if (!isCopy(article)) {
        continue;
      }
      copies++;
      JsonNode original = byId.get(article.get("gold_copy").asText());
      List<String> paragraphs = List.of(article.get("text").asText().split("\n\n"));
      List<String> source = List.of(original.get("text").asText().split("\n\n"));
      assertNotEquals(original.get("text").asText(), article.get("text").asText(), "unedited copy");
      String first = paragraphs.get(0);
      if ((first.startsWith("By ") || first.startsWith("(")) && !source.contains(first)) {
        credited++;
      }
      if (!paragraphs.get(paragraphs.size() - 1).equals(source.get(source.size() - 1))) {
        endingChanged++;
      }
      Set<String> kept = new HashSet<>(source);
      if (paragraphs.stream().filter(p -> !kept.contains(p) && !p.equals(first)).count() > 0) {
        wordsChanged++;
      }
    }
    assertTrue(credited > copies * 0.2 && credited < copies * 0.5, "credited " + credited + " of " + copies);
    assertTrue(endingChanged > copies * 0.5, "ending changed in " + endingChanged + " of " + copies);
    assertTrue(wordsChanged > copies * 0.7, "reworded paragraphs in " + wordsChanged + " of " + copies);
  }

  @Test
  void outletsHaveTheirOwnStaffAndStyle() {
    // An outlet's originals are signed by its few reporters; outlets differ in how their leads open.
    Map<String, Set<String>> bylines = new HashMap<>();
    int datelines = 0;
    int originals = 0;
    for (JsonNode article : corpus) {
      if (isCopy(article)) {
        continue;
      }
      originals++;
      String[] paragraphs = article.get("text").asText().split("\n\n");
      if (paragraphs[0].startsWith("By ")) {
        String names = paragraphs[0].substring(3).replaceAll(",.*", "");
        for (String name : names.split(" and ")) {
          bylines.computeIfAbsent(article.get("source").asText(), k -> new HashSet<>()).add(name);
        }
      }
      String lead = paragraphs[paragraphs[0].startsWith("By ") ? 1 : 0];
      if (lead.contains(" \u2014 ") || lead.contains(") - ")) {
        datelines++;
      }
    }
    assertTrue(bylines.size() >= 20, "outlets with bylines: " + bylines.size());
    for (Map.Entry<String, Set<String>> outlet : bylines.entrySet()) {
      assertTrue(outlet.getValue().size() <= 12, outlet.getKey() + " has reporters " + outlet.getValue());
    }
    assertTrue(datelines > originals * 0.4 && datelines < originals * 0.95, "datelines " + datelines + " of " + originals);
  }

  @Test
  void honoursCopyRateWordsAndSources() throws IOException {
    CorpusSettings settings = new CorpusSettings(1500, 3, 0.0, 120, 5, LocalDate.of(2023, 6, 1), 3);
    List<JsonNode> articles = parse(generate(settings));
    assertEquals(1500, articles.size());
    assertTrue(articles.stream().noneMatch(CorpusGeneratorTest::isCopy), "copies with --copy-rate 0");
    assertTrue(articles.stream().map(a -> a.get("source").asText()).distinct().count() <= 5);
    double meanWords = articles.stream().mapToInt(a -> a.get("text").asText().split("\\s+").length).average().orElse(0);
    assertEquals(120, meanWords, 30, "mean words");
    assertTrue(articles.stream().allMatch(a -> a.get("published").asText().startsWith("2023-06")));
  }

  @Test
  void streamsArticlesWhileGenerating() throws IOException {
    // 20,000 articles into a writer that keeps nothing: the generator must hand over text as it
    // goes, in many small writes, rather than build the corpus first.
    CountingWriter out = new CountingWriter();
    CorpusGenerator.Summary summary =
        CorpusGenerator.generate(CorpusSettings.defaults().withArticles(20_000), out);
    assertEquals(20_000, summary.articles());
    assertEquals(20_000, out.lines);
    assertTrue(out.writes > 1000, "writes: " + out.writes);
    assertTrue(out.largestWrite < 1 << 20, "largest single write: " + out.largestWrite);
    assertTrue(summary.stories() > 2000 && summary.copies() > 2000, summary.toString());
  }

  @Test
  void commandLineWritesAFileAndRejectsBadOptions(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("corpus.jsonl");
    assertEquals(0, CorpusGenerator.commandLine().execute(
        "--articles", "50", "--seed", "9", "--output", file.toString(), "--words", "100"));
    assertEquals(50, Files.readAllLines(file).size());

    for (String[] args : List.of(new String[] {"--articles", "-1"}, new String[] {"--copy-rate", "2"},
        new String[] {"--bogus"}, new String[] {"--start-date", "yesterday"}, new String[] {"--words", "x"})) {
      StringWriter err = new StringWriter();
      CommandLine commandLine = CorpusGenerator.commandLine();
      commandLine.setErr(new PrintWriter(err));
      assertEquals(2, commandLine.execute(args), String.join(" ", args));
      assertTrue(err.toString().contains("Usage: corpus-generator"), err.toString());
    }
    StringWriter err = new StringWriter();
    CommandLine commandLine = CorpusGenerator.commandLine();
    commandLine.setErr(new PrintWriter(err));
    commandLine.execute("--copy-rate", "0.9");
    assertTrue(err.toString().contains("--copy-rate must be between 0 and 0.6") && err.toString().contains("got 0.9"), err.toString());

    StringWriter help = new StringWriter();
    CommandLine helpLine = CorpusGenerator.commandLine();
    helpLine.setOut(new PrintWriter(help));
    assertEquals(0, helpLine.execute("--help"));
    for (String option : List.of("--articles", "--seed", "--output", "--copy-rate", "--words", "--sources",
        "--start-date", "--days")) {
      assertTrue(help.toString().contains(option), option);
    }
    assertTrue(help.toString().contains("Default: 2024-01-01"), help.toString());
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> out = new ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }

  /** Counts lines and write calls; keeps no text. */
  private static final class CountingWriter extends Writer {
    long lines;
    long writes;
    long largestWrite;

    @Override
    public void write(char[] buffer, int offset, int length) {
      writes++;
      largestWrite = Math.max(largestWrite, length);
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void write(String text, int offset, int length) {
      writes++;
      largestWrite = Math.max(largestWrite, length);
      for (int i = offset; i < offset + length; i++) {
        if (text.charAt(i) == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void write(int c) {
      writes++;
      if (c == '\n') {
        lines++;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      throw new UncheckedIOException(new IOException("the generator must not close the caller's writer"));
    }
  }
}
