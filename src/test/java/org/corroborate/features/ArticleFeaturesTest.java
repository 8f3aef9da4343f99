package org.corroborate.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
}
