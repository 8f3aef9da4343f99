package org.corroborate.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  private final SentenceSplitter splitter = new SentenceSplitter();

  private List<String> sentences(String text) {
    return splitter.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void keepsTitleAndCountryAbbreviationsInsideTheSentence() {
    String text = "Mr. Smith met Sen. Jones in Washington. The U.S. Senate voted on Tuesday. "
        + "Gen. Petraeus agreed.";
    assertEquals(List.of("Mr. Smith met Sen. Jones in Washington.",
        "The U.S. Senate voted on Tuesday.", "Gen. Petraeus agreed."), sentences(text));
  }

  @Test
  void endsASentenceAtAnAbbreviationBeforeACommonSentenceStarter() {
    String text = "The aid came from the U.S. The money arrived later.";
    assertEquals(List.of("The aid came from the U.S.", "The money arrived later."),
        sentences(text));
  }

  @Test
  void keepsAQuotationWithItsAttribution() {
    String text = "\"Why did they leave?\" he asked. \"We prefer diplomacy,\" Netanyahu said.";
    assertEquals(List.of("\"Why did they leave?\" he asked.",
        "\"We prefer diplomacy,\" Netanyahu said."), sentences(text));
  }

  @Test
  void returnsAParagraphWithoutAnInnerStopWholeAndTrimmed() {
    String text = "  Quake hits Iran, 10 dead!  \nRescuers search the rubble of Qeshm?";
    assertEquals(List.of("Quake hits Iran, 10 dead!", "Rescuers search the rubble of Qeshm?"),
        sentences(text));
  }

  @Test
  void treatsEveryLineBreakAsABoundaryAndSkipsBlankLines() {
    String text = "Headline Without A Stop\n\n  First paragraph here.\r\n\nSecond one";
    assertEquals(List.of("Headline Without A Stop", "First paragraph here.", "Second one"),
        sentences(text));
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "  Clinton met Netanyahu.  She flew on to Cairo.\n\n\"We will act,\" he said. ";
    for (TextSpan s : splitter.split(text)) {
      String sentence = text.substring(s.start(), s.end());
      assertEquals(sentence.strip(), sentence);
    }
    assertEquals(List.of("Clinton met Netanyahu.", "She flew on to Cairo.",
        "\"We will act,\" he said."), sentences(text));
  }

  @Test
  void returnsNothingForEmptyText() {
    assertEquals(List.of(), sentences(""));
    assertEquals(List.of(), sentences(" \n \n"));
  }
}
