package org.corroborate.gen;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One planted news event: its kind, when and where it happened, and its drawn facts (names,
 * numbers, quotations). Every article of the event's story reports from these facts.
 *
 * <p>Besides the facts its kind declares, each event has its own entities and details, as real
 * events do: a few more people with roles, organisations, nearby places, a small vocabulary of its
 * own (rare words drawn once for the event, like the name of a facility or a disease), and a list
 * of event-specific facts ({@link Atom}s) that each outlet reports a different subset of, in its
 * own words. Two earthquakes in one country share the kind's vocabulary but not these.
 */
final class Event {

  /** Quotations of the kind's repertoire an event carries. */
  static final int KIND_QUOTES = 3;
  /** Quotations of the event's own people, about its own details. */
  static final int OWN_QUOTES = 2;
  /** All quotations of an event; each article reports some of them verbatim. */
  static final int QUOTES = KIND_QUOTES + OWN_QUOTES;

  private static final Template[] FACT_FRAMES = Template.compileAll(Lexicon.EVENT_FACTS);
  private static final Template[] OWN_QUOTE_FRAMES = Template.compileAll(Lexicon.EVENT_QUOTES);
  private static final Template PERSON_ROLE = Template.compile(Lexicon.EVENT_PERSON_ROLE);
  private static final String[] ORG_KINDS = Lexicon.split(Lexicon.EVENT_ORG_KINDS);

  /** An event-specific fact: a sentence frame and its values, reworded on every rendering. */
  record Atom(Template frame, Map<String, String> values) {}

  final EventKind kind;
  final Facts facts;
  final long epochSecond;
  final String[] quoteSpeakers = new String[QUOTES];
  final String[] quoteTexts = new String[QUOTES];
  final Atom[] atoms;
  /** The event's own words (rare nouns), for tests and for copy footers. */
  final String[] words;

  private Event(EventKind kind, Facts facts, long epochSecond, Atom[] atoms, String[] words) {
    this.kind = kind;
    this.facts = facts;
    this.epochSecond = epochSecond;
    this.atoms = atoms;
    this.words = words;
  }

  /**
   * Draws an event of {@code kind} in {@code city}, {@code country} at {@code epochSecond}. With a
   * {@code related} event (same kind, same country, close in time) it may keep one of the related
   * event's people, as when one minister comments on two earthquakes; everything else is new.
   */
  static Event draw(EventKind kind, String city, String country, long epochSecond, SplittableRandom random,
      Vocabulary vocabulary, Event related) {
    Facts facts = new Facts();
    facts.put("city", city);
    facts.put("country", country);
    ZonedDateTime time = Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC);
    facts.put("day", Lexicon.WEEKDAYS[time.getDayOfWeek().getValue() - 1]);
    facts.put("date", time.getDayOfMonth() + " " + Lexicon.MONTHS[time.getMonthValue() - 1]);
    facts.put("year", Integer.toString(time.getYear()));
    if (related != null && !kind.personRoles.isEmpty() && random.nextInt(3) == 0) {
      String role = kind.personRoles.get(0);
      facts.put(role, related.facts.get(role));
      facts.put(role + ".last", related.facts.get(role + ".last"));
      facts.put(role + ".title", related.facts.get(role + ".title"));
    }
    kind.drawFacts(facts, random, vocabulary);

    // The event's own entities and words.
    String[] words = new String[8 + random.nextInt(6)];
    for (int i = 0; i < words.length; i++) {
      words[i] = vocabulary.drawRarer(Vocabulary.WordClass.NOUN, 300, random);
    }
    String[] adjectives = new String[3];
    String[] verbs = new String[3];
    for (int i = 0; i < 3; i++) {
      adjectives[i] = vocabulary.drawRarer(Vocabulary.WordClass.ADJECTIVE, 100, random);
      verbs[i] = vocabulary.drawRarer(Vocabulary.WordClass.VERB, 100, random);
    }
    String[] places = new String[2 + random.nextInt(3)];
    for (int i = 0; i < places.length; i++) {
      places[i] = vocabulary.draw(Vocabulary.WordClass.PLACE, random);
    }
    String[] orgs = new String[2 + random.nextInt(2)];
    for (int i = 0; i < orgs.length; i++) {
      String stem = random.nextBoolean() ? vocabulary.draw(Vocabulary.WordClass.ORG, random)
          : random.nextBoolean() ? places[random.nextInt(places.length)]
          : vocabulary.draw(Vocabulary.WordClass.SURNAME, random);
      orgs[i] = stem + " " + EventKind.pick(ORG_KINDS, random);
    }
    String[] dates = new String[3];
    for (int i = 0; i < dates.length; i++) {
      ZonedDateTime earlier = time.minusDays(1 + random.nextInt(400));
      dates[i] = earlier.getDayOfMonth() + " " + Lexicon.MONTHS[earlier.getMonthValue() - 1]
          + (earlier.getYear() != time.getYear() ? " " + earlier.getYear() : "");
    }
    int people = 3 + random.nextInt(3);
    for (int i = 0; i < people; i++) {
      String slot = "x" + i;
      String last = vocabulary.draw(Vocabulary.WordClass.SURNAME, random);
      facts.put(slot, vocabulary.draw(Vocabulary.WordClass.GIVEN, random) + " " + last);
      facts.put(slot + ".last", last);
      String org = orgs[random.nextInt(orgs.length)];
      String place = places[random.nextInt(places.length)];
      String word = words[random.nextInt(words.length)];
      facts.put(slot + ".title", PERSON_ROLE.render(random, name -> switch (name) {
        case "o" -> org;
        case "pl" -> place;
        case "w" -> word;
        default -> facts.get(name);
      }));
    }

    Atom[] atoms = new Atom[8 + random.nextInt(6)];
    int[] frames = shuffled(FACT_FRAMES.length, random);
    for (int i = 0; i < atoms.length; i++) {
      Map<String, String> values = new HashMap<>(32);
      // The event's main actors (its first person, organisation, place and words) recur in many of
      // its facts, so most articles name them, often more than once, as real coverage does.
      int p = core(people, random);
      int p2 = (p + 1 + random.nextInt(people - 1)) % people;
      values.put("p", facts.get("x" + p));
      values.put("p.last", facts.get("x" + p + ".last"));
      values.put("p.role", facts.get("x" + p + ".title"));
      values.put("p2", facts.get("x" + p2));
      values.put("o", orgs[core(orgs.length, random)]);
      values.put("pl", places[core(places.length, random)]);
      values.put("w1", words[core(words.length, random)]);
      values.put("w2", words[random.nextInt(words.length)]);
      values.put("w3", words[core(words.length, random)]);
      values.put("a", adjectives[random.nextInt(3)]);
      values.put("v", verbs[random.nextInt(3)]);
      values.put("d", dates[random.nextInt(dates.length)]);
      int n = EventKind.logUniform(random, 2, 60_000);
      values.put("n", EventKind.formatCount(n));
      values.put("n" + EventKind.ALT, EventKind.formatCount(Math.max(1, EventKind.disagree(n, random))));
      values.put("n2", EventKind.formatCount(EventKind.logUniform(random, 2, 60_000)));
      int millions = EventKind.logUniform(random, 1, 5_000);
      values.put("money", EventKind.formatMoney(millions));
      values.put("money" + EventKind.ALT, EventKind.formatMoney(Math.max(1, EventKind.disagree(millions, random))));
      atoms[i] = new Atom(FACT_FRAMES[frames[i % frames.length]], values);
    }

    Event event = new Event(kind, facts, epochSecond, atoms, words);
    int n = kind.quotes.length;
    // A random distinct selection of the kind's quotations, rendered once so they stay verbatim.
    int first = random.nextInt(n);
    int step = 1 + random.nextInt(n - 1);
    for (int i = 0; i < KIND_QUOTES; i++) {
      int index = (first + i * step) % n;
      event.quoteSpeakers[i] = kind.quoteRoles[index];
      event.quoteTexts[i] = kind.quotes[index].render(random, facts::get);
    }
    for (int i = KIND_QUOTES; i < QUOTES; i++) {
      Atom atom = atoms[random.nextInt(atoms.length)];
      String speaker = "x" + random.nextInt(people);
      event.quoteSpeakers[i] = speaker;
      event.quoteTexts[i] = OWN_QUOTE_FRAMES[random.nextInt(OWN_QUOTE_FRAMES.length)].render(random, name -> {
        String value = atom.values().get(name);
        return value != null ? value : facts.get(name);
      });
    }
    return event;
  }

  /** Returns the slot values of this event; {@code <topic>} is reworded on every use. */
  Template.Slots slots(SplittableRandom random) {
    return slots(random, null);
  }

  /**
   * Returns the slot values of this event as one article reports them: the number slot {@code
   * disagreeing} (or none when {@code null}) takes its other value, as in an outlet with older
   * figures.
   */
  Template.Slots slots(SplittableRandom random, String disagreeing) {
    return name -> {
      if ("topic".equals(name)) {
        return kind.topic.render(random, facts::get);
      }
      if (name.equals(disagreeing)) {
        return facts.get(name + EventKind.ALT);
      }
      return facts.get(name);
    };
  }

  /** Returns 0 (the main one) with probability 0.45, else any index below {@code n}. */
  private static int core(int n, SplittableRandom random) {
    return random.nextDouble() < 0.45 ? 0 : random.nextInt(n);
  }

  static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
