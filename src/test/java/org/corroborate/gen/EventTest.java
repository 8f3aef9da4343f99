package org.corroborate.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventTest {

  private static final long JANUARY = 1_704_100_000L;
  private static final EventKind EARTHQUAKE = EventKinds.ALL.get(0);

  private static Set<String> entities(Event event) {
    Set<String> out = new HashSet<>(List.of(event.words));
    for (int i = 0; event.facts.get("x" + i) != null; i++) {
      out.add(event.facts.get("x" + i));
    }
    for (Event.Atom atom : event.atoms) {
      out.add(atom.values().get("o"));
      out.add(atom.values().get("pl"));
    }
    return out;
  }

  @Test
  void twoEventsOfOneKindInOneCountryHaveTheirOwnPeoplePlacesAndWords() {
    SplittableRandom random = new SplittableRandom(11);
    Vocabulary vocabulary = new Vocabulary(11);
    for (int round = 0; round < 50; round++) {
      Event first = Event.draw(EARTHQUAKE, "Dorvale", "Kestavia", JANUARY, random, vocabulary, null);
      Event second = Event.draw(EARTHQUAKE, "Maruton", "Kestavia", JANUARY + 3_600, random, vocabulary, first);
      Set<String> a = entities(first);
      Set<String> b = entities(second);
      assertTrue(a.size() >= 12, "entities of an event: " + a);
      Set<String> common = new HashSet<>(a);
      common.retainAll(b);
      assertTrue(common.size() <= 3, "shared by two events: " + common);
      assertTrue(first.atoms.length >= 8 && first.atoms.length <= 13, "facts of its own: " + first.atoms.length);
    }
  }

  @Test
  void sameSeedDrawsTheSameEvent() {
    Event a = Event.draw(EARTHQUAKE, "Dorvale", "Kestavia", JANUARY, new SplittableRandom(3), new Vocabulary(3), null);
    Event b = Event.draw(EARTHQUAKE, "Dorvale", "Kestavia", JANUARY, new SplittableRandom(3), new Vocabulary(3), null);
    assertEquals(entities(a), entities(b));
    assertEquals(List.of(a.quoteTexts), List.of(b.quoteTexts));
  }

  @Test
  void outletsReportDifferentSubsetsOfTheFactsAndSometimesOtherFigures() {
    SplittableRandom random = new SplittableRandom(5);
    Vocabulary vocabulary = new Vocabulary(5);
    Event event = Event.draw(EARTHQUAKE, "Dorvale", "Kestavia", JANUARY, random, vocabulary, null);
    List<Outlet> outlets = CorpusGenerator.outlets(10, 5, 2024);
    ArticleComposer composer = new ArticleComposer(400, vocabulary);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ArticleComposer.Draft draft = composer.original(event, outlets.get(i % outlets.size()), random);
      texts.add(draft.title() + "\n" + draft.text());
    }
    // Each of the event's own facts is in some articles but not all of them: its words (those
    // that its fact sentences use) appear in some articles only.
    Set<String> used = new HashSet<>();
    for (Event.Atom atom : event.atoms) {
      for (String slot : atom.frame().slotNames()) {
        if (slot.matches("w[123]")) {
          used.add(atom.values().get(slot));
        }
      }
    }
    assertTrue(used.size() >= 4, "event words in its facts: " + used);
    for (String word : used) {
      long with = texts.stream().filter(t -> t.contains(word)).count();
      assertTrue(with > 0 && with < texts.size(), word + " in " + with + " of " + texts.size());
    }
    assertEquals(texts.size(), new HashSet<>(texts).size(), "two identical originals");

    // Most articles give the death toll; a few give the other figure.
    String dead = event.facts.get("dead");
    String other = event.facts.get("dead" + EventKind.ALT);
    long main = texts.stream().filter(t -> t.contains(" " + dead + " ")).count();
    long alt = texts.stream().filter(t -> t.contains(" " + other + " ")).count();
    assertTrue(main > texts.size() / 2, "toll " + dead + " in " + main);
    assertTrue(alt > 3 && alt < texts.size() / 5, "other toll " + other + " in " + alt);
    // Quotations of the event's own people appear verbatim.
    for (int q = Event.KIND_QUOTES; q < Event.QUOTES; q++) {
      String quote = event.quoteTexts[q];
      assertTrue(texts.stream().anyMatch(t -> t.contains(quote)), "never quoted: " + quote);
    }
  }
}
