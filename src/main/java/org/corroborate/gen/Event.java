package org.corroborate.gen;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * One planted news event: its kind, when and where it happened, and its drawn facts (names,
 * numbers, quotations). Every article of the event's story reports from these facts.
 */
final class Event {

  /** Quotations an event carries; each article reports some of them verbatim. */
  static final int QUOTES = 3;

  final EventKind kind;
  final Facts facts;
  final long epochSecond;
  final String[] quoteSpeakers = new String[QUOTES];
  final String[] quoteTexts = new String[QUOTES];

  private Event(EventKind kind, Facts facts, long epochSecond) {
    this.kind = kind;
    this.facts = facts;
    this.epochSecond = epochSecond;
  }

  /** Draws an event of {@code kind} in {@code city}, {@code country} at {@code epochSecond}. */
  static Event draw(EventKind kind, String city, String country, long epochSecond, SplittableRandom random) {
    Facts facts = new Facts();
    facts.put("city", city);
    facts.put("country", country);
    ZonedDateTime time = Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC);
    facts.put("day", Lexicon.WEEKDAYS[time.getDayOfWeek().getValue() - 1]);
    facts.put("date", time.getDayOfMonth() + " " + Lexicon.MONTHS[time.getMonthValue() - 1]);
    facts.put("year", Integer.toString(time.getYear()));
    kind.drawFacts(facts, random);
    Event event = new Event(kind, facts, epochSecond);
    int n = kind.quotes.length;
    // A random distinct selection of the kind's quotations, rendered once so they stay verbatim.
    int first = random.nextInt(n);
    int step = 1 + random.nextInt(n - 1);
    for (int i = 0; i < QUOTES; i++) {
      int index = (first + i * step) % n;
      event.quoteSpeakers[i] = kind.quoteRoles[index];
      event.quoteTexts[i] = kind.quotes[index].render(random, facts::get);
    }
    return event;
  }

  /** Returns the slot values of this event; {@code <topic>} is reworded on every use. */
  Template.Slots slots(SplittableRandom random) {
    return name -> "topic".equals(name) ? kind.topic.render(random, facts::get) : facts.get(name);
  }
}
