package org.corroborate.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ConflictDetectorTest {
  private final ConflictDetector detector = new ConflictDetector();

  @Test
  void flagsDifferentCountsOfTheSameThing() {
    assertEquals("number: 3 vs 5", detector.conflict(
        "The blast killed 3 people in the market.", "The blast killed 5 people in the market."));
  }

  @Test
  void flagsNumberWordsAgainstDigits() {
    assertEquals("number: three vs 5", detector.conflict(
        "Gunmen killed three soldiers on the border.", "Gunmen killed 5 soldiers on the border."));
  }

  @Test
  void acceptsTheSameNumbers() {
    assertNull(detector.conflict("The blast killed 3 people.", "Three people were killed, 3 of "
        + "them children, when the blast hit."));
  }

  @Test
  void ignoresNumbersThatCountDifferentThings() {
    assertNull(detector.conflict("The quake killed 3 people.",
        "The quake injured 15 and destroyed 40 homes."));
  }

  @Test
  void flagsDifferentWeekdays() {
    assertEquals("date: Tuesday vs Wednesday", detector.conflict(
        "The council met on Tuesday to discuss the truce.",
        "The council met on Wednesday to discuss the truce."));
  }

  @Test
  void flagsDifferentNamesInTheSameRole() {
    assertEquals("name: Olmert vs Netanyahu", detector.conflict(
        "Clinton met Prime Minister Olmert in Jerusalem.",
        "Clinton met Prime Minister Netanyahu in Jerusalem."));
  }

  @Test
  void acceptsAFullAndAShortFormOfOneName() {
    assertNull(detector.conflict("Clinton met Prime Minister Benjamin Netanyahu.",
        "Clinton met Prime Minister Netanyahu."));
  }
}
