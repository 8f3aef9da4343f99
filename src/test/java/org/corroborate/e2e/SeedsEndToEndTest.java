package org.corroborate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.Corroborate;
import org.corroborate.CorroborateJob;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job end to end on the project's three sample articles, as text files and as JSON Lines, CSV
 * and Parquet: one story of three articles from three sources, the quote two of them carry as a
 * shared fact, the Security Council statement as unique, and the same stories and facts whatever
 * the input format.
 */
class SeedsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;
  @TempDir
  static Path dir;
  private static Path textOut;

  @BeforeAll
  static void runOnSeeds() {
    spark = TestSpark.session();
    textOut = run(Path.of("seeds"), "text");
  }

  private static Path run(Path input, String name) {
    Path out = dir.resolve("out-" + name);
    CorroborateJob.run(spark, Corroborate.parseConfig("--input", input.toString(), "--output", out.toString(),
        "--tables-format", "json"));
    return out;
  }

  private static List<JsonNode> table(Path out, String name) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve(name))) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            rows.add(JSON.readTree(line));
          }
        }
      }
    }
    return rows;
  }

  @Test
  void findsOneStoryOfThreeArticlesFromThreeSources() throws IOException {
    List<JsonNode> stories = table(textOut, "stories");
    assertEquals(1, stories.size(), stories.toString());
    assertEquals(3, stories.get(0).get("article_count").asInt());
    assertEquals(3, stories.get(0).get("source_count").asInt());
    JsonNode keywords = stories.get(0).get("keywords");
    assertTrue(keywords.size() > 0, "no keywords");
    for (JsonNode k : keywords) {
      assertFalse(k.asText().contains(":"), "keyword shows an internal prefix: " + k);
    }
    Set<String> storyIds = new TreeSet<>();
    for (JsonNode a : table(textOut, "articles")) {
      storyIds.add(a.get("story_id").asText());
      assertTrue(a.get("duplicate_group").isNull(), "the seeds hold no copies: " + a);
    }
    assertEquals(Set.of(stories.get(0).get("story_id").asText()), storyIds);
  }

  @Test
  void reportsTheNetanyahuQuoteAsSharedAndTheSecurityCouncilAsUnique() throws IOException {
    List<JsonNode> facts = table(textOut, "facts");
    Map<String, Set<String>> articlesByFact = new TreeMap<>();
    for (JsonNode f : facts) {
      articlesByFact.computeIfAbsent(f.get("fact_id").asText(), k -> new TreeSet<>()).add(f.get("article_id").asText());
    }
    boolean quoteShared = facts.stream().anyMatch(f -> f.get("text").asText().contains("through diplomatic means")
        && f.get("status").asText().equals("shared")
        && articlesByFact.get(f.get("fact_id").asText()).size() == 2);
    assertTrue(quoteShared, "the diplomatic-means quote is not a shared fact of two articles");
    boolean councilUnique = facts.stream().anyMatch(f -> f.get("text").asText().contains("Security Council statement")
        && f.get("status").asText().equals("unique"));
    assertTrue(councilUnique, "the Security Council statement is not a unique fact");
  }

  @Test
  void pointsEveryStatementAtItsTextInTheInput() throws IOException {
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        texts.put(name.substring(0, name.length() - 4), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    List<JsonNode> facts = table(textOut, "facts");
    assertFalse(facts.isEmpty());
    for (JsonNode f : facts) {
      String text = texts.get(f.get("article_id").asText());
      assertEquals(f.get("text").asText(), text.substring(f.get("start").asInt(), f.get("end").asInt()));
    }
  }

  @Test
  void writesEveryOutputAndCountsThatReconcile() throws IOException {
    for (String name : List.of("report.html", "report.json", "run.json", "articles", "stories", "facts",
        "deduplicated", "rejected")) {
      assertTrue(Files.exists(textOut.resolve(name)), name + " missing");
    }
    assertFalse(Files.exists(textOut.resolve("_incomplete")));
    JsonNode counts = JSON.readTree(textOut.resolve("run.json").toFile()).get("counts");
    assertEquals(3, counts.get("read").asInt());
    assertEquals(counts.get("read").asInt(), counts.get("accepted").asInt() + counts.get("rejected").asInt());
    assertEquals(3, table(textOut, "deduplicated").size());
  }

  @Test
  void givesTheSameStoriesAndFactsForJsonLinesCsvAndParquet() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        rows.add(RowFactory.create(name.substring(0, name.length() - 4), Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    Dataset<Row> seeds = spark.createDataFrame(rows, schema).coalesce(1);
    seeds.write().json(dir.resolve("seeds-json").toString());
    Path jsonl = Files.list(dir.resolve("seeds-json")).filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    Path renamed = Files.move(jsonl, dir.resolve("seeds.jsonl"));
    seeds.write().option("header", "true").option("multiLine", "true").option("escape", "\"")
        .csv(dir.resolve("seeds-csv").toString());
    seeds.write().parquet(dir.resolve("seeds-parquet").toString());

    Set<String> expectedStories = stories(textOut);
    Set<String> expectedFacts = facts(textOut);
    for (Map.Entry<String, Path> input : Map.of("jsonl", renamed, "csv", dir.resolve("seeds-csv"),
        "parquet", dir.resolve("seeds-parquet")).entrySet()) {
      Path out = run(input.getValue(), input.getKey());
      assertEquals(expectedStories, stories(out), input.getKey());
      assertEquals(expectedFacts, facts(out), input.getKey());
    }
  }

  private static Set<String> stories(Path out) throws IOException {
    Set<String> s = new TreeSet<>();
    for (JsonNode a : table(out, "articles")) {
      s.add(a.get("story_id").asText() + " " + a.get("id").asText());
    }
    return s;
  }

  private static Set<String> facts(Path out) throws IOException {
    Set<String> s = new TreeSet<>();
    for (JsonNode f : table(out, "facts")) {
      s.add(f.get("fact_id").asText() + " " + f.get("status").asText() + " " + f.get("article_id").asText()
          + " " + f.get("start").asInt() + "-" + f.get("end").asInt());
    }
    return s;
  }
}
