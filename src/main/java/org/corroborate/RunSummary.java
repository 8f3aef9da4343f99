package org.corroborate;

import java.util.Map;

/**
 * What the command line prints when the job ends: the headline counts, where the report is, and
 * the evaluation scores when gold labels were given.
 */
public record RunSummary(Map<String, Object> overview, String output, double seconds, Map<String, Object> evaluation) {

  /** A few lines for the terminal. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("corroborate: done in %.1f s%n", seconds));
    overview.forEach((k, v) -> s.append(String.format("  %-24s %s%n", k.replace('_', ' '), v)));
    if (!evaluation.isEmpty()) {
      evaluation.forEach((k, v) -> s.append(String.format("  %-24s %s%n", "score " + k, v)));
    }
    s.append("  report: ").append(output).append("/report.html");
    return s.toString();
  }
}
