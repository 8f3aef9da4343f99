package org.corroborate.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void fillsSlotsAndPicksEveryChoiceIncludingNestedOnes() {
    Template template = Template.compile("<who> {went|{ran|walked}} home");
    Set<String> seen = new HashSet<>();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      seen.add(template.render(random, Map.of("who", "Ana")::get));
    }
    assertEquals(Set.of("Ana went home", "Ana ran home", "Ana walked home"), seen);
    assertEquals(List.of("who"), template.slotNames());
  }

  @Test
  void rejectsUnbalancedTemplatesAndUnknownSlots() {
    assertThrows(IllegalArgumentException.class, () -> Template.compile("{a|b"));
    assertThrows(IllegalArgumentException.class, () -> Template.compile("a}"));
    assertThrows(IllegalArgumentException.class, () -> Template.compile("<city"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Template.compile("in <city>").render(new SplittableRandom(1), name -> null));
    assertTrue(e.getMessage().contains("<city>"), e.getMessage());
  }

  @Test
  void rendersEveryTemplateOfEveryEventKind() {
    SplittableRandom random = new SplittableRandom(3);
    Vocabulary vocabulary = new Vocabulary(3);
    for (EventKind kind : EventKinds.ALL) {
      Event previous = null;
      for (int round = 0; round < 20; round++) {
        Event event = Event.draw(kind, "Lyon", "France", 1_704_100_000L, random, vocabulary, previous);
        previous = event;
        Template.Slots slots = event.slots(random);
        for (Template[] group : List.of(kind.headlines, kind.leads, kind.details, kind.quotes)) {
          for (Template template : group) {
            String text = ArticleComposer.sentence(template, random, slots);
            assertFalse(text.contains("<") || text.contains("{") || text.contains("  "),
                kind.name + ": " + text);
          }
        }
        for (String role : kind.quoteRoles) {
          assertTrue(event.facts.get(role) != null, kind.name + " quotes unknown speaker " + role);
        }
        for (Event.Atom atom : event.atoms) {
          String text = ArticleComposer.sentence(atom.frame(), random,
              name -> atom.values().containsKey(name) ? atom.values().get(name) : slots.get(name));
          assertFalse(text.contains("<") || text.contains("{") || text.contains("  "), kind.name + ": " + text);
        }
        for (int q = 0; q < Event.QUOTES; q++) {
          assertTrue(event.facts.get(event.quoteSpeakers[q]) != null, "speaker of " + event.quoteTexts[q]);
          assertTrue(event.facts.get(event.quoteSpeakers[q] + ".title") != null, "title of " + event.quoteSpeakers[q]);
          assertFalse(event.quoteTexts[q].contains("<") || event.quoteTexts[q].contains("{"), event.quoteTexts[q]);
        }
        for (String slot : kind.numberSlots) {
          assertTrue(event.facts.get(slot + EventKind.ALT) != null, kind.name + " has no other value of " + slot);
        }
      }
    }
  }
}
