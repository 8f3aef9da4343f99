package org.corroborate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corroborate.Corroborate;
import org.corroborate.CorroborateException;
import org.corroborate.config.JobConfig;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
  private static SparkSession spark;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    spark = TestSpark.session();
  }

  private static Ingest ingest(String... args) {
    JobConfig config = Corroborate.parseConfig(args);
    return Ingest.run(spark, config);
  }

  private static Map<String, Row> byId(List<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : rows) {
      out.put(r.getAs("id"), r);
    }
    return out;
  }

  /** The JSON Lines file of the issue: good records mixed with one of each bad kind. */
  private static Path mixedJsonLines() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String[] lines = {
        "{\"id\": \"g1\", \"source\": \"times.example\", \"title\": \"Quake hits coast\", \"text\": \"A strong earthquake hit the coast on Monday.\", \"published\": \"2024-01-03T10:15:00Z\", \"extra\": 7}",
        "{\"text\": \"Rescuers searched the rubble through the night.\", \"url\": \"https://www.herald.example/quake\", \"published\": \"Tue, 02 Jan 2024 08:00:00 GMT\"}",
        "{\"id\": \"g3\", \"text\": \"Aid arrived in the town.\\nMore aid is expected.\"}",
        "",
        "{\"id\": \"broken-json\", \"text\": ",
        "{\"id\": \"no-text\", \"title\": \"Headline only\"}",
        "{\"id\": \"blank-text\", \"text\": \"   \"}",
        "{\"id\": \"g1\", \"text\": \"A second record with the id of the first.\"}",
        "{\"id\": \"bad-date\", \"text\": \"Some text.\", \"published\": \"next Tuesday\"}",
        "{\"id\": \"too-long\", \"text\": \"" + "x".repeat(600) + "\"}",
    };
    for (String line : lines) {
      bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      bytes.write('\n');
    }
    // Invalid UTF-8: 0xC3 must be followed by a continuation byte.
    bytes.writeBytes("{\"id\": \"bad-bytes\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3);
    bytes.write(0x28);
    bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("mixed.jsonl");
    Files.write(file, bytes.toByteArray());
    return file;
  }

  @Test
  void rejectsEachBadKindWithItsReasonAndKeepsTheGoodRecords() throws IOException {
    Ingest ingest = ingest("--input", mixedJsonLines().toString(), "--max-text-chars", "500");
    Map<String, Long> counts = ingest.countsByReason();
    assertEquals(10L, counts.get("read"));
    assertEquals(3L, counts.get("accepted"));
    assertEquals(7L, counts.get("rejected"));
    assertEquals(counts.get("read"), counts.get("accepted") + counts.get("rejected"));

    Map<String, String> reasons = new TreeMap<>();
    for (Row r : ingest.rejected().collectAsList()) {
      String id = r.getAs("id");
      reasons.put(id == null ? r.<String>getAs("record").substring(0, 20) : id, r.getAs("reason"));
      assertTrue(r.<String>getAs("input_file").endsWith("mixed.jsonl"));
      String detail = r.getAs("detail");
      assertTrue(detail != null && !detail.isBlank(), "no detail for " + r);
    }
    assertEquals("malformed_record", reasons.get("{\"id\": \"broken-json\""));
    assertEquals("missing_text", reasons.get("no-text"));
    assertEquals("missing_text", reasons.get("blank-text"));
    assertEquals("duplicate_id", reasons.get("g1"));
    assertEquals("unreadable_date", reasons.get("bad-date"));
    assertEquals("oversized_text", reasons.get("too-long"));
    assertEquals("broken_encoding", reasons.get("bad-bytes"));
    assertEquals(7, reasons.size());
  }

  @Test
  void aDuplicateIdKeepsItsOwnLineWhenTheCoresChangeBeforeRejectedIsWritten() throws IOException {
    // Small splits, so that the file is read in several parts whose size depends on the cores.
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      String id = i % 400 == 399 ? "dup" + i / 400 : "r" + i;
      lines.append("{\"id\": \"").append(id).append("\", \"text\": \"Line ").append(i)
          .append(" of a long file, padded to be read in several parts.\"}\n");
      if (i % 400 == 0) {
        lines.append("{\"id\": \"dup").append(i / 400).append("\", \"text\": \"First of dup")
            .append(i / 400).append(".\"}\n");
      }
    }
    Path file = dir.resolve("splits.jsonl");
    Files.writeString(file, lines.toString());
    String[] confs = {Ingest.MIN_PARTITIONS, "spark.sql.leafNodeDefaultParallelism", "spark.sql.files.openCostInBytes"};
    Map<String, String> before = new java.util.HashMap<>();
    for (String c : confs) {
      before.put(c, spark.conf().get(c, null));
    }
    try {
      spark.conf().unset(Ingest.MIN_PARTITIONS);
      spark.conf().set("spark.sql.files.openCostInBytes", "1024");
      spark.conf().set("spark.sql.leafNodeDefaultParallelism", "4");
      Ingest ingest = ingest("--input", file.toString());
      assertEquals(7L, ingest.countsByReason().get("rejected_duplicate_id"));
      // Fewer cores by the time the tables are written (an executor lost, say).
      spark.conf().set("spark.sql.leafNodeDefaultParallelism", "3");
      List<Row> duplicates = ingest.rejected().filter("reason = 'duplicate_id'").collectAsList();
      assertEquals(7, duplicates.size());
      for (Row r : duplicates) {
        String id = r.getAs("id");
        String record = r.getAs("record");
        assertTrue(record != null && record.contains("\"id\": \"" + id + "\"") && record.contains("\"Line "),
            id + " got " + record);
      }
      ingest.unpersist();
    } finally {
      for (String c : confs) {
        if (before.get(c) == null) {
          spark.conf().unset(c);
        } else {
          spark.conf().set(c, before.get(c));
        }
      }
    }
  }

  @Test
  void numbersIdenticalTextsWithoutIdsAndKeepsAnIdForItsFirstValidRecord() throws IOException {
    String same = "Floodwater rose through the valley overnight.";
    Path file = dir.resolve("repeats.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"id\": \"d1\", \"text\": \"\"}",
        "{\"text\": \"" + same + "\"}",
        "{\"id\": \"named\", \"text\": \"" + same + "\"}",
        "{\"id\": \"d1\", \"text\": \"The first valid record with this id.\"}",
        "{\"text\": \"" + same + "\"}",
        "{\"id\": \"d1\", \"text\": \"A later record with the same id.\"}",
        "{\"text\": \"" + same + "\"}",
        "{\"id\": \"d1\", \"text\": \"And another.\"}") + "\n");
    Ingest ingest = ingest("--input", file.toString());
    Map<String, Long> counts = ingest.countsByReason();
    assertEquals(8L, counts.get("read"));
    assertEquals(5L, counts.get("accepted"));
    assertEquals(2L, counts.get("rejected_duplicate_id"));
    assertEquals(1L, counts.get("rejected_missing_text"));

    Map<String, Row> articles = byId(ingest.articles().collectAsList());
    String hash = articles.keySet().stream().filter(id -> id.matches("a[0-9a-f]{16}")).findFirst().orElseThrow();
    // The record with an id of its own does not count among the texts without one.
    assertEquals(java.util.Set.of("d1", "named", hash, hash + "-2", hash + "-3"), articles.keySet());
    assertEquals("The first valid record with this id.", articles.get("d1").getAs("text"));

    List<Row> duplicates = ingest.rejected().filter("reason = 'duplicate_id'").orderBy("position").collectAsList();
    assertEquals(2, duplicates.size());
    assertTrue(duplicates.get(0).<String>getAs("record").contains("A later record with the same id."));
    assertTrue(duplicates.get(1).<String>getAs("record").contains("And another."));
    assertEquals("id 'd1' is used by an earlier record", duplicates.get(0).getAs("detail"));
    ingest.unpersist();
  }

  @Test
  void aFileGivenTwiceIsReadTwiceAndItsSecondReadingHoldsDuplicates() throws IOException {
    Path file = dir.resolve("twice.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"id\": \"t1\", \"text\": \"The bridge reopened on Friday.\"}",
        "{\"text\": \"Traffic returned to the bridge.\"}",
        "{\"id\": \"t2\", \"text\": \"Repairs took six months.\"}") + "\n");
    Ingest ingest = ingest("--input", file.toString(), "--input", file.toString());
    Map<String, Long> counts = ingest.countsByReason();
    assertEquals(6L, counts.get("read"));
    assertEquals(4L, counts.get("accepted"));
    assertEquals(2L, counts.get("rejected_duplicate_id"));
    List<Row> articles = ingest.articles().collectAsList();
    assertEquals(4, articles.size());
    Map<String, Row> byId = byId(articles);
    assertTrue(byId.containsKey("t1") && byId.containsKey("t2"), byId.keySet().toString());
    String hash = byId.keySet().stream().filter(id -> id.matches("a[0-9a-f]{16}")).findFirst().orElseThrow();
    assertTrue(byId.containsKey(hash + "-2"), byId.keySet().toString());
    assertEquals(2L, ingest.rejected().count());
    ingest.unpersist();
  }

  @Test
  void derivesMissingIdsSourcesAndTitles() throws IOException {
    Ingest ingest = ingest("--input", mixedJsonLines().toString(), "--max-text-chars", "500");
    Map<String, Row> articles = byId(ingest.articles().collectAsList());
    Row first = articles.get("g1");
    assertEquals("A strong earthquake hit the coast on Monday.", first.getAs("text"));
    assertEquals("times.example", first.getAs("source"));
    Row derived = articles.values().stream().filter(r -> r.<String>getAs("id").startsWith("a")).findFirst().orElseThrow();
    String derivedId = derived.getAs("id");
    assertTrue(derivedId.matches("a[0-9a-f]{16}"), derivedId);
    assertEquals("herald.example", derived.getAs("source"));
    assertEquals("Rescuers searched the rubble through the night.", derived.getAs("title"));
    assertEquals(java.time.Instant.parse("2024-01-02T08:00:00Z"),
        derived.<java.sql.Timestamp>getAs("published").toInstant());
    Row third = articles.get("g3");
    assertNull(third.getAs("source"));
    assertNull(third.getAs("published"));
    assertEquals("Aid arrived in the town.", third.getAs("title"));
  }

  @Test
  void keepsTextThatWasDamagedBeforeButIsValidUtf8() throws IOException {
    Path file = dir.resolve("damaged.jsonl");
    Files.writeString(file, "{\"id\": \"d1\", \"text\": \"a \u00e2\u0082\u00ac110 billion loan \ufffd\ufffd\"}\n",
        StandardCharsets.UTF_8);
    Ingest ingest = ingest("--input", file.toString());
    assertEquals(1L, ingest.countsByReason().get("accepted"));
  }

  @Test
  void keepsABadDateAsUnknownWhenAskedTo() throws IOException {
    Ingest ingest = ingest("--input", mixedJsonLines().toString(), "--max-text-chars", "500", "--on-bad-date", "null");
    assertEquals(4L, ingest.countsByReason().get("accepted"));
    assertNull(byId(ingest.articles().collectAsList()).get("bad-date").getAs("published"));
  }

  @Test
  void readsCsvWithQuotedMultiLineTextAndMappedColumns() throws IOException {
    Path csv = dir.resolve("news.csv");
    Files.writeString(csv, "doc,outlet,headline,body\n"
        + "c1,post.example,Flood,\"Rivers rose overnight.\nThousands left their homes, officials said.\"\n"
        + "c2,post.example,Vote,\"Polls opened at seven, and \"\"turnout\"\" was high.\"\n"
        + "c3,post.example,Empty,\n");
    Ingest ingest = ingest("--input", csv.toString(), "--field", "id=doc", "--field", "source=outlet",
        "--field", "title=headline", "--field", "text=body");
    Map<String, Row> articles = byId(ingest.articles().collectAsList());
    assertEquals("Rivers rose overnight.\nThousands left their homes, officials said.", articles.get("c1").getAs("text"));
    assertEquals("Polls opened at seven, and \"turnout\" was high.", articles.get("c2").getAs("text"));
    assertEquals("post.example", articles.get("c2").getAs("source"));
    assertEquals(1L, ingest.countsByReason().get("rejected_missing_text"));
    assertEquals(3L, ingest.countsByReason().get("read"));
  }

  @Test
  void readsParquetAndKeepsTheInputsOwnFieldsForDeduplicated() throws IOException {
    Path parquet = dir.resolve("news.parquet");
    spark.createDataFrame(List.of(
            new NewsRow("p1", "One story about a flood.", "alpha"),
            new NewsRow("p2", "Another story about a vote.", "beta")), NewsRow.class)
        .write().parquet(parquet.toString());
    Ingest ingest = ingest("--input", parquet.toString(), "--field", "text=body");
    assertEquals(2L, ingest.countsByReason().get("accepted"));
    org.apache.spark.sql.Dataset<Row> table = ingest.articles().select("id")
        .withColumn("canonical", ingest.articles().col("id"));
    List<String> columns = List.of(ingest.deduplicated(table).columns());
    assertEquals(List.of("body", "id", "tag"), columns.stream().sorted().toList());
    // p2 a copy of p1: only p1, as read.
    org.apache.spark.sql.Dataset<Row> copied = ingest.articles().select("id")
        .withColumn("canonical", org.apache.spark.sql.functions.lit("p1"));
    List<Row> kept = ingest.deduplicated(copied).collectAsList();
    assertEquals(1, kept.size());
    assertEquals("p1", kept.get(0).getAs("id"));
    assertEquals("One story about a flood.", kept.get(0).getAs("body"));
  }

  @Test
  void readsAFolderOfTextFilesWithFileNamesAsIds() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("texts"));
    Files.writeString(folder.resolve("story-1.txt"), "Quake Hits Coast\n\nA strong earthquake hit the coast.");
    Files.writeString(folder.resolve("story-2.txt"), "Rescuers searched the rubble through the night, officials said.");
    Files.write(folder.resolve("story-3.txt"), new byte[] {'c', 'a', 'f', (byte) 0xC3, 0x28});
    Files.writeString(folder.resolve("empty.txt"), "");
    Ingest ingest = ingest("--input", folder.toString());
    Map<String, Row> articles = byId(ingest.articles().collectAsList());
    assertEquals("Quake Hits Coast", articles.get("story-1").getAs("title"));
    assertEquals("Rescuers searched the rubble through the night, officials said.", articles.get("story-2").getAs("title"));
    assertEquals(1L, ingest.countsByReason().get("rejected_broken_encoding"));
    assertEquals(1L, ingest.countsByReason().get("rejected_missing_text"));
  }

  @Test
  void namesTheAvailableColumnsWhenAMappedColumnIsMissing() throws IOException {
    CorroborateException e = assertThrows(CorroborateException.class,
        () -> ingest("--input", mixedJsonLines().toString(), "--field", "text=body"));
    assertTrue(e.getMessage().startsWith("input column 'body' not found in "), e.getMessage());
    assertTrue(e.getMessage().contains("available: extra, id, published, source, text, title, url"), e.getMessage());
    assertTrue(e.isStartup());
  }

  /** A Parquet row with the input's own field names. */
  public static class NewsRow implements java.io.Serializable {
    private String id;
    private String body;
    private String tag;

    public NewsRow() {}

    NewsRow(String id, String body, String tag) {
      this.id = id;
      this.body = body;
      this.tag = tag;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
  }
}
