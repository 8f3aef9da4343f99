package org.corroborate.facts;

import java.io.Serializable;

/**
 * One article of a story as the fact stage sees it.
 *
 * <p>A JavaBean so that Spark's bean encoder and plain Java code can both build it. {@code id} and
 * {@code text} are required by {@link FactAligner}; {@code source} may be null (the article is then a
 * source of its own) and {@code duplicateGroup} is null unless the duplicates stage put the article
 * into a group of copies, whose members count as one source. {@code title} is informational.
 */
public class StoryArticle implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String source;
  private String duplicateGroup;
  private String title;
  private String text;

  /** Empty article for bean frameworks. */
  public StoryArticle() {}

  /** Article with every field set. */
  public StoryArticle(String id, String source, String duplicateGroup, String title, String text) {
    this.id = id;
    this.source = source;
    this.duplicateGroup = duplicateGroup;
    this.title = title;
    this.text = text;
  }

  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public String getDuplicateGroup() { return duplicateGroup; }
  public void setDuplicateGroup(String duplicateGroup) { this.duplicateGroup = duplicateGroup; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getText() { return text; }
  public void setText(String text) { this.text = text; }

  @Override
  public String toString() {
    return "StoryArticle{id=" + id + ", source=" + source + ", duplicateGroup=" + duplicateGroup + "}";
  }
}
