package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.corroborate.spark.Plans;

/**
 * Weighs each story pair by the neighbours its two articles share: second-order similarity
 * (Jarvis and Patrick 1973; here as the cosine of the two articles' similarity profiles). Articles
 * about one event are all alike and share their neighbours; two events of one kind are alike
 * only in part, and each article's nearest neighbours lie in its own event. Measured on ECB+, where
 * every topic holds two such events, it joins the articles of an event that plain similarity
 * splits, without joining the two events.
 *
 * <p>An article's profile is its similarity to each article it has a pair with, and to itself its
 * similarity to its nearest neighbour (an article is at least as like itself as like anything
 * else). A pair's new score is {@code 2 * s * cos}, with {@code s} its similarity and {@code cos}
 * the cosine of the two profiles: a pair whose articles share their neighbours gains, up to twice
 * its similarity, and a pair whose articles each have neighbours of their own loses. A pair whose
 * two articles have no other pair keeps its similarity: it has no neighbours to share. The
 * profiles are scored as story vectors are ({@link WaveScoring}), so no pair row carries a profile.
 */
final class SharedNeighbours {
  private SharedNeighbours() {}

  /**
   * The pairs {@code a, b, score} (article numbers below {@code articles}) with their scores
   * reweighted; persisted, release when read.
   */
  static WaveScoring.Scored reinforce(Dataset<Row> pairs, long articles, long waveArticles) {
    Dataset<Row> directed = BestPairs.directed(pairs, "score");
    UDF3<Long, scala.collection.Seq<Long>, scala.collection.Seq<Double>, byte[]> pack =
        (from, to, scores) -> profile(from, to, scores);
    // One grouping gives each article's profile and its partners of higher number, the pairs it
    // scores as the first article.
    Plans profiles = Plans.cut(directed.groupBy("from")
        .agg(collect_list(col("to")).as("to"), collect_list(col("score")).as("scores"))
        .select(col("from").as("a"),
            udf(pack, DataTypes.BinaryType).apply(col("from"), col("to"), col("scores")).as("profile"),
            filter(col("to"), to -> to.gt(col("from"))).as("bs")));
    WaveScoring.Scored scored = WaveScoring.scoreGrouped(profiles.data().filter(size(col("bs")).gt(0)),
        profiles.data().select("a", "profile"), articles, waveArticles, SharedNeighbours::score,
        Double.NEGATIVE_INFINITY);
    profiles.release();
    return scored;
  }

  /**
   * The packed profile of article {@code self} with similarities {@code scores} to {@code to}: its
   * number, the profile's length, then (article, similarity) entries by article number.
   */
  static byte[] profile(long self, scala.collection.Seq<Long> to, scala.collection.Seq<Double> scores) {
    long[] partners = new long[to.size()];
    double[] similarities = new double[partners.length];
    for (int i = 0; i < partners.length; i++) {
      partners[i] = to.apply(i);
      similarities[i] = scores.apply(i);
    }
    return profile(self, partners, similarities, 0, partners.length);
  }

  /**
   * The pairs {@code a[k], b[k]} ({@code a[k] < b[k]}) of similarity {@code w[k]}, {@code k < m},
   * reweighted in one task: the scores {@link #reinforce(Dataset, long, long)} gives them, bit for bit
   * (similarities are finite).
   */
  static double[] reinforce(long[] a, long[] b, double[] w, int m) {
    return reinforce(DenseEdges.of(a, b, m), w);
  }

  /** {@link #reinforce(long[], long[], double[], int)} of edges already numbered, weights {@code w}. */
  static double[] reinforce(DenseEdges dense, double[] w) {
    int m = dense.from.length;
    int n = dense.nodes.length;
    int[] from = dense.from;
    int[] to = dense.to;
    // Each node's profile at entries [start[i] + i, start[i + 1] + i + 1): its partners and itself,
    // by node position (the order of the article numbers), with their weights.
    int[] start = new int[n + 1];
    for (int k = 0; k < m; k++) {
      start[from[k] + 1]++;
      start[to[k] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] partner = new int[2 * m];
    double[] similarity = new double[2 * m];
    int[] fill = Arrays.copyOf(start, n);
    for (int k = 0; k < m; k++) {
      partner[fill[from[k]]] = to[k];
      similarity[fill[from[k]]++] = w[k];
      partner[fill[to[k]]] = from[k];
      similarity[fill[to[k]]++] = w[k];
    }
    int[] entryNode = new int[2 * m + n];
    double[] entryWeight = new double[2 * m + n];
    double[] norm = new double[n];
    // The graph is clustered in one task, the only one running then: each profile and each
    // node's pairs are computed on their own, so the machine's other cores share the work. The
    // result is the same as in one thread.
    IntStream.range(0, n).parallel().forEach(i -> norm[i] = profile(i, partner, similarity, start[i],
        start[i + 1] - start[i], entryNode, entryWeight, start[i] + i));
    // Each node's pairs to later nodes: its profile spread over a table by node, each partner's
    // profile read against it. Summed in the partner's order of nodes, the order in which score()
    // meets the shared ones, so the result is the same bit for bit.
    int[] pairStart = dense.startsByFirst();
    int[] pairs = dense.order();
    double[] out = new double[m];
    // Nodes in ranges, each range with a table of its own, dropped when the range is done.
    int ranges = Math.max(1, Math.min(n, 4 * java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()));
    IntStream.range(0, ranges).parallel().forEach(range -> {
      double[] table = new double[n];
      for (int i = (int) ((long) n * range / ranges); i < (int) ((long) n * (range + 1) / ranges); i++) {
        scorePairs(i, table, start, pairStart, pairs, to, entryNode, entryWeight, norm, out);
      }
    });
    return out;
  }

  /**
   * Scores the pairs of node {@code i} to later nodes into {@code out}: {@code i}'s profile spread
   * over {@code table} (all zero before and after), each partner's profile read against it.
   */
  private static void scorePairs(int i, double[] table, int[] start, int[] pairStart, int[] pairs, int[] to,
      int[] entryNode, double[] entryWeight, double[] norm, double[] out) {
    if (pairStart[i] == pairStart[i + 1]) {
      return;
    }
    int first = start[i] + i;
    int last = start[i + 1] + i + 1;
    for (int e = first; e < last; e++) {
      table[entryNode[e]] = entryWeight[e];
    }
    for (int p = pairStart[i]; p < pairStart[i + 1]; p++) {
      int k = pairs[p];
      int j = to[k];
      double s = table[j];
      int jFirst = start[j] + j;
      int jLast = start[j + 1] + j + 1;
      if (last - first == 2 && jLast - jFirst == 2) {
        out[k] = s;
        continue;
      }
      // A node that only one of the two profiles holds reads 0 from the table: its product
      // adds nothing to the sum (similarities are finite), as score() skips it.
      double dot = 0;
      for (int e = jFirst; e < jLast; e++) {
        dot += table[entryNode[e]] * entryWeight[e];
      }
      double norms = norm[i] * norm[j];
      out[k] = norms == 0 ? 0 : 2 * s * dot / norms;
    }
    for (int e = first; e < last; e++) {
      table[entryNode[e]] = 0;
    }
  }

  /**
   * Writes node {@code self}'s profile of {@code count} partners (from {@code offset}) into
   * {@code node} and {@code weight} from {@code at}, by node, itself included at the weight of its
   * nearest partner, as {@link #profile(long, long[], double[], int, int)} packs it; returns its norm.
   */
  private static double profile(int self, int[] partners, double[] similarities, int offset, int count,
      int[] node, double[] weight, int at) {
    double nearest = 0;
    long[] keys = new long[count + 1];
    for (int i = 0; i < count; i++) {
      nearest = Math.max(nearest, similarities[offset + i]);
      keys[i] = (long) partners[offset + i] << 32 | i;
    }
    keys[count] = (long) self << 32 | count;
    Arrays.sort(keys);
    double squares = 0;
    for (int k = 0; k <= count; k++) {
      int i = (int) (keys[k] & 0xFFFF_FFFFL);
      double v = i == count ? nearest : similarities[offset + i];
      squares += v * v;
      node[at + k] = (int) (keys[k] >>> 32);
      weight[at + k] = v;
    }
    return Math.sqrt(squares);
  }

  /** {@link #profile(long, scala.collection.Seq, scala.collection.Seq)} of {@code n} partners from {@code offset}. */
  static byte[] profile(long self, long[] partners, double[] similarities, int offset, int n) {
    double nearest = 0;
    long[] keys = new long[n + 1];
    for (int i = 0; i < n; i++) {
      nearest = Math.max(nearest, similarities[offset + i]);
      keys[i] = partners[offset + i] << 32 | i;
    }
    keys[n] = self << 32 | n;
    Arrays.sort(keys);
    ByteBuffer out = ByteBuffer.allocate(HEADER + (n + 1) * ENTRY);
    out.putInt((int) self).putDouble(0);
    double squares = 0;
    for (long key : keys) {
      int at = (int) (key & 0xFFFF_FFFFL);
      double weight = at == n ? nearest : similarities[offset + at];
      squares += weight * weight;
      out.putInt((int) (key >>> 32)).putDouble(weight);
    }
    return out.putDouble(Integer.BYTES, Math.sqrt(squares)).array();
  }

  private static final int HEADER = Integer.BYTES + Double.BYTES;
  private static final int ENTRY = Integer.BYTES + Double.BYTES;

  /**
   * {@code 2 * s * cos} of two packed profiles, {@code s} the pair's similarity as the first holds
   * it; {@code s} itself when neither article has another pair (two profiles of each other alone
   * agree fully, and would double a similarity that nothing else supports).
   */
  static double score(byte[] a, byte[] b) {
    ByteBuffer x = ByteBuffer.wrap(a);
    ByteBuffer y = ByteBuffer.wrap(b);
    boolean alone = a.length == HEADER + 2 * ENTRY && b.length == HEADER + 2 * ENTRY;
    int other = y.getInt(0);
    double similarity = 0;
    double dot = 0;
    int i = HEADER;
    int j = HEADER;
    while (i < a.length && j < b.length) {
      int ta = x.getInt(i);
      int tb = y.getInt(j);
      if (ta == other) {
        similarity = x.getDouble(i + Integer.BYTES);
      }
      if (ta == tb) {
        dot += x.getDouble(i + Integer.BYTES) * y.getDouble(j + Integer.BYTES);
        i += ENTRY;
        j += ENTRY;
      } else if (ta < tb) {
        i += ENTRY;
      } else {
        j += ENTRY;
      }
    }
    while (i < a.length && similarity == 0) {
      if (x.getInt(i) == other) {
        similarity = x.getDouble(i + Integer.BYTES);
      }
      i += ENTRY;
    }
    if (alone) {
      return similarity;
    }
    double norms = x.getDouble(Integer.BYTES) * y.getDouble(Integer.BYTES);
    return norms == 0 ? 0 : 2 * similarity * dot / norms;
  }
}
