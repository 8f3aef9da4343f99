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

  @Test
  void sentenceWordsJoinToTheTextsWords() {
    String text = "Israel's 3.5% rise, U.S. officials said!\r\nThe \uFF0Efull\u3000width \uFB01le \u2026 don\u2019t "
        + "'quote' x'.y? 2 of 3";
    List<List<String>> sentences = Tokenizer.sentenceWords(text);
    assertEquals(List.of(List.of("israel", "3"), List.of("5", "rise", "u"), List.of("s"),
        List.of("officials", "said"), List.of("the", "full", "width", "file", "don", "quote", "x"),
        List.of("y"), List.of("2", "of", "3")), sentences);
    assertEquals(Tokenizer.words(text), sentences.stream().flatMap(List::stream).toList());
    assertEquals(List.of("israel 3", "5 rise", "officials said", "full width", "width file", "file don",
        "don quote", "2 3"), Tokenizer.phrasesOfSentences(sentences, Set.of("the", "of"), 2));
    assertEquals(Tokenizer.phrases(text, Set.of("the", "of"), 2),
        Tokenizer.phrasesOfSentences(sentences, Set.of("the", "of"), 2));
  }
}
