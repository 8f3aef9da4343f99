package org.corroborate.facts;

import java.io.Serializable;

/**
 * How strongly two statements state the same fact, from their IDF-weighted content terms.
 *
 * <p>Two views are combined. The cosine of the binary TF-IDF vectors (Salton and Buckley 1988)
 * catches rewordings of a whole sentence; the weighted containment of the shorter statement in the
 * longer one (Broder 1997's containment, with IDF weights) catches a partial quote or a shortened
 * sentence. The score is the larger of the cosine and the containment scaled so that the containment
 * threshold lands on the link threshold; a pair links when the score reaches
 * {@link FactSettings#linkThreshold()} and the statements share at least
 * {@link FactSettings#minSharedTerms()} terms, so a shared topic word or a name alone never links.
 */
final class StatementSimilarity implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FactSettings settings;
  private final double containmentScale;

  StatementSimilarity(FactSettings settings) {
    this.settings = settings;
    this.containmentScale = settings.linkThreshold() / settings.containmentThreshold();
  }

  /** Similarity score of two statements in [0, 1]; 0 when they share too few terms. */
  double score(Statement a, Statement b) {
    int[] ta = a.terms;
    int[] tb = b.terms;
    int i = 0;
    int j = 0;
    int shared = 0;
    double dot = 0;
    double sharedWeight = 0;
    while (i < ta.length && j < tb.length) {
      int x = ta[i];
      int y = tb[j];
      if (x == y) {
        double w = a.weights[i];
        dot += w * w;
        sharedWeight += w;
        shared++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    if (shared < settings.minSharedTerms() || a.norm == 0 || b.norm == 0) {
      return 0;
    }
    double cosine = dot / (a.norm * b.norm);
    double containment = sharedWeight / Math.min(a.weightSum, b.weightSum);
    return Math.min(1.0, Math.max(cosine, containment * containmentScale));
  }

  /** True when a score is high enough for the two statements to state the same fact. */
  boolean links(double score) {
    return score >= settings.linkThreshold();
  }
}
