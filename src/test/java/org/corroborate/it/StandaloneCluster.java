package org.corroborate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on 127.0.0.1, assembled from the SPARK_HOME the build puts in
 * {@code target/spark-home} (Spark's jars as Maven resolved them; no download): one Master and
 * any number of Workers, each a {@code java -cp "$SPARK_HOME/jars/*"} process that this class
 * starts and stops by process id. Every process writes its log under {@link #logs()}.
 */
final class StandaloneCluster implements AutoCloseable {
  static final String HOST = "127.0.0.1";

  private final Path sparkHome;
  private final Path dir;
  private final Path logs;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final List<Process> processes = new ArrayList<>();
  private final Map<String, Path> logFiles = new LinkedHashMap<>();
  private final Map<String, Process> workers = new LinkedHashMap<>();
  private final Map<String, Integer> workerPorts = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Thread shutdownHook = new Thread(this::killAll, "standalone-cluster-cleanup");
  private int masterPort;
  private int masterWebPort;

  /**
   * Prepares {@code sparkHome} (adds {@code bin/spark-submit} from {@code src/test/spark-home})
   * and uses {@code dir} for logs and the workers' work folders.
   */
  StandaloneCluster(Path sparkHome, Path projectRoot, Path dir) throws IOException {
    this.sparkHome = sparkHome.toAbsolutePath();
    this.dir = dir.toAbsolutePath();
    this.logs = this.dir.resolve("logs");
    Path jars = this.sparkHome.resolve("jars");
    if (!Files.isDirectory(jars) || !hasJar(jars, "spark-core_")) {
      throw new IllegalStateException(jars + " holds no Spark jars: the build's copy-dependencies execution"
          + " (spark-home-jars, phase pre-integration-test) fills it; run the test with mvn verify");
    }
    Path bin = Files.createDirectories(this.sparkHome.resolve("bin"));
    Path submit = bin.resolve("spark-submit");
    Files.copy(projectRoot.resolve("src/test/spark-home/bin/spark-submit"), submit, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(logs);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private static boolean hasJar(Path jars, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(jars)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
    }
  }

  Path sparkHome() {
    return sparkHome;
  }

  Path logs() {
    return logs;
  }

  String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  /** The environment every Spark process of the test gets (also the driver's). */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", HOST);
    env.put("SPARK_CONF_DIR", sparkHome.resolve("conf").toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return env;
  }

  /** Starts the Master and waits until its web UI answers. */
  void startMaster(Duration timeout) throws IOException {
    masterPort = freePort();
    masterWebPort = freePort();
    start("master", List.of("org.apache.spark.deploy.master.Master",
        "--host", HOST, "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterWebPort)));
    await(timeout, "the Master to answer on http://" + HOST + ":" + masterWebPort + "/json/",
        () -> masterState() != null);
  }

  /** Starts a Worker with 1 core and 1 GiB for executors. */
  void startWorker(String name) throws IOException {
    int port = freePort();
    Path workDir = Files.createDirectories(dir.resolve(name));
    Process p = start(name, List.of("org.apache.spark.deploy.worker.Worker",
        "--host", HOST, "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()),
        "--cores", "1", "--memory", "1g", "--work-dir", workDir.toString(), masterUrl()));
    workers.put(name, p);
    workerPorts.put(name, port);
  }

  /** Waits until {@code count} workers are ALIVE at the Master. */
  void awaitWorkers(int count, Duration timeout) {
    await(timeout, count + " workers to register with the Master", () -> {
      JsonNode state = masterState();
      return state != null && state.path("aliveworkers").asInt() >= count;
    });
  }

  /** Cores in use on worker {@code name} per the Master (an executor runs there when > 0). */
  int coresUsed(String name) {
    JsonNode state = masterState();
    if (state == null) {
      return -1;
    }
    for (JsonNode w : state.path("workers")) {
      if (w.path("port").asInt() == workerPorts.get(name) && "ALIVE".equals(w.path("state").asText())) {
        return w.path("coresused").asInt();
      }
    }
    return -1;
  }

  /** Kills worker {@code name} and the executors it started with SIGKILL, as a lost machine would. */
  void killWorker(String name) {
    Process p = workers.remove(name);
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The Master's state (its /json/ page), or null when it does not answer. */
  JsonNode masterState() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + masterWebPort + "/json/"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Starts {@code args} (a main class and its arguments) on Spark's jars, logging to logs/NAME.log. */
  private Process start(String name, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.add("-Xmx384m");
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + "/*");
    cmd.addAll(args);
    return launch(name, cmd, environment(), dir.toFile().toPath());
  }

  /** Starts any process of the test, tracked for clean-up, with stdout and stderr in logs/NAME.log. */
  Process launch(String name, List<String> cmd, Map<String, String> env, Path workingDir) throws IOException {
    Path log = logs.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Files.writeString(log, "");
    Process p = pb.start();
    synchronized (processes) {
      processes.add(p);
    }
    logFiles.put(name, log);
    return p;
  }

  /** Polls {@code condition} every 250 ms; fails with the cluster's logs after {@code timeout}. */
  void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "\n" + logTails());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /** The last lines of every log (the processes' and the executors' under the workers' folders). */
  String logTails() {
    StringBuilder s = new StringBuilder();
    Map<String, Path> all = new LinkedHashMap<>(logFiles);
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(p -> p.getFileName().toString().equals("stderr") && p.toString().contains("/app-"))
          .sorted(Comparator.naturalOrder())
          .forEach(p -> all.put("executor " + dir.relativize(p), p));
    } catch (IOException | UncheckedIOException e) {
      s.append("(could not list executor logs: ").append(e).append(")\n");
    }
    for (Map.Entry<String, Path> e : all.entrySet()) {
      s.append("----- ").append(e.getKey()).append(" (").append(e.getValue()).append("), last lines:\n");
      s.append(tail(e.getValue(), 40));
    }
    return s.toString();
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")\n";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /** Stops every process this cluster started, by process id: destroy, then destroyForcibly. */
  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // shutting down already
    }
  }

  private void killAll() {
    List<Process> all;
    synchronized (processes) {
      all = new ArrayList<>(processes);
    }
    List<ProcessHandle> children = new ArrayList<>();
    for (Process p : all) {
      children.addAll(p.descendants().toList());
      p.destroy();
    }
    children.forEach(ProcessHandle::destroy);
    for (Process p : all) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    for (ProcessHandle c : children) {
      if (c.isAlive()) {
        c.destroyForcibly();
      }
    }
  }
}
