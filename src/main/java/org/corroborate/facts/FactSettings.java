package org.corroborate.facts;

import java.io.Serializable;

/**
 * Settings of the fact stage, immutable, with defaults tuned on real labelled news (ECB+ train
 * topics) and changed through withers, each of which checks its argument.
 *
 * <p>Similarity thresholds apply to {@link StatementSimilarity}; the caps bound the work of one
 * story so that a story of thousands of articles costs a number of comparisons linear in its size.
 */
public final class FactSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default settings. */
  public static final FactSettings DEFAULTS = new FactSettings(0.30, 0.30, 0.03, 2, 200, 40, 400, 4);

  private final double linkThreshold;
  private final double containmentThreshold;
  private final double groupThreshold;
  private final int minSharedTerms;
  private final int maxStatementsPerArticle;
  private final int maxCandidatesPerStatement;
  private final int maxPostingLength;
  private final int minQuoteWords;

  private FactSettings(double linkThreshold, double containmentThreshold, double groupThreshold,
      int minSharedTerms, int maxStatementsPerArticle, int maxCandidatesPerStatement,
      int maxPostingLength, int minQuoteWords) {
    this.linkThreshold = check("linkThreshold", linkThreshold);
    this.containmentThreshold = check("containmentThreshold", containmentThreshold);
    this.groupThreshold = check("groupThreshold", groupThreshold);
    this.minSharedTerms = positive("minSharedTerms", minSharedTerms);
    this.maxStatementsPerArticle = positive("maxStatementsPerArticle", maxStatementsPerArticle);
    this.maxCandidatesPerStatement = positive("maxCandidatesPerStatement", maxCandidatesPerStatement);
    this.maxPostingLength = positive("maxPostingLength", maxPostingLength);
    this.minQuoteWords = positive("minQuoteWords", minQuoteWords);
  }

  /** Default settings (same as {@link #DEFAULTS}). */
  public static FactSettings defaults() {
    return DEFAULTS;
  }

  /** Weighted cosine at or above which two statements of different articles state the same fact; default 0.30. */
  public double linkThreshold() { return linkThreshold; }

  /** Share of the shorter statement's term weight found in the longer one at or above which a partial quote or shortened sentence links; default 0.30. */
  public double containmentThreshold() { return containmentThreshold; }

  /** Average similarity over all cross-article pairs two fact groups need to merge (average link); default 0.03. */
  public double groupThreshold() { return groupThreshold; }

  /** Content terms two statements must share to link at all; default 2. */
  public int minSharedTerms() { return minSharedTerms; }

  /** Statements per article that take part in alignment; later ones are reported as unique; default 200. */
  public int maxStatementsPerArticle() { return maxStatementsPerArticle; }

  /** Candidate statements scored per statement, the best by shared rare terms; default 40. */
  public int maxCandidatesPerStatement() { return maxCandidatesPerStatement; }

  /** Terms found in more statements than this are too common to propose candidates; default 400. */
  public int maxPostingLength() { return maxPostingLength; }

  /** Words a quotation needs to become a statement of its own; default 4. */
  public int minQuoteWords() { return minQuoteWords; }

  /** Copy with another {@link #linkThreshold()}. */
  public FactSettings withLinkThreshold(double v) {
    return new FactSettings(v, containmentThreshold, groupThreshold, minSharedTerms,
        maxStatementsPerArticle, maxCandidatesPerStatement, maxPostingLength, minQuoteWords);
  }

  /** Copy with another {@link #containmentThreshold()}. */
  public FactSettings withContainmentThreshold(double v) {
    return new FactSettings(linkThreshold, v, groupThreshold, minSharedTerms,
        maxStatementsPerArticle, maxCandidatesPerStatement, maxPostingLength, minQuoteWords);
  }

  /** Copy with another {@link #groupThreshold()}. */
  public FactSettings withGroupThreshold(double v) {
    return new FactSettings(linkThreshold, containmentThreshold, v, minSharedTerms,
        maxStatementsPerArticle, maxCandidatesPerStatement, maxPostingLength, minQuoteWords);
  }

  /** Copy with another {@link #minSharedTerms()}. */
  public FactSettings withMinSharedTerms(int v) {
    return new FactSettings(linkThreshold, containmentThreshold, groupThreshold, v,
        maxStatementsPerArticle, maxCandidatesPerStatement, maxPostingLength, minQuoteWords);
  }

  /** Copy with another {@link #maxStatementsPerArticle()}. */
  public FactSettings withMaxStatementsPerArticle(int v) {
    return new FactSettings(linkThreshold, containmentThreshold, groupThreshold, minSharedTerms,
        v, maxCandidatesPerStatement, maxPostingLength, minQuoteWords);
  }

  /** Copy with another {@link #maxCandidatesPerStatement()}. */
  public FactSettings withMaxCandidatesPerStatement(int v) {
    return new FactSettings(linkThreshold, containmentThreshold, groupThreshold, minSharedTerms,
        maxStatementsPerArticle, v, maxPostingLength, minQuoteWords);
  }

  /** Copy with another {@link #maxPostingLength()}. */
  public FactSettings withMaxPostingLength(int v) {
    return new FactSettings(linkThreshold, containmentThreshold, groupThreshold, minSharedTerms,
        maxStatementsPerArticle, maxCandidatesPerStatement, v, minQuoteWords);
  }

  /** Copy with another {@link #minQuoteWords()}. */
  public FactSettings withMinQuoteWords(int v) {
    return new FactSettings(linkThreshold, containmentThreshold, groupThreshold, minSharedTerms,
        maxStatementsPerArticle, maxCandidatesPerStatement, maxPostingLength, v);
  }

  private static double check(String name, double v) {
    if (!(v > 0.0 && v <= 1.0)) {
      throw new IllegalArgumentException(
          "Fact setting " + name + " must be in (0, 1], got " + v);
    }
    return v;
  }

  private static int positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException("Fact setting " + name + " must be >= 1, got " + v);
    }
    return v;
  }

  @Override
  public String toString() {
    return "FactSettings{linkThreshold=" + linkThreshold + ", containmentThreshold="
        + containmentThreshold + ", groupThreshold=" + groupThreshold + ", minSharedTerms="
        + minSharedTerms + ", maxStatementsPerArticle=" + maxStatementsPerArticle
        + ", maxCandidatesPerStatement=" + maxCandidatesPerStatement + ", maxPostingLength="
        + maxPostingLength + ", minQuoteWords=" + minQuoteWords + "}";
  }
}
