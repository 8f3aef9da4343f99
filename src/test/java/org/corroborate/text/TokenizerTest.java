package org.corroborate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  @Test
  void lowerCasesWordsAndDropsClitics() {
    assertEquals(List.of("israel", "right", "to", "self", "defence", "don", "stop"),
        Tokenizer.words("Israel's right to \"self-defence\" \u2014 don't stop!"));
  }

  @Test
  void normalisesCompatibilityCharacters() {
    assertEquals(List.of("file", "2"), Tokenizer.words("\uFB01le \u2461".replace("\u2461", "2")));
  }

  @Test
  void removesStopWordsAndShortWordsButKeepsNumbers() {
    assertEquals(List.of("killed", "5", "people"),
        Tokenizer.words("It killed 5 of the people", Set.of("it", "of", "the"), 2));
  }

  @Test
  void findsNamesInsideSentencesButNotSentenceOpeners() {
    List<String> names = Tokenizer.names(
        "Officials said Hillary Clinton met Netanyahu in Jerusalem. The talks ended.\nReporters waited.",
        Set.of("the"));
    assertEquals(List.of("hillary", "clinton", "netanyahu", "jerusalem"), names);
  }

  @Test
  void pairsAdjacentContentWordsWithinASentenceOnly() {
    List<String> phrases = Tokenizer.phrases(
        "Klitschko stopped Tony Thompson at the Stade de Suisse. Fans cheered!\nA new line", 
        Set.of("at", "the", "de", "a"), 2);
    assertEquals(List.of("klitschko stopped", "stopped tony", "tony thompson", "thompson stade",
        "stade suisse", "fans cheered", "new line"), phrases);
  }

  @Test
  void findsNoPhrasesInEmptyOrOneWordText() {
    assertEquals(List.of(), Tokenizer.phrases(null, Set.of(), 2));
    assertEquals(List.of(), Tokenizer.phrases("Earthquake.", Set.of(), 2));
  }
}
