package org.corroborate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.corroborate.Corroborate;
import org.corroborate.gen.CorpusGenerator;
import org.corroborate.gen.CorpusSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Corroborate on a real Spark standalone cluster (one Master, two Workers with one core each, all on
 * 127.0.0.1, Spark's jars from Maven: no download), submitted with {@code jobs/submit.sh} like a
 * user would.
 *
 * <p>In order, into one output folder:
 * <ol>
 *   <li>a local run in this JVM ({@code local[2]}) on a generated corpus gives the reference outputs;
 *   <li>a cluster run on the same corpus, during which one Worker and its executor are killed with
 *       SIGKILL once the job is past ingest, finishes (Spark reschedules the lost work) with the same
 *       tables, report and run.json (timings aside) as the local run, and replaces the local run's
 *       files cleanly (planted stale files are gone, run.json is new);
 *   <li>a third run on another input whose driver is killed while it writes its first table leaves
 *       the previous complete run untouched (same run.json, same bytes in every file); the partial
 *       run is only in {@code _incomplete/}.
 * </ol>
 *
 * <p>What "the same" means ({@link Outputs}): for each table (articles, stories, facts,
 * deduplicated, rejected, written as JSON Lines) the lines of all its part files, sorted, are
 * identical; report.json and report.html are byte-identical; run.json is identical once every
 * {@code seconds} field and {@code config.output} are removed.
 *
 * <p>Logs of the Master, the Workers, the executors and each driver are under
 * {@code target/it-cluster/}; a failure prints their last lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final int ARTICLES = 120;
  private static final long SEED = 11;
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
  private static final List<String> TABLES = List.of("articles", "stories", "facts", "deduplicated", "rejected");
  private static final Set<String> OUTPUT_ENTRIES = Set.of(
      "articles", "stories", "facts", "deduplicated", "rejected", "report.html", "report.json", "run.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root = Path.of("").toAbsolutePath();
  private final Path work = root.resolve("target/it-cluster");
  private Path jar;
  private Path corpus;
  private Path smallCorpus;
  private StandaloneCluster cluster;
  private final Path output = work.resolve("out");
  private Outputs local;
  private boolean clusterRunDone;

  @BeforeAll
  void startCluster() throws IOException {
    jar = Path.of(System.getProperty("corroborate.jar", root.resolve("target/corroborate.jar").toString()));
    Path sparkHome = Path.of(System.getProperty("spark.home", root.resolve("target/spark-home").toString()));
    assertTrue(Files.isRegularFile(jar), jar + " is missing: the IT runs after mvn package");
    deleteTree(work);
    Files.createDirectories(work.resolve("input"));
    corpus = generate(work.resolve("input/corpus.jsonl"), ARTICLES, SEED);
    smallCorpus = generate(work.resolve("input/small.jsonl"), 30, 5);

    cluster = new StandaloneCluster(sparkHome, root, work);
    cluster.startMaster(Duration.ofSeconds(90));
    cluster.startWorker("worker-1");
    cluster.startWorker("worker-2");
    cluster.awaitWorkers(2, Duration.ofSeconds(90));
    System.out.println("standalone cluster up at " + cluster.masterUrl() + "; logs in " + cluster.logs());
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void localRunGivesTheReference() throws IOException {
    Configurator.setRootLevel(Level.WARN);
    Configurator.setLevel("org.corroborate", Level.INFO);
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("corroborate-local-reference")
        .config("spark.driver.host", StandaloneCluster.HOST)
        .config("spark.driver.bindAddress", StandaloneCluster.HOST)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    long start = System.nanoTime();
    try {
      int status = Corroborate.execute(jobArgs(corpus, output));
      assertEquals(0, status, "local run failed");
    } finally {
      spark.stop();
    }
    System.out.printf("local run: %.0f s%n", (System.nanoTime() - start) / 1e9);
    local = Outputs.read(output);
    assertTrue(local.tables.get("stories").size() > 1, "the reference run found no stories");
    assertTrue(local.tables.get("facts").size() > 1, "the reference run found no facts");
  }

  /**
   * Submits the same input to the cluster, into the local run's output folder, and kills one Worker
   * (with its executor) once the job is past ingest. The run must finish with the local run's
   * results, replacing them cleanly.
   */
  @Test
  @Order(2)
  void clusterRerunSurvivesALostWorkerAndEqualsTheLocalRun() throws IOException {
    Assumptions.assumeTrue(local != null, "needs the local reference run");
    // Leftovers a rerun must not keep: a file inside a table, a file and a folder beside the tables.
    Files.writeString(output.resolve("articles/part-99999-stale.json"), "{\"id\":\"stale\"}\n");
    Files.writeString(output.resolve("stale.txt"), "stale");
    Files.createDirectories(output.resolve("old-table"));
    Files.setLastModifiedTime(output.resolve("run.json"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
    Instant started = Instant.now().minusSeconds(2);

    Process driver = submit("driver-1", corpus, output);
    Path log = cluster.logs().resolve("driver-1.log");
    awaitPhase(driver, log, "features", "driver-1");
    assertEquals(1, cluster.coresUsed("worker-2"),
        "worker-2 should run an executor of the job when it is killed\n" + cluster.logTails());
    cluster.killWorker("worker-2");
    System.out.println("killed worker-2 and its executor (SIGKILL) while the job was in phase 'features'");
    awaitExit(driver, "driver-1");
    assertEquals(0, driver.exitValue(), "the run with a lost worker failed\n" + cluster.logTails());
    String driverLog = Files.readString(log);
    assertTrue(driverLog.contains("Lost executor") || driverLog.contains("ExecutorLost")
            || driverLog.contains("Executor lost") || driverLog.contains("worker lost"),
        "the driver never noticed the lost executor; was it killed too late?\n" + StandaloneCluster.tail(log, 80));

    Set<String> entries = new TreeSet<>();
    try (Stream<Path> files = Files.list(output)) {
      files.map(p -> p.getFileName().toString())
          // Hadoop's local file system writes a checksum file .NAME.crc beside each file it creates.
          .filter(n -> !(n.startsWith(".") && n.endsWith(".crc") && OUTPUT_ENTRIES.contains(n.substring(1, n.length() - 4))))
          .forEach(entries::add);
    }
    assertEquals(new TreeSet<>(OUTPUT_ENTRIES), entries, "the rerun left other files in the output folder");
    assertFalse(Files.exists(output.resolve("articles/part-99999-stale.json")), "a stale table file survived the rerun");
    assertTrue(Files.getLastModifiedTime(output.resolve("run.json")).toInstant().isAfter(started),
        "run.json is not the rerun's");
    Outputs onCluster = Outputs.read(output);
    local.assertSame(onCluster, "local run", "cluster run with a lost worker");
    clusterRunDone = true;

    // A replacement machine, so the next run has two executors again.
    cluster.startWorker("worker-3");
    cluster.awaitWorkers(2, Duration.ofSeconds(90));
  }

  /**
   * A third run into the same folder, on another input, whose driver is killed (SIGKILL) while it
   * writes its first table: the complete run before it must stay as it was, byte for byte.
   */
  @Test
  @Order(3)
  void aKilledDriverLeavesThePreviousCompleteRun() throws IOException, InterruptedException {
    Assumptions.assumeTrue(clusterRunDone, "needs a complete cluster run in the output folder");
    Map<String, String> before = digests(output);
    assertTrue(before.containsKey("run.json"));

    // A different (smaller) input: had its results been committed, the files would differ.
    Process driver = submit("driver-2", smallCorpus, output);
    Path staging = output.resolve("_incomplete");
    cluster.await(RUN_TIMEOUT, "driver-2 to start writing its facts table into " + staging, () -> {
      if (!driver.isAlive()) {
        fail("driver-2 ended (status " + driver.exitValue() + ") before it wrote a table\n" + cluster.logTails());
      }
      return Files.isDirectory(staging.resolve("facts"));
    });
    List<ProcessHandle> children = driver.descendants().toList();
    driver.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    assertTrue(driver.waitFor(30, TimeUnit.SECONDS), "the driver did not die");
    System.out.println("killed the driver of the last run while it wrote " + staging.resolve("facts"));

    assertTrue(Files.isDirectory(staging), "the killed run's partial output should be in _incomplete/");
    assertFalse(Files.exists(staging.resolve("run.json")), "the killed run got as far as run.json (killed too late?)");
    Map<String, String> after = digests(output);
    after.keySet().removeIf(k -> k.startsWith("_incomplete/"));
    assertEquals(before, after, "the killed run changed the previous complete run's files");
  }

  // ---------------------------------------------------------------------------------------------

  private static Path generate(Path file, int articles, long seed) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      CorpusGenerator.generate(CorpusSettings.defaults().withArticles(articles).withSeed(seed), w);
    }
    return file;
  }

  private static String[] jobArgs(Path input, Path output) {
    return new String[] {"--input", input.toString(), "--output", output.toString(), "--tables-format", "json"};
  }

  /** Submits the jar to the cluster with jobs/submit.sh, in client mode; output in logs/NAME.log. */
  private Process submit(String name, Path input, Path output) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("jobs/submit.sh").toString(),
        "--master", cluster.masterUrl(),
        "--deploy-mode", "client",
        "--driver-memory", "1g",
        "--executor-memory", "1g",
        "--conf", "spark.driver.host=" + StandaloneCluster.HOST,
        "--conf", "spark.driver.bindAddress=" + StandaloneCluster.HOST,
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.ui.showConsoleProgress=false",
        "--conf", "spark.local.dir=" + Files.createDirectories(work.resolve("driver-tmp")),
        "--"));
    cmd.addAll(List.of(jobArgs(input, output)));
    Map<String, String> env = new TreeMap<>(cluster.environment());
    env.put("CORROBORATE_JAR", jar.toString());
    System.out.println(name + ": " + String.join(" ", cmd));
    return cluster.launch(name, cmd, env, root);
  }

  private void awaitExit(Process driver, String name) {
    long start = System.nanoTime();
    try {
      if (!driver.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        String logs = cluster.logTails();
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
        fail(name + " did not finish within " + RUN_TIMEOUT.toMinutes() + " min\n" + logs);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
    System.out.printf("%s: finished with status %d after %.0f s more%n", name, driver.exitValue(), (System.nanoTime() - start) / 1e9);
  }

  /** Waits until the driver logs the start of {@code phase} ("phase: description ..."). */
  private void awaitPhase(Process driver, Path log, String phase, String name) {
    cluster.await(RUN_TIMEOUT, name + " to start phase '" + phase + "'", () -> {
      if (!driver.isAlive()) {
        fail(name + " ended (status " + driver.exitValue() + ") before phase '" + phase + "'\n" + cluster.logTails());
      }
      try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
        return lines.anyMatch(l -> l.contains(" " + phase + ": ") && l.endsWith(" ..."));
      } catch (IOException | java.io.UncheckedIOException e) {
        return false;
      }
    });
  }

  /** SHA-256 of every file under {@code dir}, by relative path (Hadoop's .crc files included). */
  private static Map<String, String> digests(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** A complete run's outputs, in the form the tests compare. */
  record Outputs(Map<String, List<String>> tables, Map<String, List<String>> partFiles, String reportJson,
                 String reportHtml, JsonNode runJson) {

    static Outputs read(Path dir) throws IOException {
      assertTrue(Files.isRegularFile(dir.resolve("run.json")), "no run.json in " + dir);
      assertFalse(Files.exists(dir.resolve("_incomplete")), "a complete run left _incomplete/ in " + dir);
      Map<String, List<String>> tables = new TreeMap<>();
      Map<String, List<String>> partFiles = new TreeMap<>();
      for (String t : TABLES) {
        List<String> lines = new ArrayList<>();
        List<String> files = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir.resolve(t))) {
          for (Path p : (Iterable<Path>) parts.filter(p -> p.getFileName().toString().startsWith("part-")
              && p.getFileName().toString().endsWith(".json")).sorted()::iterator) {
            List<String> content = Files.readAllLines(p, StandardCharsets.UTF_8);
            lines.addAll(content);
            // part-00003-<job uuid>-c000.json: the partition number and the file's bytes
            files.add(p.getFileName().toString().substring(0, 10) + " " + sha256(Files.readAllBytes(p)));
          }
        }
        lines.sort(Comparator.naturalOrder());
        tables.put(t, lines);
        partFiles.put(t, files);
      }
      JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
      stripTimings(run);
      ((ObjectNode) run.path("config")).remove("output");
      return new Outputs(tables, partFiles,
          Files.readString(dir.resolve("report.json")), Files.readString(dir.resolve("report.html")), run);
    }

    private static void stripTimings(JsonNode node) {
      if (node instanceof ObjectNode o) {
        o.remove("seconds");
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        stripTimings(it.next());
      }
    }

    /** Fails, naming the first difference, unless {@code other} holds the same results. */
    void assertSame(Outputs other, String mine, String theirs) {
      for (String t : TABLES) {
        List<String> a = tables.get(t);
        List<String> b = other.tables.get(t);
        if (!a.equals(b)) {
          List<String> onlyA = new ArrayList<>(a);
          onlyA.removeAll(b);
          List<String> onlyB = new ArrayList<>(b);
          onlyB.removeAll(a);
          fail(String.format("table %s differs: %s has %d rows, %s %d; %d rows only in the %s, %d only in the %s;"
                  + " e.g.%n  %s: %s%n  %s: %s", t, mine, a.size(), theirs, b.size(), onlyA.size(), mine,
              onlyB.size(), theirs, mine, onlyA.stream().limit(3).toList(), theirs, onlyB.stream().limit(3).toList()));
        }
        System.out.printf("table %s: %d rows identical (%s vs %s); part files byte-identical too: %s%n",
            t, a.size(), mine, theirs, partFiles.get(t).equals(other.partFiles.get(t)));
      }
      assertEquals(reportJson, other.reportJson, "report.json differs between the " + mine + " and the " + theirs);
      assertEquals(reportHtml, other.reportHtml, "report.html differs between the " + mine + " and the " + theirs);
      assertEquals(runJson, other.runJson, "run.json (timings and output path aside) differs between the "
          + mine + " and the " + theirs);
    }
  }
}
