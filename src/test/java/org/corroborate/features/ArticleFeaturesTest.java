package org.corroborate.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ArticleFeaturesTest {
  private static final Set<String> STOP = Set.of("the", "in", "at", "a", "of");

  @Test
  void termsHoldWordsPhrasesAndNames() {
    String title = "Quake hits Chile";
    String body = "Rescuers reached the town of Talca in Chile.";
    Row row = ArticleFeatures.featureRow("a1", null, title, body, Set.of(), STOP, new MinHasher(3, 4, 2));
    long[] terms = TermVocabulary.unpack((byte[]) row.get(1));
    Set<Long> hashes = new HashSet<>();
    for (long t : terms) {
      hashes.add(t);
    }
    assertEquals(terms.length, hashes.size(), "terms are distinct");
    for (String word : List.of("quake", "hits", "chile", "rescuers", "talca", "quake hits", "hits chile",
        "rescuers reached", "town talca", "talca chile")) {
      assertTrue(hashes.contains(TermVocabulary.word(word)), word);
    }
    assertTrue(hashes.contains(TermVocabulary.name("talca")));
    assertTrue(hashes.contains(TermVocabulary.name("chile")));
    assertFalse(hashes.contains(TermVocabulary.name("rescuers")), "a sentence's first word is no name");
    assertFalse(hashes.contains(TermVocabulary.word("the")), "stop words are left out");

    // The same article gives each term's wording back, names without a marker.
    Map<Long, String> strings = ArticleFeatures.termStrings(title, body, STOP);
    assertEquals("town talca", strings.get(TermVocabulary.word("town talca")));
    assertEquals("talca", strings.get(TermVocabulary.name("talca")));
    assertEquals(hashes, strings.keySet());
  }

  @Test
  void sharpenRaisesIdfToThePowerKeepingTermFrequency() {
    double[] idf = {0.5, 2.0, 3.0, 0.0};
    // tf * idf: term 1 twice (2 * 2.0), term 2 once, term 3 in every article (idf 0).
    Vector v = Vectors.sparse(4, new int[] {1, 2, 3}, new double[] {4.0, 3.0, 0.0});
    Vector sharp = ArticleFeatures.sharpen(v, idf, 2);
    assertArrayEquals(new double[] {0, 2 * 2.0 * 2.0, 3.0 * 3.0, 0}, sharp.toArray(), 1e-12);
    assertSame(v, ArticleFeatures.sharpen(v, idf, 1));
  }

  @Test
  void sharpenedWeightsFavourTheRareTermTwoArticlesShare() {
    // Two articles share a common word (idf 1) and a rare name (idf 4); the rare term's share of
    // their similarity grows with the power.
    double[] idf = {1.0, 4.0, 2.0};
    boolean[] isName = {false, false, false};
    Vector a = Vectors.sparse(3, new int[] {0, 1, 2}, new double[] {1.0, 4.0, 2.0});
    Vector b = Vectors.sparse(3, new int[] {0, 1}, new double[] {1.0, 4.0});
    double plain = dot(ArticleFeatures.salientTerms(a, 10, isName, 0),
        ArticleFeatures.salientTerms(b, 10, isName, 0));
    double sharp = dot(ArticleFeatures.salientTerms(ArticleFeatures.sharpen(a, idf, 2), 10, isName, 0),
        ArticleFeatures.salientTerms(ArticleFeatures.sharpen(b, idf, 2), 10, isName, 0));
    // Plain: (1 + 16) / (sqrt(21) * sqrt(17)); sharpened: (1 + 256) / (sqrt(273) * sqrt(257)).
    assertEquals(17 / Math.sqrt(21 * 17), plain, 1e-6);
    assertEquals(257 / Math.sqrt(273.0 * 257), sharp, 1e-6);
    assertTrue(sharp > plain);
  }

  private static double dot(Row x, Row y) {
    int[] tx = (int[]) x.get(0);
    float[] wx = (float[]) x.get(1);
    int[] ty = (int[]) y.get(0);
    float[] wy = (float[]) y.get(1);
    double s = 0;
    for (int i = 0; i < tx.length; i++) {
      for (int j = 0; j < ty.length; j++) {
        if (tx[i] == ty[j]) {
          s += (double) wx[i] * wy[j];
        }
      }
    }
    return s;
  }

  /** The definition of the salient terms: all terms sorted by weight, then index; the first top. */
  private static int[] sortedTop(int[] indices, double[] values, int top) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a])
        : Integer.compare(indices[a], indices[b]));
    int[] out = new int[Math.min(top, order.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = indices[order[i]];
    }
    return out;
  }

  @Test
  void salientTermsAreTheTopOfAllTermsSortedByWeightThenIndex() {
    Random random = new Random(23);
    boolean[] isName = new boolean[500];
    for (int i = 0; i < isName.length; i++) {
      isName[i] = random.nextInt(4) == 0;
    }
    double[] idf = new double[500];
    for (int i = 0; i < idf.length; i++) {
      // Few distinct weights, as terms of one document frequency share their IDF: many ties.
      idf[i] = 1 + random.nextInt(6) * 0.5;
    }
    double[] sharpened = ArticleFeatures.sharpenedIdf(idf, 1.5);
    for (int n = 0; n < 300; n++) {
      int[] indices = random.ints(random.nextInt(200), 0, 500).distinct().sorted().toArray();
      double[] values = new double[indices.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = sharpened[indices[i]];
      }
      Vector v = Vectors.sparse(500, indices, Arrays.stream(indices).mapToDouble(t -> idf[t]).toArray());
      assertArrayEquals(ArticleFeatures.sharpen(v, idf, 1.5).toSparse().values(), values, "sharpened weights");
      int top = 1 + random.nextInt(60);
      // The weights are scaled in place: the ranking is over the scaled weights.
      double[] scaledValues = values.clone();
      Row chosen = ArticleFeatures.salientTerms(indices, scaledValues, top, isName, 0.4);
      int[] expected = sortedTop(indices, scaledValues, top);
      assertArrayEquals(expected, (int[]) chosen.get(0));
      float[] weights = (float[]) chosen.get(1);
      for (int i = 0; i < expected.length; i++) {
        assertEquals((float) scaledValues[Arrays.binarySearch(indices, expected[i])], weights[i]);
      }
    }
  }

  @Test
  void termCountsAddUpToEachTermsArticlesWhateverTheChunks() {
    Random random = new Random(31);
    Map<Long, Long> expected = new java.util.TreeMap<>();
    List<byte[]> articles = packedArticles(random, 200, 40, () -> (long) random.nextInt(300) - 150, expected);
    for (int chunk : new int[] {1, 7, 100, 1 << 22}) {
      Map<Long, Long> counted = new java.util.TreeMap<>();
      java.util.Iterator<ArticleFeatures.Counted> counts = new ArticleFeatures.TermCounts(articles.iterator(), chunk);
      while (counts.hasNext()) {
        ArticleFeatures.Counted c = counts.next();
        for (int i = 0; i < c.size(); i++) {
          assertTrue(c.counts()[i] > 0);
          assertTrue(i == 0 || c.terms()[i - 1] < c.terms()[i], "distinct and ascending in a chunk");
          counted.merge(c.terms()[i], (long) c.counts()[i], Long::sum);
        }
      }
      assertEquals(expected, counted, "chunks of " + chunk);
    }
  }

  @Test
  void theVocabularyHoldsTheTermsOfTwoArticlesOrMoreWhateverTheTasks() {
    Random random = new Random(37);
    Map<Long, Long> articlesOf = new java.util.TreeMap<>();
    List<byte[]> articles = packedArticles(random, 300, 30, () -> random.nextLong() % 400, articlesOf);
    List<Long> expected = articlesOf.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).toList();
    assertTrue(expected.size() > 50 && expected.size() < articlesOf.size(), "some terms in one article only");
    int partitions = 3;
    for (int tasks : new int[] {1, 4}) {
      // Each task counts its share of the articles (in chunks of 50 terms); each partition keeps
      // the terms that reach it twice.
      List<List<byte[]>> byPartition = new java.util.ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        byPartition.add(new java.util.ArrayList<>());
      }
      for (int t = 0; t < tasks; t++) {
        List<byte[]> share = new java.util.ArrayList<>();
        for (int a = t; a < articles.size(); a += tasks) {
          share.add(articles.get(a));
        }
        java.util.Iterator<scala.Tuple2<Integer, byte[]>> chunks =
            ArticleFeatures.distinctTerms(new ArticleFeatures.TermCounts(share.iterator(), 50), partitions);
        chunks.forEachRemaining(c -> byPartition.get(c._1()).add(c._2()));
      }
      List<Long> kept = new java.util.ArrayList<>();
      for (List<byte[]> chunks : byPartition) {
        for (long term : ArticleFeatures.inTwoOrMore(chunks.iterator())) {
          kept.add(term);
        }
      }
      kept.sort(null);
      assertEquals(expected, kept, tasks + " tasks");
    }
  }

  /**
   * {@code n} articles' packed terms, each fewer than {@code maxTerms} drawn from {@code term};
   * counts each term's articles into {@code articlesOf}.
   */
  private static List<byte[]> packedArticles(Random random, int n, int maxTerms, java.util.function.LongSupplier term,
      Map<Long, Long> articlesOf) {
    List<byte[]> articles = new java.util.ArrayList<>();
    for (int a = 0; a < n; a++) {
      Set<Long> terms = new HashSet<>();
      for (int i = random.nextInt(maxTerms); i > 0; i--) {
        terms.add(term.getAsLong());
      }
      terms.forEach(t -> articlesOf.merge(t, 1L, Long::sum));
      articles.add(TermVocabulary.pack(terms));
    }
    return articles;
  }
}
