package org.corroborate.ingest;

/** Column names of the accepted-articles Dataset that ingest hands to the rest of the job. */
public final class Columns {
  public static final String ID = "id";
  public static final String SOURCE = "source";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String PUBLISHED = "published";
  public static final String URL = "url";
  public static final String GOLD_STORY = "gold_story";
  public static final String GOLD_DUPLICATE = "gold_duplicate";

  private Columns() {}
}
