package org.corroborate.facts;

/**
 * One statement of one article, with the precomputed term vector the similarity needs.
 *
 * <p>{@code terms} are story-local term ids, sorted and distinct, and {@code weights} their IDF
 * weights; {@code norm} and {@code weightSum} are computed once so that comparing two statements is a
 * single merge of two sorted arrays.
 */
final class Statement {
  final int index;
  final int article;
  final int start;
  final int end;
  final String kind;
  final String speaker;
  final boolean aligned;
  int[] terms = new int[0];
  double[] weights = new double[0];
  double norm;
  double weightSum;

  Statement(int index, int article, int start, int end, String kind, String speaker,
      boolean aligned) {
    this.index = index;
    this.article = article;
    this.start = start;
    this.end = end;
    this.kind = kind;
    this.speaker = speaker;
    this.aligned = aligned;
  }
}
