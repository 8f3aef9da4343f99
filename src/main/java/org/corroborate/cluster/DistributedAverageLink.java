package org.corroborate.cluster;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.spark.Plans;
import org.corroborate.util.IntDoubleMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Average-link clustering of a graph too large for one task, in Spark passes over chunks of it.
 *
 * <p>The nodes are article numbers, which follow time, and story pairs lie within a time window, so
 * ranges of numbers cut the graph into chunks with most edges inside one. Each pass splits the
 * graph of clusters into chunks of about {@code taskEdges} edges (by quantiles of the edges' ends)
 * and runs average link in each chunk's task on its inside edges, knowing of each node only the
 * highest mean of its edges to other chunks ({@link AverageLink#cluster(int, int[], double[], int[],
 * int[], double[], double)}): a merge is made only when the two clusters are each other's nearest
 * neighbour in the whole graph, which average link's reducibility makes one of its own merges, in
 * any order (Murtagh 1983). A cluster that can no longer reach the threshold with anything is
 * final and leaves the graph, with its edges. The next pass merges what is left, with chunk
 * boundaries half a chunk over, so that clusters held at one boundary lie inside a chunk. Once the
 * graph fits in one task, sequential average link finishes it there.
 *
 * <p>Should a pass change nothing (every cluster left has its nearest neighbour in another chunk),
 * a round of reciprocal nearest neighbours over the whole graph merges at least its best pair.
 * Nodes are named by their least member, so the result needs no renumbering; it equals average link
 * over the whole graph in one task up to ties (means equal to within about 1e-9: sums between
 * clusters are added in a fixed order, edges sorted in each task, and in fixed point across tasks,
 * {@link StoryClusterer#orderedSum}). Chunks come from exact counts, so every run is the same.
 */
final class DistributedAverageLink {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedAverageLink.class);
  /** Passes and rounds after which merging stops with a warning. */
  static final int MAX_ROUNDS = 500;
  /** Most chunks in a pass: above it chunks grow beyond {@code taskEdges}. */
  static final int MAX_CHUNKS = 10_000;

  /** What a chunk's task gives: edges of the new graph ({@code edge}) and where its nodes went. */
  private static final StructType CHUNK_OUT = new StructType()
      .add("edge", DataTypes.BooleanType)
      .add("x", DataTypes.LongType)
      .add("y", DataTypes.LongType)
      .add("total", DataTypes.DoubleType)
      .add("x_size", DataTypes.LongType)
      .add("y_size", DataTypes.LongType)
      .add("final", DataTypes.BooleanType);

  private static final StructType ROOTS = new StructType()
      .add("c", DataTypes.LongType)
      .add("root", DataTypes.LongType);

  /**
   * Node numbers up to which the nodes' clusters are broadcast as one array indexed by number to
   * find the edges inside clusters; beyond it two joins find them. While the driver builds the
   * array it holds the collected labels (8 bytes a node) and the array (4 bytes a number): about
   * 120 MB at the most.
   */
  static final long BROADCAST_LABELS = 10_000_000;

  private DistributedAverageLink() {}

  /**
   * The clusters, persisted, and how they were reached.
   *
   * @param members {@code a} (a node), {@code root} (the least node of its cluster) and
   *     {@code centrality} (its summed similarity to the rest of its cluster); release when read
   * @param passes passes over chunks
   * @param rounds rounds of reciprocal nearest neighbours over the whole graph
   * @param merges merges of two clusters in all
   */
  record Result(Plans members, int passes, int rounds, long merges) {}

  /**
   * The clusters of the nodes of {@code edges} ({@code a, b, score}: each pair once, {@code a < b}),
   * like {@link StoryClusterer#clusterComponent}. Once the graph of clusters still able to merge has
   * at most {@code taskEdges} edges, one task finishes it.
   */
  static Result cluster(Dataset<Row> edges, double threshold, int taskEdges) {
    return cluster(edges, threshold, taskEdges, MAX_CHUNKS);
  }

  /**
   * {@link #cluster(Dataset, double, int)} in at most {@code maxChunks} chunks a pass (at least
   * two); with 0, in rounds alone.
   */
  static Result cluster(Dataset<Row> edges, double threshold, int taskEdges, int maxChunks) {
    return cluster(edges, threshold, taskEdges, maxChunks, BROADCAST_LABELS);
  }

  /**
   * {@link #cluster(Dataset, double, int, int)}, with the nodes' clusters broadcast to find the
   * edges inside clusters when every node number is below {@code broadcastLabels}, else joined.
   */
  static Result cluster(Dataset<Row> edges, double threshold, int taskEdges, int maxChunks, long broadcastLabels) {
    Plans graph = Plans.cut(edges.select(col("a").as("c"), col("b").as("d"), col("score").as("total"),
        lit(1L).as("c_size"), lit(1L).as("d_size")));
    Plans labels = Plans.cut(edges.select(col("a").as("node"))
        .union(edges.select(col("b").as("node")))
        .distinct()
        .withColumn("cluster", col("node")));
    long nodes = labels.data().count();
    long edgeCount = graph.data().count();
    int passes = 0;
    int rounds = 0;
    boolean stalled = maxChunks == 0;
    boolean limited = false;
    while (edgeCount > 0) {
      if (edgeCount <= taskEdges) {
        Plans roots = Plans.cut(finishInOneTask(graph.data(), threshold));
        labels = relabel(labels, roots.data().filter(col("root").notEqual(col("c"))));
        roots.release();
        break;
      }
      if (passes + rounds == MAX_ROUNDS) {
        LOG.warn("stories: average link stopped after {} passes and rounds; some stories may be split", MAX_ROUNDS);
        limited = true;
        break;
      }
      Step step;
      if (stalled) {
        step = reciprocalRound(graph.data(), threshold);
        rounds++;
        if (step == null) {
          break;
        }
      } else {
        step = chunkPass(graph.data(), edgeCount, threshold, taskEdges, maxChunks, passes);
        passes++;
      }
      long left = step.edges();
      long moved = step.moved();
      stalled = maxChunks == 0 || moved == 0 && left == edgeCount;
      LOG.info("stories: average link {} {}: {} clusters merged into others, {} edges left",
          step.chunks() == 0 ? "round" : "pass", step.chunks() == 0 ? rounds : passes, moved, left);
      labels = relabel(labels, step.moves().data());
      graph.release();
      step.moves().release();
      graph = step.graph();
      edgeCount = left;
    }
    graph.release();
    Dataset<Row> label = labels.data();
    long clusters;
    Dataset<Row> inCluster;
    Broadcast<int[]> clusterOfNode = null;
    // The array is indexed by node number: its size is the greatest number, not the count.
    if (nodes > 0 && label.agg(max("node")).first().getLong(0) < broadcastLabels) {
      // Every node's cluster in one array, sent to every task: the edges inside a cluster are found
      // where the edges are, not by two shuffles of all of them (at a million articles those joins
      // of 23 million edges took over a minute).
      int[] clusterOf = clusterArray(label);
      clusters = countClusters(clusterOf);
      Broadcast<int[]> clusterBroadcast = JavaSparkContext.fromSparkContext(edges.sparkSession().sparkContext())
          .broadcast(clusterOf);
      clusterOfNode = clusterBroadcast;
      inCluster = edges.select(col("a"), col("b"), col("score"))
          .filter((FilterFunction<Row>) r -> {
            int[] c = clusterBroadcast.value();
            return c[(int) r.getLong(0)] == c[(int) r.getLong(1)];
          });
    } else {
      clusters = label.select("cluster").distinct().count();
      inCluster = edges
          .join(label.toDF("a", "a_cluster"), "a")
          .join(label.toDF("b", "b_cluster"), "b")
          .filter(col("a_cluster").equalTo(col("b_cluster")))
          .select(col("a"), col("b"), col("score"));
    }
    LOG.info("stories: average link over {} articles in {} passes over chunks and {} rounds{}: {} clusters",
        nodes, passes, rounds, limited ? " (stopped at the limit)" : "", clusters);
    Dataset<Row> centrality = inCluster.select(col("a").as("node"), col("score"))
        .union(inCluster.select(col("b").as("node"), col("score")))
        .groupBy("node")
        .agg(StoryClusterer.orderedSum(col("score")).as("centrality"));
    Plans members = Plans.cut(label.join(centrality, "node", "left_outer")
        .select(col("node").as("a"), col("cluster").as("root"), coalesce(col("centrality"), lit(0.0)).as("centrality")));
    members.data().count();
    labels.release();
    if (clusterOfNode != null) {
      // Executors drop their copies; the driver keeps its own. (Destroying it is not an option:
      // the members' lineage refers to it, and a later stage that reads them serializes that
      // lineage. At a million articles, destroy() failed the stories phase.)
      clusterOfNode.unpersist(false);
    }
    return new Result(members, passes, rounds, nodes - clusters);
  }

  /**
   * One step: the graph of clusters after it, and {@code node, root} for every cluster merged into
   * another (both persisted), their counts, from {@code chunks} chunks (0 for a round over the
   * whole graph).
   */
  private record Step(Plans graph, long edges, Plans moves, long moved, int chunks) {}

  /** {@code labels} ({@code node, cluster}) with clusters moved by {@code moves} ({@code c, root}). */
  private static Plans relabel(Plans labels, Dataset<Row> moves) {
    Plans next = Plans.checkpoint(labels.data()
        .join(moves.toDF("cluster", "root"), "cluster", "left_outer")
        .select(col("node"), coalesce(col("root"), col("cluster")).as("cluster")));
    labels.release();
    return next;
  }

  /**
   * The cluster of every node of {@code labels} ({@code node, cluster}) as an array indexed by node
   * (-1 for a number that is no node), collected as packed longs, a partition's in one array.
   */
  static int[] clusterArray(Dataset<Row> labels) {
    List<long[]> parts = labels.select(col("node"), col("cluster")).javaRDD()
        .mapPartitions(rows -> {
          long[] packed = new long[1024];
          int size = 0;
          while (rows.hasNext()) {
            Row r = rows.next();
            if (size == packed.length) {
              packed = Arrays.copyOf(packed, 2 * size);
            }
            packed[size++] = r.getLong(0) << 32 | r.getLong(1);
          }
          return List.of(Arrays.copyOf(packed, size)).iterator();
        })
        .collect();
    long top = -1;
    for (long[] part : parts) {
      for (long p : part) {
        top = Math.max(top, p >>> 32);
      }
    }
    int[] clusterOf = new int[(int) (top + 1)];
    Arrays.fill(clusterOf, -1);
    for (long[] part : parts) {
      for (long p : part) {
        clusterOf[(int) (p >>> 32)] = (int) p;
      }
    }
    return clusterOf;
  }

  /** The distinct clusters of {@link #clusterArray}'s nodes. */
  static long countClusters(int[] clusterOf) {
    BitSet seen = new BitSet(clusterOf.length);
    for (int c : clusterOf) {
      if (c >= 0) {
        seen.set(c);
      }
    }
    return seen.cardinality();
  }

  /** Pass {@code pass} over chunks of {@code graph}, which has {@code edgeCount} edges. */
  private static Step chunkPass(Dataset<Row> graph, long edgeCount, double threshold, int taskEdges,
      int maxChunks, int pass) {
    long wanted = (edgeCount + Math.max(1, taskEdges) - 1) / Math.max(1, taskEdges);
    long[] bounds = chunkBounds(graph, (int) Math.max(2, Math.min(maxChunks, wanted)), pass % 2 == 1);
    int chunks = bounds.length + 1;
    JavaRDD<long[]> records = graph.javaRDD().flatMapToPair(r -> {
          long c = r.getLong(0);
          long d = r.getLong(1);
          int cc = chunkOf(bounds, c);
          int dc = chunkOf(bounds, d);
          double total = r.getDouble(2);
          long cs = r.getLong(3);
          long ds = r.getLong(4);
          if (cc == dc) {
            return List.of(new Tuple2<>(cc, new long[] {c, d, cs, ds, Double.doubleToRawLongBits(total)})).iterator();
          }
          long mean = Double.doubleToRawLongBits(total / ((double) cs * ds));
          return List.of(new Tuple2<>(cc, new long[] {c, -1, cs, 0, mean}),
              new Tuple2<>(dc, new long[] {d, -1, ds, 0, mean})).iterator();
        })
        // Chunks are numbered from 0, and an integer hashes to itself: one chunk a partition.
        .partitionBy(new HashPartitioner(chunks))
        .values();
    JavaRDD<Row> out = records.mapPartitions(chunk -> mergeChunk(chunk, threshold));
    Plans result = Plans.cut(SparkSession.active().createDataFrame(out, CHUNK_OUT));
    Dataset<Row> moved = result.data().filter(not(col("edge")));
    Dataset<Row> outside = graph.filter((FilterFunction<Row>) r -> chunkOf(bounds, r.getLong(0)) != chunkOf(bounds, r.getLong(1)));
    Dataset<Row> inside = result.data().filter(col("edge"))
        .select(col("x").as("c"), col("y").as("d"), col("total"), col("x_size").as("c_size"), col("y_size").as("d_size"));
    Plans next = Plans.checkpoint(inside.union(relink(outside, moved.select(col("x"), col("y"), col("x_size"), col("final")))));
    Plans moves = Plans.cut(moved.filter(col("x").notEqual(col("y"))).select(col("x").as("c"), col("y").as("root")));
    long movedCount = moves.data().count();
    result.release();
    return new Step(next, next.data().count(), moves, movedCount, chunks);
  }

  /**
   * Boundaries between {@code chunks} chunks of about equal numbers of edge ends, or between the
   * middles of those chunks when {@code shifted}; increasing, without repeats. Edge ends are
   * counted exactly in buckets of node numbers, 64 buckets a chunk, so every run cuts the same
   * chunks (a quantile sketch would depend on the order in which tasks finish).
   */
  private static long[] chunkBounds(Dataset<Row> graph, int chunks, boolean shifted) {
    Dataset<Row> ends = graph.select(col("c").as("node")).union(graph.select(col("d").as("node")));
    Row range = ends.agg(min("node"), max("node"), count(lit(1))).first();
    long low = range.getLong(0);
    long width = Math.max(1, (range.getLong(1) - low + 1) / (64L * chunks));
    double total = range.getLong(2);
    List<Row> buckets = ends
        .groupBy(col("node").minus(low).divide(width).cast(DataTypes.LongType).as("bucket"))
        .count()
        .orderBy("bucket")
        .collectAsList();
    int count = shifted ? chunks : chunks - 1;
    List<Long> bounds = new ArrayList<>();
    long seen = 0;
    int next = 0;
    for (Row bucket : buckets) {
      seen += bucket.getLong(1);
      // A chunk holds the nodes below its upper boundary (and at or above the one before).
      while (next < count && seen >= (next + (shifted ? 0.5 : 1.0)) / chunks * total) {
        bounds.add(low + (bucket.getLong(0) + 1) * width);
        next++;
      }
    }
    return bounds.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
  }

  /** The chunk of {@code node}: the number of boundaries at or below it. */
  static int chunkOf(long[] bounds, long node) {
    int i = Arrays.binarySearch(bounds, node);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /**
   * Average link inside one chunk, from records {@code c, d, c_size, d_size, total bits} (an inside
   * edge) and {@code node, -1, size, 0, mean bits} (a node's edge to another chunk): rows of
   * {@link #CHUNK_OUT}, the chunk's new inside edges between open clusters and, for each node that
   * moved or has an edge outside, its cluster's least node, size and whether it is final.
   */
  static Iterator<Row> mergeChunk(Iterator<long[]> records, double threshold) {
    Records inside = new Records();
    Records outside = new Records();
    while (records.hasNext()) {
      long[] r = records.next();
      (r[1] < 0 ? outside : inside).add(r);
    }
    long[] nodes = LongStream.concat(LongStream.concat(Arrays.stream(inside.c, 0, inside.size),
        Arrays.stream(inside.d, 0, inside.size)), Arrays.stream(outside.c, 0, outside.size))
        .sorted().distinct().toArray();
    int n = nodes.length;
    int[] size = new int[n];
    double[] bound = new double[n];
    boolean[] linkedOut = new boolean[n];
    for (int k = 0; k < outside.size; k++) {
      int i = Arrays.binarySearch(nodes, outside.c[k]);
      size[i] = outside.cSize[k];
      bound[i] = Math.max(bound[i], outside.value[k]);
      linkedOut[i] = true;
    }
    // Edges in (c, d) order, so that sums and ties come out the same on every run. Node numbers
    // fit in 32 bits and a pair comes once, so a pair sorts as one long.
    int m = inside.size;
    long[] pairs = new long[m];
    for (int k = 0; k < m; k++) {
      pairs[k] = inside.c[k] << 32 | inside.d[k];
    }
    long[] sorted = pairs.clone();
    Arrays.sort(sorted);
    for (int k = 1; k < m; k++) {
      if (sorted[k] == sorted[k - 1]) {
        throw new IllegalStateException("pair of clusters given twice: " + (sorted[k] >>> 32) + ", " + (sorted[k] & 0xFFFF_FFFFL));
      }
    }
    int[] from = new int[m];
    int[] to = new int[m];
    double[] weight = new double[m];
    for (int k = 0; k < m; k++) {
      int at = Arrays.binarySearch(sorted, pairs[k]);
      from[at] = Arrays.binarySearch(nodes, inside.c[k]);
      to[at] = Arrays.binarySearch(nodes, inside.d[k]);
      size[from[at]] = inside.cSize[k];
      size[to[at]] = inside.dSize[k];
      weight[at] = inside.value[k];
    }
    AverageLink.Bounded merged = AverageLink.cluster(n, size, bound, from, to, weight, threshold);
    int[] cluster = merged.cluster();
    long[] least = new long[n];
    long[] members = new long[n];
    Arrays.fill(least, Long.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      least[cluster[i]] = Math.min(least[cluster[i]], nodes[i]);
      members[cluster[i]] += size[i];
    }
    Stream<Row> where = IntStream.range(0, n)
        .filter(i -> linkedOut[i] || least[cluster[i]] != nodes[i])
        .mapToObj(i -> RowFactory.create(false, nodes[i], least[cluster[i]], 0.0, members[cluster[i]], 0L,
            !merged.open()[cluster[i]]));
    Stream<Row> edges = IntStream.range(0, n)
        .filter(r -> cluster[r] == r && merged.open()[r])
        .boxed()
        .flatMap(r -> {
          IntDoubleMap sums = merged.sums()[r];
          List<Row> out = new ArrayList<>();
          for (int slot = 0; slot < sums.capacity(); slot++) {
            int o = sums.keyAt(slot);
            if (o > r && merged.open()[o]) {
              boolean first = least[r] < least[o];
              out.add(RowFactory.create(true, first ? least[r] : least[o], first ? least[o] : least[r],
                  sums.valueAt(slot), first ? members[r] : members[o], first ? members[o] : members[r], false));
            }
          }
          return out.stream();
        });
    return Stream.concat(where, edges).iterator();
  }

  /**
   * {@code edges} (the graph's schema) with both ends moved to their clusters by {@code moves}
   * ({@code x} a node, {@code y} its cluster, {@code x_size} the cluster's size, {@code final}); an
   * end without a move stays; edges inside one cluster, or to a final one, leave; parallel edges
   * are summed.
   */
  private static Dataset<Row> relink(Dataset<Row> edges, Dataset<Row> moves) {
    Dataset<Row> moved = edges
        .join(moves.toDF("c", "c_to", "c_new", "c_final"), "c", "left_outer")
        .join(moves.toDF("d", "d_to", "d_new", "d_final"), "d", "left_outer")
        .filter(not(coalesce(col("c_final"), lit(false))).and(not(coalesce(col("d_final"), lit(false)))))
        .select(coalesce(col("c_to"), col("c")).as("c1"), coalesce(col("d_to"), col("d")).as("d1"), col("total"),
            coalesce(col("c_new"), col("c_size")).as("c1_size"), coalesce(col("d_new"), col("d_size")).as("d1_size"))
        .filter(col("c1").notEqual(col("d1")));
    return moved
        .groupBy(least(col("c1"), col("d1")).as("c"), greatest(col("c1"), col("d1")).as("d"))
        .agg(StoryClusterer.orderedSum(col("total")).as("total"),
            max(when(col("c1").lt(col("d1")), col("c1_size")).otherwise(col("d1_size"))).as("c_size"),
            max(when(col("c1").lt(col("d1")), col("d1_size")).otherwise(col("c1_size"))).as("d_size"));
  }

  /**
   * A round of reciprocal nearest neighbours over the whole graph: each cluster's nearest neighbour
   * (the highest mean at least the threshold, ties to the lower cluster), and each pair that are
   * each other's merged. {@code null} when no pair reaches the threshold.
   */
  private static Step reciprocalRound(Dataset<Row> graph, double threshold) {
    Dataset<Row> directed = graph
        .withColumn("end", explode(array(lit(0), lit(1))))
        .select(
            when(col("end").equalTo(0), col("c")).otherwise(col("d")).as("c"),
            when(col("end").equalTo(0), col("d")).otherwise(col("c")).as("d"),
            col("total").divide(col("c_size").multiply(col("d_size"))).as("mean"),
            col("c_size").plus(col("d_size")).as("sum_size"))
        .filter(col("mean").geq(threshold));
    Dataset<Row> near = directed
        .groupBy("c")
        .agg(max(struct(col("mean"), col("d").multiply(-1L).as("neg_d"), col("sum_size"))).as("best"))
        .select(col("c"), col("best.neg_d").multiply(-1L).as("d"), col("best.sum_size").as("size"));
    Plans merges = Plans.cut(near
        .join(near.select(col("c").as("d"), col("d").as("back")), "d")
        .filter(col("back").equalTo(col("c")).and(col("c").lt(col("d"))))
        .select(col("c"), col("d"), col("size")));
    if (merges.data().count() == 0) {
      merges.release();
      return null;
    }
    Dataset<Row> both = merges.data().select(col("d").as("x"), col("c").as("y"), col("size"))
        .union(merges.data().select(col("c").as("x"), col("c").as("y"), col("size")))
        .withColumn("final", lit(false));
    Plans next = Plans.checkpoint(relink(graph, both));
    Plans moves = Plans.cut(merges.data().select(col("d").as("c"), col("c").as("root")));
    long moved = moves.data().count();
    merges.release();
    return new Step(next, next.data().count(), moves, moved, 0);
  }

  /**
   * Sequential average link over the whole graph of clusters in one task: {@code c, root} for every
   * cluster on an edge, root the least cluster of its merged group.
   */
  private static Dataset<Row> finishInOneTask(Dataset<Row> graph, double threshold) {
    MapPartitionsFunction<Row, Row> finish = rows -> {
      Iterator<long[]> records = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public long[] next() {
          Row r = rows.next();
          return new long[] {r.getLong(0), r.getLong(1), r.getLong(3), r.getLong(4),
              Double.doubleToRawLongBits(r.getDouble(2))};
        }
      };
      List<Row> out = new ArrayList<>();
      mergeChunk(records, threshold).forEachRemaining(r -> {
        if (!r.getBoolean(0)) {
          out.add(RowFactory.create(r.getLong(1), r.getLong(2)));
        }
      });
      return out.iterator();
    };
    return graph.repartition(1).mapPartitions(finish, Encoders.row(ROOTS));
  }

  /** Chunk records in growable primitive columns: about 32 bytes a record. */
  private static final class Records {
    long[] c = new long[16];
    long[] d = new long[16];
    int[] cSize = new int[16];
    int[] dSize = new int[16];
    double[] value = new double[16];
    int size;

    /** A record {@code c, d, c_size, d_size, value bits}. */
    void add(long[] r) {
      if (size == c.length) {
        int grown = 2 * size;
        c = Arrays.copyOf(c, grown);
        d = Arrays.copyOf(d, grown);
        cSize = Arrays.copyOf(cSize, grown);
        dSize = Arrays.copyOf(dSize, grown);
        value = Arrays.copyOf(value, grown);
      }
      c[size] = r[0];
      d[size] = r[1];
      cSize[size] = (int) r[2];
      dSize[size] = (int) r[3];
      value[size] = Double.longBitsToDouble(r[4]);
      size++;
    }
  }
}
