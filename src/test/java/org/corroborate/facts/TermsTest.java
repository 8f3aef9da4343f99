package org.corroborate.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {
  private static List<Integer> flagsOf(String text, List<String> terms) {
    List<Integer> flags = new ArrayList<>();
    terms.addAll(Terms.of(text, 0, text.length(), flags));
    assertEquals(terms.size(), flags.size());
    return flags;
  }

  @Test
  void marksNamesInsideASentenceAndCommonWordsApart() {
    List<String> terms = new ArrayList<>();
    List<Integer> flags = flagsOf("Police said they arrested Tara Reid at her home in Malibu with 3 U.S. agents.", terms);
    assertEquals(List.of(Terms.stem("police"), "arrest", "tara", "reid", "home", "malibu", "3",
        "us", "agent"), terms);
    // The first word's capital is the sentence's, not a name's.
    assertEquals(0, flags.get(0));
    assertEquals(Terms.LOWER, flags.get(1));
    assertEquals(Terms.CAPITALISED, flags.get(2));
    assertEquals(Terms.LOWER, flags.get(4));
    assertEquals(Terms.CAPITALISED, flags.get(5));
    assertEquals(Terms.CODE, flags.get(6));
    assertEquals(Terms.CODE, flags.get(7));
    assertEquals(Terms.LOWER, flags.get(8));
  }

  @Test
  void readsNothingIntoTheCapitalsOfAHeadline() {
    List<String> terms = new ArrayList<>();
    List<Integer> flags = flagsOf("Lindsay Lohan Checks Into Rehab In Malibu", terms);
    assertEquals(List.of("lindsay", "lohan", "check", "rehab", "malibu"), terms);
    for (int f : flags) {
      assertEquals(0, f);
    }
  }
}
