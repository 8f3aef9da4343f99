package org.corroborate.gen;

import java.util.HashMap;
import java.util.Map;

/** The facts of one event by slot name; a few dozen strings, the only per-story state besides texts. */
final class Facts {
  private final Map<String, String> values = new HashMap<>();

  void put(String slot, String value) {
    values.put(slot, value);
  }

  /** Returns the value of {@code slot}, or {@code null}. */
  String get(String slot) {
    return values.get(slot);
  }

  boolean containsValue(String value) {
    return values.containsValue(value);
  }
}
