package org.corroborate.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactAlignerTest {
  private static final String QUAKE_A = "A strong earthquake struck the island of Sumatra on "
      + "Monday.\nThe earthquake killed 3 people and destroyed dozens of homes in Padang.\n"
      + "The local football team won its match on Sunday.";
  private static final String QUAKE_B = "Rescuers searched the rubble in Padang.\n"
      + "The earthquake killed 5 people and destroyed dozens of homes in Padang, officials said.";

  private final FactAligner aligner = new FactAligner(FactSettings.DEFAULTS);

  private static StoryArticle article(String id, String source, String group, String text) {
    return new StoryArticle(id, source, group, null, text);
  }

  private static FactRow rowContaining(List<FactRow> rows, String articleId, String phrase) {
    return rows.stream()
        .filter(r -> r.getArticleId().equals(articleId) && r.getText().contains(phrase))
        .findFirst().orElseThrow(() -> new AssertionError(articleId + ": no row with " + phrase));
  }

  @Test
  void flagsAlignedStatementsThatDisagreeOnACount() {
    List<FactRow> rows = aligner.align("s1",
        List.of(article("a", "x.com", null, QUAKE_A), article("b", "y.com", null, QUAKE_B)));
    FactRow a = rowContaining(rows, "a", "killed 3");
    FactRow b = rowContaining(rows, "b", "killed 5");
    assertEquals(a.getFactId(), b.getFactId());
    assertEquals(FactRow.CONFLICT, a.getStatus());
    assertEquals("number: 3 vs 5", a.getConflict());
    assertEquals(2, a.getSourceCount());
  }

  @Test
  void sharesAFactReportedByTwoIndependentSources() {
    String other = QUAKE_B.replace("killed 5", "killed 3");
    List<FactRow> rows = aligner.align("s1",
        List.of(article("a", null, null, QUAKE_A), article("b", null, null, other)));
    FactRow a = rowContaining(rows, "a", "killed 3");
    FactRow b = rowContaining(rows, "b", "killed 3");
    assertEquals(a.getFactId(), b.getFactId());
    assertEquals(FactRow.SHARED, a.getStatus());
    assertEquals(FactRow.UNIQUE, rowContaining(rows, "a", "football").getStatus());
  }

  @Test
  void countsCopiesInOneDuplicateGroupOnce() {
    List<FactRow> rows = aligner.align("s1", List.of(article("a", "x.com", "g1", QUAKE_A),
        article("b", "y.com", "g1", QUAKE_A)));
    FactRow a = rowContaining(rows, "a", "killed 3");
    FactRow b = rowContaining(rows, "b", "killed 3");
    assertEquals(a.getFactId(), b.getFactId());
    assertEquals(FactRow.UNIQUE, a.getStatus());
    assertEquals(1, a.getSourceCount());
  }

  @Test
  void countsTwoArticlesOfOneOutletOnce() {
    List<FactRow> rows = aligner.align("s1", List.of(article("a", "x.com", null, QUAKE_A),
        article("b", "x.com", null, QUAKE_A)));
    assertEquals(FactRow.UNIQUE, rowContaining(rows, "a", "killed 3").getStatus());
  }

  @Test
  void countsArticlesWithoutSourceAsSourcesOfTheirOwn() {
    List<FactRow> rows = aligner.align("s1", List.of(article("a", null, null, QUAKE_A),
        article("b", null, null, QUAKE_A), article("c", "x.com", "g", QUAKE_A)));
    FactRow a = rowContaining(rows, "a", "killed 3");
    assertEquals(FactRow.SHARED, a.getStatus());
    assertEquals(3, a.getSourceCount());
  }

  @Test
  void reportsEveryStatementExactlyOnceWithOffsetsIntoTheText() {
    List<StoryArticle> articles = List.of(article("a", null, null, QUAKE_A),
        article("b", null, null, QUAKE_B),
        article("c", null, null, "\"The earthquake killed 3 people in Padang,\" the governor "
            + "told reporters on Monday."));
    List<FactRow> rows = aligner.align("s1", articles);
    Set<String> seen = new HashSet<>();
    for (FactRow r : rows) {
      String text = articles.stream().filter(x -> x.getId().equals(r.getArticleId())).findFirst()
          .orElseThrow().getText();
      assertEquals(r.getText(), text.substring(r.getStart(), r.getEnd()));
      assertTrue(seen.add(r.getArticleId() + ":" + r.getStart() + ":" + r.getEnd() + ":"
          + r.getKind()), "statement reported twice: " + r);
    }
    assertEquals(3 + 2 + 2, rows.size());
    FactRow quote = rows.stream().filter(r -> r.getKind().equals(FactRow.QUOTE)).findFirst()
        .orElseThrow();
    assertEquals("the governor", quote.getSpeaker());
    assertEquals("The earthquake killed 3 people in Padang", quote.getText());
  }

  @Test
  void givesTheSameRowsAndIdsWhateverTheArticleOrder() {
    List<StoryArticle> articles = new ArrayList<>(List.of(article("a", null, null, QUAKE_A),
        article("b", "y.com", null, QUAKE_B), article("c", null, null, QUAKE_A + "\nMore.")));
    List<FactRow> first = aligner.align("s1", articles);
    Collections.shuffle(articles, new Random(7));
    assertEquals(first, aligner.align("s1", articles));
    assertEquals("s1-f0", first.get(0).getFactId());
  }

  @Test
  void keepsDifferentFactsOfOneTopicApart() {
    List<FactRow> rows = aligner.align("s1", List.of(
        article("a", null, null, "The earthquake destroyed the main hospital in Padang."),
        article("b", null, null, "The earthquake forced schools in Padang to close for a week.")));
    assertNotEquals(rows.get(0).getFactId(), rows.get(1).getFactId());
    assertEquals(FactRow.UNIQUE, rows.get(0).getStatus());
  }

  @Test
  void reportsStatementsBeyondThePerArticleCapAsUnique() {
    FactAligner capped = new FactAligner(FactSettings.DEFAULTS.withMaxStatementsPerArticle(1));
    List<FactRow> rows = capped.align("s1",
        List.of(article("a", null, null, QUAKE_A), article("b", null, null, QUAKE_A)));
    assertEquals(6, rows.size());
    assertEquals(FactRow.SHARED, rowContaining(rows, "a", "Sumatra").getStatus());
    assertEquals(FactRow.UNIQUE, rowContaining(rows, "a", "killed 3").getStatus());
  }

  @Test
  void boundsCandidatePairsOfAStoryOfTwoThousandArticles() {
    FactSettings settings = FactSettings.DEFAULTS;
    List<StoryArticle> articles = new ArrayList<>();
    Random random = new Random(1);
    String[] words = {"quake", "rescue", "padang", "homes", "killed", "hospital", "governor",
        "aid", "rubble", "aftershock", "school", "bridge", "army", "red", "cross", "tents"};
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder();
      for (int s = 0; s < 5; s++) {
        for (int w = 0; w < 10; w++) {
          text.append(words[random.nextInt(words.length)]).append(' ');
        }
        text.append("item").append(random.nextInt(50)).append(".\n");
      }
      articles.add(article("a" + i, "src" + (i % 300), null, text.toString()));
    }
    List<FactRow> rows = new FactAligner(settings).align("big", articles);
    assertEquals(2000 * 5, rows.size());

    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      Statement st = new Statement(i, i / 5, 0, 1, FactRow.SENTENCE, null, true);
      st.terms = new int[] {0, 1, 2, 3 + i % 7};
      statements.add(st);
    }
    double[] idf = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    long[] pairs = CandidatePairs.find(statements, idf.length, idf,
        settings.withMaxPostingLength(5_000).withMaxCandidatesPerStatement(25));
    // Every statement shares terms with every other, yet pairs stay within statements x cap.
    assertTrue(pairs.length <= 3_000L * 25, "pairs: " + pairs.length);
    assertTrue(pairs.length > 3_000, "pairs: " + pairs.length);
    for (long p : pairs) {
      assertNotEquals(statements.get((int) (p >>> 32)).article, statements.get((int) p).article);
    }
  }

  @Test
  void handlesAnEmptyStoryAndEmptyTexts() {
    assertEquals(List.of(), aligner.align("s1", List.of()));
    assertEquals(List.of(), aligner.align("s1", List.of(article("a", null, null, ""),
        article("b", null, null, null))));
  }
}
