package org.corroborate.facts;

import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * One statement of the facts table: which fact group it belongs to, whether that fact is shared by
 * several independent sources, reported by one source only, or disputed, and where the statement
 * sits in its article.
 *
 * <p>{@code start}/{@code end} are character offsets into the article's original text, so
 * {@code text.substring(start, end)} equals {@link #getText()}. {@code kind} is {@code "sentence"}
 * or {@code "quote"}; {@code speaker} is set for quotes whose speaker was found. {@code sourceCount}
 * is the number of independent sources in the fact group; {@code conflict} is a short detail such as
 * {@code "number: 3 vs 5"} when the group's statements disagree, else null.
 */
public class FactRow implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Bean encoder for Datasets of fact rows. */
  public static final Encoder<FactRow> ENCODER = Encoders.bean(FactRow.class);

  /** Status of a fact reported by two or more independent sources. */
  public static final String SHARED = "shared";
  /** Status of a fact reported by one source only. */
  public static final String UNIQUE = "unique";
  /** Status of a fact whose aligned statements differ in a number, date or name. */
  public static final String CONFLICT = "conflict";
  /** Kind of a statement that is a whole sentence. */
  public static final String SENTENCE = "sentence";
  /** Kind of a statement that is a quotation. */
  public static final String QUOTE = "quote";

  private String storyId;
  private String factId;
  private String status;
  private String articleId;
  private String source;
  private int start;
  private int end;
  private String text;
  private String kind;
  private String speaker;
  private int sourceCount;
  private String conflict;

  /** Empty row for bean frameworks. */
  public FactRow() {}

  /** Row with every field set. */
  public FactRow(String storyId, String factId, String status, String articleId, String source,
      int start, int end, String text, String kind, String speaker, int sourceCount,
      String conflict) {
    this.storyId = storyId;
    this.factId = factId;
    this.status = status;
    this.articleId = articleId;
    this.source = source;
    this.start = start;
    this.end = end;
    this.text = text;
    this.kind = kind;
    this.speaker = speaker;
    this.sourceCount = sourceCount;
    this.conflict = conflict;
  }

  public String getStoryId() { return storyId; }
  public void setStoryId(String storyId) { this.storyId = storyId; }
  public String getFactId() { return factId; }
  public void setFactId(String factId) { this.factId = factId; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getArticleId() { return articleId; }
  public void setArticleId(String articleId) { this.articleId = articleId; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public int getStart() { return start; }
  public void setStart(int start) { this.start = start; }
  public int getEnd() { return end; }
  public void setEnd(int end) { this.end = end; }
  public String getText() { return text; }
  public void setText(String text) { this.text = text; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getSpeaker() { return speaker; }
  public void setSpeaker(String speaker) { this.speaker = speaker; }
  public int getSourceCount() { return sourceCount; }
  public void setSourceCount(int sourceCount) { this.sourceCount = sourceCount; }
  public String getConflict() { return conflict; }
  public void setConflict(String conflict) { this.conflict = conflict; }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FactRow r)) {
      return false;
    }
    return start == r.start && end == r.end && sourceCount == r.sourceCount
        && Objects.equals(storyId, r.storyId) && Objects.equals(factId, r.factId)
        && Objects.equals(status, r.status) && Objects.equals(articleId, r.articleId)
        && Objects.equals(source, r.source) && Objects.equals(text, r.text)
        && Objects.equals(kind, r.kind) && Objects.equals(speaker, r.speaker)
        && Objects.equals(conflict, r.conflict);
  }

  @Override
  public int hashCode() {
    return Objects.hash(storyId, factId, articleId, start, end, kind);
  }

  @Override
  public String toString() {
    return "FactRow{" + factId + " " + status + " " + articleId + "[" + start + "," + end + ") "
        + kind + (speaker == null ? "" : " by " + speaker) + " n=" + sourceCount
        + (conflict == null ? "" : " conflict=" + conflict) + ": " + text + "}";
  }
}
