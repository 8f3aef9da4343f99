package org.corroborate.gen;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Generates a seeded corpus of English news articles with gold story and copy labels, for
 * benchmarks and for evaluating copy detection and story clustering.
 *
 * <p>What it generates: each planted story is one event of one of 13 kinds
 * (earthquake, election, trial, merger, strike, flood, transfer, product launch, protest, accident,
 * wildfire, interest-rate decision, cyberattack), each with its own vocabulary. Names, places,
 * organisations and the long tail of rarer words come from a seeded synthetic {@link Vocabulary}
 * with Zipf-like frequencies, so the vocabulary grows with the corpus as real news does (about
 * 68,000 terms in 10,000 articles and 290,000 in 100,000, half of them in one article only). An event has the facts its
 * kind declares (people with roles, organisations, a place, numbers, a date) and details of its own:
 * more people, organisations, nearby places, earlier dates, a few rare words, and 8 to 13
 * event-specific facts. Several outlets write different articles about it: each reports about
 * half of the event's own facts, in its own wording and order, kind details, one to three
 * quotations with their speakers, and background sentences; about one article in five reports one
 * of the numbers differently (an older toll, another estimate). Articles are published within a few
 * days of the event. 30% of new events echo a recent one: same kind and country, within two days,
 * new city, people and details (sometimes one official in common): the hard negatives of story
 * clustering. Story sizes are skewed (P(k) proportional to k^-1.7, at most {@value
 * #MAX_STORY_SIZE} articles): many single articles, a few large stories.
 *
 * <p>Outlets have a house style: a few staff reporters named in bylines ("By ..."), a dateline
 * convention ("CITY \u2014", "City, Country (Outlet) -"), sometimes a wire-style sign-off
 * ("(Reporting by ...; Editing by ...)") and boilerplate lines ("Follow ... on social media") under
 * many of their articles.
 *
 * <p>Copies: a share of the articles ({@code --copy-rate}) are copies of an earlier article of the
 * same story republished by another outlet: a new headline, the ending trimmed or extended, often a
 * byline ("By Jane Doe, Daily Herald") or a footer ("Follow us on ..."), one to three words changed
 * here and there, and the republisher's own boilerplate.
 *
 * <p>Output: JSON Lines, one article per line with the fields {@code id, source, title, text,
 * published, url, gold_story, gold_copy}. The title is not repeated in the text; paragraphs are
 * separated by a blank line; {@code published} is an ISO-8601 instant; {@code gold_copy} is the id of
 * the original for the original and each of its copies, and the article's own id otherwise. Lines
 * are not in publication order (stories are interleaved).
 *
 * <p>Options (defaults): {@code --articles} 1000, {@code --seed} 42, {@code --output} standard
 * output ({@code .gz} names are compressed), {@code --copy-rate} 0.15, {@code --words} 400 (mean body
 * length), {@code --sources} 50, {@code --start-date} 2024-01-01, {@code --days} 30. The same seed
 * and options give byte-identical output.
 *
 * <p>Streaming: articles are written as they are made; only a bounded pool of open stories (their
 * facts and the originals that copies may be made of) is held in memory, so a million articles need
 * no more memory than a thousand (a million articles, 3 GB, take about 80 s on one core).
 */
@Command(
    name = "corpus-generator",
    version = "Corroborate corpus generator",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Writes a seeded corpus of generated news articles as JSON Lines, with gold story and copy",
      "labels (fields: id, source, title, text, published, url, gold_story, gold_copy).",
      ""
    })
public final class CorpusGenerator implements Callable<Integer> {

  static final int MAX_STORY_SIZE = 80;
  static final double STORY_SIZE_EXPONENT = 1.7;
  /** Stories open at once; bounds memory and interleaves stories in the output. */
  static final int OPEN_STORIES = 48;
  /** Share of new events that echo a recent one: same kind and country, different details. */
  static final double SIBLING_RATE = 0.3;
  /** A sibling event happens at most this many seconds before or after the event it echoes. */
  static final long SIBLING_SPREAD = 2 * 86_400L;

  /** Counts of a finished corpus. */
  public record Summary(long articles, long stories, long copies, int sources) {}

  @Option(names = "--articles", paramLabel = "N", defaultValue = "1000",
      description = "Number of articles. Default: ${DEFAULT-VALUE}")
  long articles;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Random seed; the same seed and options give the same bytes. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--output", paramLabel = "FILE", defaultValue = "-",
      description = "JSON Lines file to write ('-' for standard output; a .gz name is compressed)."
          + " Default: ${DEFAULT-VALUE}")
  String output;

  @Option(names = "--copy-rate", paramLabel = "F", defaultValue = "0.15",
      description = "Share of articles that are lightly edited copies of another article, 0 to "
          + CorpusSettings.MAX_COPY_RATE + ". Default: ${DEFAULT-VALUE}")
  double copyRate;

  @Option(names = "--words", paramLabel = "N", defaultValue = "400",
      description = "Mean body length in words. Default: ${DEFAULT-VALUE}")
  int words;

  @Option(names = "--sources", paramLabel = "N", defaultValue = "50",
      description = "Number of outlets. Default: ${DEFAULT-VALUE}")
  int sources;

  @Option(names = "--start-date", paramLabel = "DATE", defaultValue = "2024-01-01",
      description = "First day of events, yyyy-MM-dd. Default: ${DEFAULT-VALUE}")
  LocalDate startDate;

  @Option(names = "--days", paramLabel = "N", defaultValue = "30",
      description = "Number of days over which events happen. Default: ${DEFAULT-VALUE}")
  int days;

  @Spec
  CommandSpec spec;

  /** Runs the command line; exits 0 on success or --help, 2 on a bad option, 1 on a write error. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Returns the command line parser, for {@link #main} and tests. */
  static CommandLine commandLine() {
    return new CommandLine(new CorpusGenerator());
  }

  @Override
  public Integer call() throws IOException {
    CorpusSettings settings;
    try {
      settings = new CorpusSettings(articles, seed, copyRate, words, sources, startDate, days);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    long start = System.nanoTime();
    Summary summary;
    if ("-".equals(output)) {
      Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
      summary = generate(settings, writer);
      writer.flush();
    } else {
      Path path = Path.of(output);
      if (path.toAbsolutePath().getParent() != null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
      }
      try (OutputStream file = Files.newOutputStream(path);
          OutputStream stream = output.endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
          Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20)) {
        summary = generate(settings, writer);
      }
    }
    System.err.printf(Locale.ROOT, "Wrote %d articles (%d stories, %d copies, %d sources) to %s in %.1f s%n",
        summary.articles(), summary.stories(), summary.copies(), summary.sources(),
        "-".equals(output) ? "standard output" : output, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /**
   * Writes the corpus described by {@code settings} to {@code out} as JSON Lines (each line ends
   * with a newline), streaming: memory use does not grow with the number of articles. Flushes but
   * does not close {@code out}.
   *
   * @return the counts of what was written
   */
  public static Summary generate(CorpusSettings settings, Writer out) throws IOException {
    return new Run(settings).write(out);
  }

  /** Returns the outlets of a corpus with {@code count} sources; the list depends only on the seed. */
  static List<Outlet> outlets(int count, long seed, int year) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Vocabulary staffNames = new Vocabulary(seed ^ 0x0DDBA11L);
    int adjectives = Lexicon.OUTLET_ADJECTIVES.length;
    int combinations = adjectives * Lexicon.OUTLET_NOUNS.length;
    int[] order = new int[combinations];
    Arrays.setAll(order, i -> i);
    for (int i = combinations - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    Template[] boilerplate = Template.compileAll(Lexicon.BOILERPLATE);
    List<Outlet> outlets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int combination = order[i % combinations];
      String adjective = Lexicon.OUTLET_ADJECTIVES[combination % adjectives];
      String noun = Lexicon.OUTLET_NOUNS[combination / adjectives];
      int round = i / combinations;
      String name = adjective + " " + noun + (round > 0 ? " " + (round + 1) : "");
      String host = (adjective + noun).toLowerCase(Locale.ROOT) + (round > 0 ? round + 1 : "") + ".example";
      List<String> lines = new ArrayList<>();
      int lineCount = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(2);
      int firstLine = random.nextInt(boilerplate.length);
      for (int l = 0; l < lineCount; l++) {
        lines.add(boilerplate[(firstLine + l * 3) % boilerplate.length].render(random, slot -> switch (slot) {
          case "outlet" -> name;
          case "host" -> host;
          case "year" -> Integer.toString(year);
          default -> null;
        }));
      }
      double boilerplateRate = 0.4 + 0.55 * random.nextDouble();
      List<String> reporters = new ArrayList<>();
      int staff = 3 + random.nextInt(10);
      for (int r = 0; r < staff; r++) {
        reporters.add(staffNames.person(random));
      }
      double bylineRate = random.nextInt(4) == 0 ? 0 : 0.3 + 0.7 * random.nextDouble();
      int dateline = random.nextInt(4);
      boolean signOff = random.nextInt(5) == 0;
      outlets.add(new Outlet(host, name, lines, boilerplateRate, reporters, bylineRate, dateline, signOff));
    }
    return outlets;
  }

  /** An open story: its event, the articles still to write, and the originals copies come from. */
  private static final class Story {
    final String id;
    final Event event;
    int originalsLeft;
    int copiesLeft;
    final List<Original> originals = new ArrayList<>();
    final BitSet outletsUsed = new BitSet();

    Story(String id, Event event, int originals, int copies) {
      this.id = id;
      this.event = event;
      this.originalsLeft = originals;
      this.copiesLeft = copies;
    }

    boolean done() {
      return originalsLeft == 0 && copiesLeft == 0;
    }
  }

  private record Original(String id, int outlet, ArticleComposer.Draft draft, long published) {}

  /** One generation run; all randomness comes from one generator seeded with the settings' seed. */
  private static final class Run {
    private final CorpusSettings settings;
    private final SplittableRandom random;
    private final List<Outlet> outlets;
    private final double[] outletWeights;
    private final double[] sizeWeights;
    private final double copyProbability;
    private final ArticleComposer composer;
    private final Vocabulary vocabulary;
    private final long startSecond;
    private final int idWidth;
    private final Event[] recent = new Event[16];
    private long allocated;
    private long stories;
    private long copies;
    private long articleCounter;

    Run(CorpusSettings settings) {
      this.settings = settings;
      this.random = new SplittableRandom(settings.seed());
      this.outlets = outlets(settings.sources(), settings.seed(), settings.startDate().getYear());
      this.outletWeights = cumulative(settings.sources(), 0.8);
      this.sizeWeights = cumulative(MAX_STORY_SIZE, STORY_SIZE_EXPONENT);
      this.copyProbability = copyProbability(settings.copyRate());
      this.vocabulary = new Vocabulary(settings.seed());
      this.composer = new ArticleComposer(settings.meanWords(), vocabulary);
      this.startSecond = settings.startDate().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      this.idWidth = Math.max(7, Long.toString(settings.articles()).length());
    }

    Summary write(Writer out) throws IOException {
      JsonFactory factory = JsonFactory.builder().build();
      JsonGenerator json = factory.createGenerator(out);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setRootValueSeparator(new SerializedString("\n"));
      Story[] open = new Story[OPEN_STORIES];
      int openCount = 0;
      long written = 0;
      while (written < settings.articles()) {
        while (openCount < OPEN_STORIES && allocated < settings.articles()) {
          open[openCount++] = newStory();
        }
        int slot = random.nextInt(openCount);
        Story story = open[slot];
        writeNext(story, json);
        written++;
        if (story.done()) {
          open[slot] = open[--openCount];
          open[openCount] = null;
        }
      }
      json.flush();
      if (written > 0) {
        out.write('\n');
      }
      out.flush();
      return new Summary(written, stories, copies, outlets.size());
    }

    private Story newStory() {
      int size = (int) Math.min(pick(sizeWeights) + 1, settings.articles() - allocated);
      allocated += size;
      int storyCopies = 0;
      for (int i = 1; i < size; i++) {
        if (random.nextDouble() < copyProbability) {
          storyCopies++;
        }
      }
      Event event = newEvent();
      recent[(int) (stories % recent.length)] = event;
      stories++;
      return new Story("story-" + pad(stories), event, size - storyCopies, storyCopies);
    }

    private Event newEvent() {
      long second = startSecond + random.nextLong(settings.days()) * 86_400L
          + (5 + random.nextInt(18)) * 3_600L + random.nextInt(60) * 60L;
      Event sibling = stories > 0 && random.nextDouble() < SIBLING_RATE
          ? recent[random.nextInt((int) Math.min(stories, recent.length))] : null;
      if (sibling != null) {
        // Another event of the same kind in the same country, close in time: a hard negative.
        String country = sibling.facts.get("country");
        String city = sibling.facts.get("city");
        String place = vocabulary.draw(Vocabulary.WordClass.PLACE, random);
        for (int tries = 0; tries < 20 && place.equals(city); tries++) {
          place = vocabulary.draw(Vocabulary.WordClass.PLACE, random);
        }
        long near = sibling.epochSecond + random.nextLong(2 * SIBLING_SPREAD + 1) - SIBLING_SPREAD;
        long end = startSecond + settings.days() * 86_400L - 1;
        near = Math.max(startSecond, Math.min(end, near));
        return Event.draw(sibling.kind, place, country, near, random, vocabulary, sibling);
      }
      EventKind kind = EventKinds.ALL.get(random.nextInt(EventKinds.ALL.size()));
      return Event.draw(kind, vocabulary.draw(Vocabulary.WordClass.PLACE, random),
          vocabulary.draw(Vocabulary.WordClass.COUNTRY, random), second, random, vocabulary, null);
    }

    private void writeNext(Story story, JsonGenerator json) throws IOException {
      String id = "art-" + pad(++articleCounter);
      boolean copy = story.copiesLeft > 0 && !story.originals.isEmpty()
          && (story.originalsLeft == 0
              || random.nextInt(story.copiesLeft + story.originalsLeft) < story.copiesLeft);
      int outlet;
      ArticleComposer.Draft draft;
      long published;
      String goldCopy;
      if (copy) {
        story.copiesLeft--;
        copies++;
        // The first original of a story is the most copied, like a wire report.
        Original source = story.originals.get(random.nextInt(3) == 0
            ? random.nextInt(story.originals.size()) : 0);
        outlet = pickOutlet(story, source.outlet());
        draft = composer.copy(story.event, source.draft(), outlets.get(source.outlet()),
            outlets.get(outlet), random);
        published = source.published() + 1_200 + random.nextInt(30 * 3_600);
        goldCopy = source.id();
      } else {
        story.originalsLeft--;
        outlet = pickOutlet(story, -1);
        draft = composer.original(story.event, outlets.get(outlet), random);
        double hours = Math.min(72, -10 * Math.log(1 - random.nextDouble()));
        published = story.event.epochSecond + 900 + (long) (hours * 3_600);
        story.originals.add(new Original(id, outlet, draft, published));
        goldCopy = id;
      }
      story.outletsUsed.set(outlet);
      published -= published % 60;
      Outlet source = outlets.get(outlet);
      json.writeStartObject();
      json.writeStringField("id", id);
      json.writeStringField("source", source.host());
      json.writeStringField("title", draft.title());
      json.writeStringField("text", draft.text());
      json.writeStringField("published", Instant.ofEpochSecond(published).toString());
      json.writeStringField("url", url(source, story.event, published, draft.title(), id));
      json.writeStringField("gold_story", story.id);
      json.writeStringField("gold_copy", goldCopy);
      json.writeEndObject();
    }

    /** Picks an outlet that has not yet covered the story when there is one, never {@code not}. */
    private int pickOutlet(Story story, int not) {
      int outlet = pick(outletWeights);
      for (int tries = 0; tries < 8 && (outlet == not || story.outletsUsed.get(outlet)); tries++) {
        outlet = pick(outletWeights);
      }
      if (outlet == not && outlets.size() > 1) {
        outlet = (outlet + 1 + random.nextInt(outlets.size() - 1)) % outlets.size();
      }
      return outlet;
    }

    /** Per non-first article of a story, so that copies make up {@code rate} of all articles. */
    private double copyProbability(double rate) {
      double mean = 0;
      double total = 0;
      for (int k = 1; k <= MAX_STORY_SIZE; k++) {
        double weight = Math.pow(k, -STORY_SIZE_EXPONENT);
        mean += k * weight;
        total += weight;
      }
      mean /= total;
      return Math.min(0.95, rate * mean / (mean - 1));
    }

    /** Cumulative weights of k^-exponent for k = 1..n. */
    private static double[] cumulative(int n, double exponent) {
      double[] weights = new double[n];
      double sum = 0;
      for (int k = 1; k <= n; k++) {
        sum += Math.pow(k, -exponent);
        weights[k - 1] = sum;
      }
      return weights;
    }

    /** Returns an index drawn with the weights of {@code cumulative}. */
    private int pick(double[] cumulative) {
      double x = random.nextDouble() * cumulative[cumulative.length - 1];
      int index = Arrays.binarySearch(cumulative, x);
      return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    private String pad(long n) {
      String digits = Long.toString(n);
      StringBuilder out = new StringBuilder(idWidth);
      for (int i = digits.length(); i < idWidth; i++) {
        out.append('0');
      }
      return out.append(digits).toString();
    }

    private static String url(Outlet outlet, Event event, long published, String title, String id) {
      ZonedDateTime date = Instant.ofEpochSecond(published).atZone(ZoneOffset.UTC);
      StringBuilder url = new StringBuilder(128).append("https://").append(outlet.host()).append('/')
          .append(event.kind.section).append('/').append(date.getYear()).append('/');
      two(url, date.getMonthValue()).append('/');
      two(url, date.getDayOfMonth()).append('/');
      int words = 0;
      boolean dash = false;
      for (int i = 0; i < title.length() && words < 8; i++) {
        char c = Character.toLowerCase(title.charAt(i));
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          url.append(c);
          dash = true;
        } else if (dash && c == ' ') {
          url.append('-');
          dash = false;
          words++;
        }
      }
      if (dash) {
        url.append('-');
      }
      return url.append(id.substring(id.indexOf('-') + 1)).toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
      return (value < 10 ? out.append('0') : out).append(value);
    }
  }
}
