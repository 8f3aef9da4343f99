package org.corroborate.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidatePairsTest {
  @Test
  void selectsTheKthLargestValueWithDuplicates() {
    Random random = new Random(3);
    for (int round = 0; round < 500; round++) {
      int n = 1 + random.nextInt(60);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(8);
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int k = 1 + random.nextInt(n);
      assertEquals(sorted[n - k], CandidatePairs.kthLargest(values.clone(), n, k), 0.0);
    }
  }

  @Test
  void sortsPairsByCountingAndKeepsEachOnce() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(40);
      int count = random.nextInt(300);
      long[] pairs = new long[count + 5];
      for (int k = 0; k < count; k++) {
        int i = random.nextInt(n);
        int j = random.nextInt(n);
        pairs[k] = ((long) Math.min(i, j) << 32) | Math.max(i, j);
      }
      long[] expected = Arrays.stream(pairs, 0, count).sorted().distinct().toArray();
      assertArrayEquals(expected, CandidatePairs.sortedDistinct(pairs, count, n));
    }
  }

  @Test
  void keepsEachStatementsBestCandidatesBySharedWeightWithTiesToTheLowerIndex() {
    Random random = new Random(11);
    for (int round = 0; round < 30; round++) {
      int n = 20 + random.nextInt(60);
      int termCount = 15;
      double[] idf = new double[termCount];
      for (int t = 0; t < termCount; t++) {
        idf[t] = 1 + random.nextInt(3); // few distinct weights: many ties
      }
      List<Statement> statements = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int[] terms = random.ints(1 + random.nextInt(5), 0, termCount).sorted().distinct().toArray();
        statements.add(statement(i, random.nextInt(6), terms));
      }
      // Every other round some terms are too common to index, and only count as possibly shared.
      int maxPosting = round % 2 == 0 ? 40 : 8;
      FactSettings settings = FactSettings.DEFAULTS.withMaxCandidatesPerStatement(4)
          .withMaxPostingLength(maxPosting);
      assertEquals(bruteForce(statements, idf, 4, maxPosting, settings.minSharedTerms()),
          toList(CandidatePairs.find(statements, termCount, idf, settings)));
    }
  }

  /**
   * The contract spelled out: rank every other article's statement that can share
   * {@code minShared} terms, keep the first few.
   */
  private static List<Long> bruteForce(List<Statement> statements, double[] idf, int keep,
      int maxPosting, int minShared) {
    int[] df = new int[idf.length];
    for (Statement s : statements) {
      for (int t : s.terms) {
        df[t]++;
      }
    }
    java.util.TreeSet<Long> out = new java.util.TreeSet<>();
    for (Statement a : statements) {
      List<double[]> ranked = new ArrayList<>();
      for (Statement b : statements) {
        if (b.article == a.article) {
          continue;
        }
        double w = 0;
        int shared = 0;
        for (int t : a.terms) {
          if (df[t] > 1 && df[t] <= maxPosting && Arrays.binarySearch(b.terms, t) >= 0) {
            w += idf[t];
            shared++;
          }
        }
        if (w > 0 && shared + Math.min(common(a, df, maxPosting), common(b, df, maxPosting)) >= minShared) {
          ranked.add(new double[] {w, b.index});
        }
      }
      ranked.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
      for (int k = 0; k < Math.min(keep, ranked.size()); k++) {
        int i = a.index;
        int j = (int) ranked.get(k)[1];
        out.add(i < j ? ((long) i << 32) | j : ((long) j << 32) | i);
      }
    }
    return new ArrayList<>(out);
  }

  private static int common(Statement s, int[] df, int maxPosting) {
    return (int) Arrays.stream(s.terms).filter(t -> df[t] > maxPosting).count();
  }

  @Test
  void aPartnerSharingOneRareTermGivesWayToOneThatCanLink() {
    // Statement 0 shares one very rare term with statement 1 and two commoner ones with statement 2.
    List<Statement> statements = List.of(
        statement(0, 0, new int[] {0, 1, 2}),
        statement(1, 1, new int[] {0, 3}),
        statement(2, 2, new int[] {1, 2}),
        statement(3, 3, new int[] {1, 2, 3}));
    double[] idf = {10, 1, 1, 1};
    FactSettings settings = FactSettings.DEFAULTS.withMaxCandidatesPerStatement(1);
    // By shared weight alone, 0 would keep 1 (weight 10). 1 shares one term with anyone and keeps
    // nobody; 0 keeps 2 (tied with 3, the lower index), and 2 and 3 each keep 0.
    assertEquals(List.of(2L, 3L),
        toList(CandidatePairs.find(statements, idf.length, idf, settings)));
  }

  private static List<Long> toList(long[] pairs) {
    List<Long> out = new ArrayList<>();
    for (long p : pairs) {
      out.add(p);
    }
    return out;
  }

  @Test
  void sortsLinksStrongestFirstThenByPair() {
    long[] pairs = {1, 2, 3, 4, 5};
    double[] scores = {0.5, 0.9, 0.5, 0.1, 0.9};
    int[] idx = {0, 1, 2, 3, 4};
    FactGrouper.sortStrongestFirst(idx, idx.length, pairs, scores);
    assertArrayEquals(new int[] {1, 4, 0, 2, 3}, idx);
  }

  private static Statement statement(int index, int article, int... terms) {
    Statement s = new Statement(index, article, 0, 1, FactRow.SENTENCE, null, true);
    s.terms = terms;
    return s;
  }
}
