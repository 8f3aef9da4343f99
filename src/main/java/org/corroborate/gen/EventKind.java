package org.corroborate.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One kind of news event (earthquake, election, ...): how to draw its facts, and the headlines,
 * leads, detail sentences and quotations that report it.
 *
 * <p>Facts are drawn once per event (names, numbers, fixed choices) so that every article about the
 * event shares them; template choices are drawn per article, so articles differ in wording.
 */
final class EventKind {

  final String name;
  final String section;
  final Template topic;
  final Template[] headlines;
  final Template[] leads;
  final Template[] details;
  /** Quotations: {@code role|text}; the role names a person fact of this kind. */
  final String[] quoteRoles;
  final Template[] quotes;
  /** Person slots in declaration order, e.g. {@code official, expert, witness}. */
  final List<String> personRoles;
  /** Number slots (counts, decimals, amounts): the facts outlets sometimes report differently. */
  final List<String> numberSlots;
  private final List<FactDrawer> factDrawers;

  /** Draws one or more facts of an event. */
  @FunctionalInterface
  interface FactDrawer {
    void draw(Facts facts, SplittableRandom random, Vocabulary vocabulary);
  }

  private EventKind(Builder b) {
    this.name = b.name;
    this.section = b.section;
    this.topic = Template.compile(b.topic);
    this.headlines = Template.compileAll(b.headlines);
    this.leads = Template.compileAll(b.leads);
    this.details = Template.compileAll(b.details);
    this.quoteRoles = new String[b.quotes.length];
    String[] quoteTexts = new String[b.quotes.length];
    for (int i = 0; i < b.quotes.length; i++) {
      int bar = b.quotes[i].indexOf(':');
      quoteRoles[i] = b.quotes[i].substring(0, bar).trim();
      quoteTexts[i] = b.quotes[i].substring(bar + 1).trim();
    }
    this.quotes = Template.compileAll(quoteTexts);
    this.factDrawers = List.copyOf(b.factDrawers);
    this.personRoles = List.copyOf(b.personRoles);
    this.numberSlots = List.copyOf(b.numberSlots);
  }

  /** Draws this kind's own facts into {@code facts}, which already holds the place and date. */
  void drawFacts(Facts facts, SplittableRandom random, Vocabulary vocabulary) {
    for (FactDrawer drawer : factDrawers) {
      drawer.draw(facts, random, vocabulary);
    }
  }

  static Builder builder(String name, String section) {
    return new Builder(name, section);
  }

  /** Declares an event kind; fact declarations run in order, so titles may use earlier facts. */
  static final class Builder {
    private final String name;
    private final String section;
    private String topic;
    private String[] headlines = {};
    private String[] leads = {};
    private String[] details = {};
    private String[] quotes = {};
    private final List<FactDrawer> factDrawers = new ArrayList<>();
    private final List<String> personRoles = new ArrayList<>();
    private final List<String> numberSlots = new ArrayList<>();

    private Builder(String name, String section) {
      this.name = name;
      this.section = section;
    }

    Builder topic(String template) {
      this.topic = template;
      return this;
    }

    Builder headlines(String... templates) {
      this.headlines = templates;
      return this;
    }

    Builder leads(String... templates) {
      this.leads = templates;
      return this;
    }

    Builder details(String... templates) {
      this.details = templates;
      return this;
    }

    /** Quotations as {@code "role: text"}. */
    Builder quotes(String... roleAndText) {
      this.quotes = roleAndText;
      return this;
    }

    /** A person: slots {@code <role>}, {@code <role.last>}, {@code <role.title>}. */
    Builder person(String role, String titleTemplate) {
      Template title = Template.compile(titleTemplate);
      personRoles.add(role);
      factDrawers.add((facts, random, vocabulary) -> {
        if (facts.get(role) != null) {
          return; // inherited from a related event
        }
        String first = vocabulary.draw(Vocabulary.WordClass.GIVEN, random);
        String last = vocabulary.draw(Vocabulary.WordClass.SURNAME, random);
        facts.put(role, first + " " + last);
        facts.put(role + ".last", last);
        facts.put(role + ".title", title.render(random, facts::get));
      });
      return this;
    }

    /** An organisation: a name prefix and one of {@code suffixes} ("A|B|C"). */
    Builder org(String slot, String suffixes) {
      String[] options = suffixes.split("\\|");
      factDrawers.add((facts, random, vocabulary) -> {
        String org;
        do {
          String stem = random.nextInt(3) == 0 ? vocabulary.draw(Vocabulary.WordClass.PLACE, random)
              : vocabulary.draw(Vocabulary.WordClass.ORG, random);
          org = stem + " " + EventKind.pick(options, random);
        } while (facts.containsValue(org));
        facts.put(slot, org);
      });
      return this;
    }

    /** A whole number, log-uniform in [min, max], written with thousands separators. */
    Builder count(String slot, int min, int max) {
      numberSlots.add(slot);
      factDrawers.add((facts, random, vocabulary) -> {
        int value = logUniform(random, min, max);
        facts.put(slot, formatCount(value));
        facts.put(slot + ALT, formatCount(Math.max(min, disagree(value, random))));
      });
      return this;
    }

    /** A number with one decimal, uniform in [min, max]. */
    Builder decimal(String slot, double min, double max) {
      numberSlots.add(slot);
      factDrawers.add((facts, random, vocabulary) -> {
        double value = min + random.nextDouble() * (max - min);
        double alt = value + (random.nextBoolean() ? 1 : -1) * (0.1 + 0.1 * random.nextInt(5));
        facts.put(slot, String.format(Locale.ROOT, "%.1f", value));
        facts.put(slot + ALT, String.format(Locale.ROOT, "%.1f", Math.max(min, alt)));
      });
      return this;
    }

    /** An amount of money in dollars, log-uniform in [minMillions, maxMillions]. */
    Builder money(String slot, int minMillions, int maxMillions) {
      numberSlots.add(slot);
      factDrawers.add((facts, random, vocabulary) -> {
        int value = logUniform(random, minMillions, maxMillions);
        facts.put(slot, formatMoney(value));
        facts.put(slot + ALT, formatMoney(Math.max(minMillions, disagree(value, random))));
      });
      return this;
    }

    /** A fixed choice among the options of {@code template}, rendered once per event. */
    Builder pick(String slot, String template) {
      Template compiled = Template.compile(template);
      factDrawers.add((facts, random, vocabulary) -> facts.put(slot, compiled.render(random, facts::get)));
      return this;
    }

    EventKind build() {
      if (topic == null || headlines.length == 0 || leads.length == 0 || details.length == 0) {
        throw new IllegalStateException("event kind " + name + " needs a topic, headlines, leads and details");
      }
      return new EventKind(this);
    }
  }

  /**
   * Suffix of a number slot's other value: what an outlet with older or different figures reports
   * (a death toll before the update, a rounded amount).
   */
  static final String ALT = "#alt";

  /** Returns {@code value} moved by 5 to 30 percent (at least 1), up or down. */
  static int disagree(int value, SplittableRandom random) {
    int delta = Math.max(1, (int) Math.round(value * (0.05 + 0.25 * random.nextDouble())));
    return random.nextInt(3) == 0 ? value - delta : value + delta;
  }

  static String pick(String[] options, SplittableRandom random) {
    return options[random.nextInt(options.length)];
  }

  static int logUniform(SplittableRandom random, int min, int max) {
    double value = Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max + 1.0) - Math.log(min)));
    return Math.max(min, Math.min(max, (int) value));
  }

  static String formatCount(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String formatMoney(int millions) {
    if (millions >= 1000) {
      return String.format(Locale.ROOT, "$%.1f billion", millions / 1000.0);
    }
    return "$" + millions + " million";
  }
}
