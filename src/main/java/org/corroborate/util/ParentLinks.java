package org.corroborate.util;

/**
 * A forest of parent links in an int array, as the union-find steps of the job keep their sets
 * (Tarjan 1975): a root is its own parent.
 */
public final class ParentLinks {
  private ParentLinks() {}

  /** The root of {@code i}, halving the path on the way. */
  public static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
