package org.corroborate.ingest;

/** Why ingest rejected a record; the code is what {@code rejected/} shows in its reason column. */
public enum RejectReason {
  MALFORMED_RECORD("malformed_record", "the record could not be parsed"),
  BROKEN_ENCODING("broken_encoding", "the bytes are not valid UTF-8"),
  MISSING_TEXT("missing_text", "the text field is missing or blank"),
  OVERSIZED_TEXT("oversized_text", "the text is longer than --max-text-chars"),
  UNREADABLE_DATE("unreadable_date", "the published date could not be read (see --on-bad-date)"),
  DUPLICATE_ID("duplicate_id", "another record earlier in the input has the same id");

  private final String code;
  private final String description;

  RejectReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The short code written to the reason column. */
  public String code() {
    return code;
  }

  /** A sentence for people reading the report. */
  public String description() {
    return description;
  }
}
