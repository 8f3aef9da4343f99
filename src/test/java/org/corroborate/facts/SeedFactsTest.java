package org.corroborate.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance on the project's seed articles: three outlets covering Clinton's Gaza trip. */
class SeedFactsTest {
  private static final String A = "000_3d423fc7da908be1";
  private static final String B = "001_5efbadf54f5e9119";
  private static final String C = "002_d0908274bd6651c1";

  private static List<StoryArticle> articles;
  private static List<FactRow> rows;

  @BeforeAll
  static void alignSeeds() throws IOException {
    articles = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(p);
        String id = p.getFileName().toString().replaceFirst("\\.txt$", "");
        articles.add(new StoryArticle(id, null, null, text.lines().findFirst().orElse(""), text));
      }
    }
    rows = new FactAligner(FactSettings.DEFAULTS).align("seed-story", articles);
  }

  private static List<FactRow> containing(String articleId, String... phrases) {
    return rows.stream().filter(r -> r.getArticleId().equals(articleId))
        .filter(r -> Stream.of(phrases).allMatch(p -> r.getText().contains(p))).toList();
  }

  private static void assertShared(String a, String[] phrasesA, String b, String[] phrasesB) {
    List<FactRow> inA = containing(a, phrasesA);
    List<FactRow> inB = containing(b, phrasesB);
    assertFalse(inA.isEmpty(), "no statement in " + a);
    assertFalse(inB.isEmpty(), "no statement in " + b);
    boolean shared = inA.stream().anyMatch(x -> inB.stream().anyMatch(
        y -> x.getFactId().equals(y.getFactId()) && x.getStatus().equals(FactRow.SHARED)));
    assertTrue(shared, "not one shared fact: " + inA + " / " + inB);
  }

  private static void assertUnique(String a, String... phrases) {
    List<FactRow> in = containing(a, phrases);
    assertFalse(in.isEmpty(), "no statement in " + a);
    for (FactRow r : in) {
      assertEquals(FactRow.UNIQUE, r.getStatus(), r.toString());
      assertEquals(1, r.getSourceCount());
    }
  }

  @Test
  void sharesNetanyahusQuoteOnADiplomaticSolution() {
    assertShared(B, new String[] {"possibility of achieving a long-term solution"},
        C, new String[] {"possibility of achieving a long term solution"});
    FactRow quote = containing(C, "possibility of achieving").stream()
        .filter(r -> r.getKind().equals(FactRow.QUOTE)).findFirst().orElseThrow();
    assertEquals("Netanyahu", quote.getSpeaker());
  }

  @Test
  void sharesTheUsWorkingWithItsPartnersTowardSecurityForIsrael() {
    assertShared(B, new String[] {"bolsters security for the people of Israel"},
        C, new String[] {"bolsters security for the people of Israel"});
  }

  @Test
  void sharesClintonsMeetingWithNetanyahu() {
    assertShared(B, new String[] {"met", "Netanyahu"}, C, new String[] {"late-night meeting"});
  }

  @Test
  void keepsTheBlockedSecurityCouncilStatementUnique() {
    assertUnique(C, "blocked a U.N. Security Council statement");
  }

  @Test
  void keepsTheCallWithTheQatariPrimeMinisterUnique() {
    assertUnique(A, "Qatari Prime Minister");
  }

  @Test
  void keepsTheOnwardTravelToRamallahAndCairoUnique() {
    assertUnique(B, "travel to Ramallah");
  }

  @Test
  void everyRowPointsAtItsStatementInTheOriginalText() {
    for (FactRow r : rows) {
      String text = articles.stream().filter(a -> a.getId().equals(r.getArticleId())).findFirst()
          .orElseThrow().getText();
      assertEquals(r.getText(), text.substring(r.getStart(), r.getEnd()));
    }
  }
}
