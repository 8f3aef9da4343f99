package org.corroborate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/run-local.sh}, as a user runs it, and its class-data-sharing archive: a run that
 * only prints (--version, -hV) writes none; the first job run writes it as it exits; the next job
 * run loads Spark's classes from it (under {@code -Xshare:on}, which stops a JVM that cannot use its
 * archive) and writes the same report; after a rebuild the archive is written again, and a failed
 * run keeps none.
 */
class LocalLauncherIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  private final Path root = Paths.get("").toAbsolutePath();
  private final Path archive = root.resolve("target/corroborate-classes.jsa");
  private final Path work = root.resolve("target/it-launcher");

  @Test
  void firstJobRunWritesTheClassArchiveAndTheNextRunMapsIt() throws Exception {
    Files.deleteIfExists(archive);
    deleteTree(work);
    Files.createDirectories(work);

    for (String option : List.of("--version", "-hV")) {
      Run printing = run(Map.of(), "printing", option);
      assertEquals(0, printing.exit(), printing.output());
      assertFalse(Files.exists(archive), option + " wrote a class archive");
    }

    Run first = run(Map.of(), "first", "--input", "seeds", "--output", work.resolve("first").toString());
    assertEquals(0, first.exit(), first.output());
    assertTrue(first.output().contains("also writes " + archive), first.output());
    assertTrue(Files.size(archive) > 10_000_000, "archive of " + Files.size(archive) + " bytes");
    assertEquals(List.of(), leftovers(), "temporary archives left behind");

    Path classes = work.resolve("second-classes.log");
    Run second = run(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + classes), "second",
        "--input", "seeds", "--output", work.resolve("second").toString());
    assertEquals(0, second.exit(), second.output());
    assertFalse(second.output().contains("also writes"), second.output());
    // The JVM logs where each class came from: the archive the first run wrote is the "top" layer.
    String loaded = Files.readString(classes, StandardCharsets.UTF_8);
    assertTrue(loaded.contains("org.apache.spark.SparkContext source: shared objects file (top)"),
        "SparkContext was not loaded from the class archive; see " + classes);
    assertArrayEquals(Files.readAllBytes(work.resolve("first/report.json")),
        Files.readAllBytes(work.resolve("second/report.json")));

    // A rebuilt jar makes the archive stale: the next job run writes a new one, and a run that
    // fails (here at once, on an unknown option) keeps none and leaves the stale one unused.
    Path jar = root.resolve("target/corroborate.jar");
    Path stamp = root.resolve("target/corroborate-classes.jsa.stamp");
    String stampBefore = Files.readString(stamp);
    assertTrue(jar.toFile().setLastModified(System.currentTimeMillis() + 2_000));
    Run failed = run(Map.of(), "failed", "--input", "seeds", "--no-such-option");
    assertEquals(2, failed.exit(), failed.output());
    assertTrue(failed.output().contains("also writes"), failed.output());
    assertEquals(stampBefore, Files.readString(stamp));
    assertEquals(List.of(), leftovers(), "temporary archives left behind");
  }

  private record Run(int exit, String output) {}

  private Run run(Map<String, String> env, String name, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("jobs/run-local.sh").toString()));
    cmd.addAll(List.of(args));
    Path log = work.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(cmd).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    for (String inherited : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CORROBORATE_CDS",
        "CORROBORATE_JVM_OPTIONS")) {
      builder.environment().remove(inherited);
    }
    builder.environment().put("CORROBORATE_HEAP", "1g");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(name + " run did not finish in " + RUN_TIMEOUT + "; log " + log);
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(archive.getParent())) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("corroborate-classes.jsa.") && !name.endsWith(".stamp"))
          .toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
