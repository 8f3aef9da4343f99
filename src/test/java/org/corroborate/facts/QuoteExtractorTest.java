package org.corroborate.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteExtractorTest {
  private final QuoteExtractor extractor = new QuoteExtractor(4);

  private static String quoted(String text, QuoteExtractor.Quote q) {
    return text.substring(q.start(), q.end());
  }

  @Test
  void findsSpeakerNamedAfterTheQuote() {
    String text = "\"We prefer a diplomatic solution to this problem,\" Netanyahu said.";
    List<QuoteExtractor.Quote> quotes = extractor.extract(text);
    assertEquals(1, quotes.size());
    assertEquals("We prefer a diplomatic solution to this problem", quoted(text, quotes.get(0)));
    assertEquals("Netanyahu", quotes.get(0).speaker());
  }

  @Test
  void findsSpeakerAfterTheVerb() {
    String text = "\"They pledged to stay in close touch,\" said the official.";
    assertEquals("the official", extractor.extract(text).get(0).speaker());
  }

  @Test
  void findsSpeakerBeforeTheQuote() {
    String text = "Clinton said: \"The goal must be a durable outcome for everyone.\"";
    List<QuoteExtractor.Quote> quotes = extractor.extract(text);
    assertEquals("Clinton", quotes.get(0).speaker());
    assertEquals("The goal must be a durable outcome for everyone.", quoted(text, quotes.get(0)));
  }

  @Test
  void skipsAnAppositiveAfterTheSpeaker() {
    String text = "\"We could not agree to this statement,\" Erin Pelton, spokeswoman for the "
        + "U.S. mission, was quoted in the report.";
    assertEquals("Erin Pelton", extractor.extract(text).get(0).speaker());
  }

  @Test
  void handlesCurlyQuotes() {
    String text = "“The talks will resume next week in Cairo,” the minister told reporters.";
    List<QuoteExtractor.Quote> quotes = extractor.extract(text);
    assertEquals("the minister", quotes.get(0).speaker());
    assertEquals("The talks will resume next week in Cairo", quoted(text, quotes.get(0)));
  }

  @Test
  void resolvesAPronounToTheLastNamedSpeaker() {
    String text = "Netanyahu said that Israel is defending itself.\n"
        + "\"No country can tolerate a wanton attack on its civilians,\" he said.";
    assertEquals("Netanyahu", extractor.extract(text).get(0).speaker());
  }

  @Test
  void attributesAQuoteThatRunsIntoTheNextParagraph() {
    String text = "\"We appreciate the personal leadership of the president.\n"
        + "\"I will carry this message to Cairo tomorrow,\" Clinton said.";
    List<QuoteExtractor.Quote> quotes = extractor.extract(text);
    assertEquals(2, quotes.size());
    assertEquals("Clinton", quotes.get(0).speaker());
    assertEquals("We appreciate the personal leadership of the president.",
        quoted(text, quotes.get(0)));
  }

  @Test
  void ignoresShortScareQuotesAndUnattributedQuotes() {
    String text = "She called for a \"durable outcome\" in the region. "
        + "The plan was described as \"a very bold and ambitious step forward\" by critics.";
    assertTrue(extractor.extract(text).isEmpty());
  }
}
