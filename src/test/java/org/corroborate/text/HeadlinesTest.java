package org.corroborate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeadlinesTest {
  @Test
  void takesAShortFirstLineFollowedByTextAsTheHeadline() {
    String text = "US Blocks UN Statement on Gaza\n\nEven as hopes of a ceasefire failed on Tuesday, talks went on.";
    assertTrue(Headlines.startsWithHeadline(text));
    assertEquals("US Blocks UN Statement on Gaza", Headlines.titleOf(text));
  }

  @Test
  void cutsABodySentenceIntoATitleWhenThereIsNoHeadline() {
    String first = "Clinton, who is on a tour of South East Asia, spoke to many world leaders over the phone"
        + " in an effort to de-escalate tensions in Gaza as soon as possible.";
    String text = first + "\nMore text.";
    assertFalse(Headlines.startsWithHeadline(text));
    String title = Headlines.titleOf(text);
    assertTrue(title.endsWith("\u2026"), title);
    assertTrue(first.startsWith(title.substring(0, title.length() - 1)), title);
    assertTrue(title.length() <= Headlines.DERIVED_TITLE_CHARS + 1, title);
  }

  @Test
  void hasNoTitleForBlankText() {
    assertNull(Headlines.titleOf("  \n "));
    assertNull(Headlines.titleOf(null));
  }
}
