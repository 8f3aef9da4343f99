package org.corroborate.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corroborate.util.ParentLinks;

/**
 * Which articles of a story are one independent source.
 *
 * <p>Two articles are the same source when they share a non-null {@code duplicateGroup} (copies of one
 * text) or a non-null {@code source}; the relation is closed transitively (a copy republished by an
 * outlet that also wrote its own article is still that outlet). An article with neither is a source of
 * its own. Output: a source number per article.
 */
final class IndependentSources {
  private IndependentSources() {}

  /** Source number of each article; equal numbers mean one independent source. */
  static int[] of(List<StoryArticle> articles) {
    int n = articles.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstByKey = new HashMap<>();
    for (int i = 0; i < n; i++) {
      StoryArticle a = articles.get(i);
      if (a.getDuplicateGroup() != null) {
        union(parent, i, firstByKey.computeIfAbsent("d\u0000" + a.getDuplicateGroup(), k -> -1), firstByKey,
            "d\u0000" + a.getDuplicateGroup());
      }
      if (a.getSource() != null) {
        union(parent, i, firstByKey.computeIfAbsent("s\u0000" + a.getSource(), k -> -1), firstByKey,
            "s\u0000" + a.getSource());
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = ParentLinks.find(parent, i);
    }
    return out;
  }

  private static void union(int[] parent, int i, int first, Map<String, Integer> firstByKey,
      String key) {
    if (first < 0) {
      firstByKey.put(key, i);
      return;
    }
    int a = ParentLinks.find(parent, i);
    int b = ParentLinks.find(parent, first);
    if (a != b) {
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
}
