package org.corroborate.facts;

import java.io.Serializable;

/**
 * A half-open character range {@code [start, end)} of an article's original text.
 *
 * @param start first character
 * @param end one past the last character
 */
record TextSpan(int start, int end) implements Serializable {
  TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
    }
  }

  /** The covered text. */
  String of(String text) {
    return text.substring(start, end);
  }
}
