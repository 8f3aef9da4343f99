package org.corroborate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: opens
 * pages, evaluates expressions in them, takes screenshots, and records what a page reports (console
 * messages, log entries, uncaught exceptions, JavaScript dialogs such as {@code alert}).
 *
 * <p>Started as a child process with a fresh profile and no network services; {@link #close()}
 * ends that process (and its helper processes) by pid.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  private Chromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** The Chromium binary: {@code $CHROMIUM}, Debian's /usr/bin/chromium, or the first on the PATH. */
  static Optional<Path> find() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    candidates.add(Path.of("/usr/bin/chromium"));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** Starts {@code binary} headless with a new profile under {@code workDir} and connects to it. */
  static Chromium start(Path binary, Path workDir) throws Exception {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile-");
    Path log = workDir.resolve(profile.getFileName() + ".log");
    Process process = new ProcessBuilder(binary.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--mute-audio",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> lines = List.of();
    while (lines.size() < 2) {
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited with status " + process.exitValue() + " before DevTools"
            + " started; its output:\n" + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        stop(process);
        throw new IllegalStateException("chromium did not open DevTools within " + TIMEOUT + "; its output:\n"
            + Files.readString(log));
      }
      Thread.sleep(100);
      if (Files.exists(portFile)) {
        lines = Files.readAllLines(portFile);
      }
    }
    URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    Chromium[] self = new Chromium[1];
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(TIMEOUT)
        .buildAsync(uri, new WebSocket.Listener() {
          private final StringBuilder message = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
              String text = message.toString();
              message.setLength(0);
              self[0].receive(text);
            }
            ws.request(1);
            return null;
          }
        })
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    self[0] = new Chromium(process, profile, socket);
    return self[0];
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
      } else {
        listeners.forEach(l -> l.accept(message));
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable DevTools message: " + text, e);
    }
  }

  /** Sends a DevTools command (to a page when {@code sessionId} is set) and returns its result. */
  JsonNode send(String method, Map<String, Object> params, String sessionId) {
    int id = ids.incrementAndGet();
    ObjectNode command = JSON.createObjectNode();
    command.put("id", id);
    command.put("method", method);
    command.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      command.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      socket.sendText(command.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode message = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (message.has("error")) {
        throw new IllegalStateException(method + " failed: " + message.get("error"));
      }
      return message.get("result");
    } catch (Exception e) {
      pending.remove(id);
      throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(method + " failed", e);
    }
  }

  /**
   * Opens {@code url} in a new tab of {@code width} x {@code height} CSS pixels, recording what the
   * page reports from before it starts loading, and returns once it has loaded.
   */
  Page open(String url, int width, int height) {
    String targetId = send("Target.createTarget", Map.of("url", "about:blank"), null).get("targetId").asText();
    String session = send("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true), null)
        .get("sessionId").asText();
    Page page = new Page(session);
    listeners.add(page::onEvent);
    send("Page.enable", Map.of(), session);
    send("Runtime.enable", Map.of(), session);
    send("Log.enable", Map.of(), session);
    send("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false), session);
    page.loaded = new CompletableFuture<>();
    send("Page.navigate", Map.of("url", url), session);
    try {
      page.loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("page did not load: " + url, e);
    }
    return page;
  }

  /** One open tab. */
  final class Page {
    private final String session;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded;

    private Page(String session) {
      this.session = session;
    }

    private void onEvent(JsonNode event) {
      if (!session.equals(event.path("sessionId").asText())) {
        return;
      }
      JsonNode params = event.path("params");
      switch (event.path("method").asText()) {
        case "Page.loadEventFired" -> {
          if (loaded != null) {
            loaded.complete(null);
          }
        }
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
            problems.add("console." + type + ": " + params.path("args"));
          }
        }
        case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
        case "Log.entryAdded" -> {
          String level = params.path("entry").path("level").asText();
          if (level.equals("error") || level.equals("warning")) {
            problems.add("log." + level + ": " + params.path("entry").path("text").asText()
                + " " + params.path("entry").path("url").asText());
          }
        }
        case "Page.javascriptDialogOpening" -> {
          dialogs.add(params.path("type").asText() + ": " + params.path("message").asText());
          // Answer from another thread: this one delivers the reply.
          CompletableFuture.runAsync(() -> send("Page.handleJavaScriptDialog", Map.of("accept", true), session));
        }
        default -> { }
      }
    }

    /** Console errors and warnings, log errors and warnings, and uncaught exceptions so far. */
    List<String> problems() {
      return List.copyOf(problems);
    }

    /** JavaScript dialogs (alert, confirm, prompt) the page opened. */
    List<String> dialogs() {
      return List.copyOf(dialogs);
    }

    /** The value of a JavaScript expression in the page (JSON-compatible values). */
    JsonNode eval(String expression) {
      JsonNode result = send("Runtime.evaluate",
          Map.of("expression", expression, "returnByValue", true, "awaitPromise", true), session);
      if (result.has("exceptionDetails")) {
        throw new IllegalStateException("evaluating " + expression + ": " + result.get("exceptionDetails"));
      }
      return result.path("result").path("value");
    }

    /** Writes a PNG of the visible area to {@code file}. */
    void screenshot(Path file) throws IOException {
      String data = send("Page.captureScreenshot", Map.of("format", "png"), session).get("data").asText();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode(data));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      send("Browser.close", Map.of(), null);
    } catch (RuntimeException e) {
      // The browser may already be gone; the process is stopped below either way.
    }
    socket.abort();
    stop(process);
    deleteTree(profile);
  }

  /** Ends {@code process} and its helper processes by pid: politely, then forcibly. */
  private static void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
    try {
      if (handle != null && !process.waitFor(5, TimeUnit.SECONDS)) {
        handle.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          handle.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A helper process may still be writing its last file; the temp folder goes with the build.
    }
  }
}
