package org.corroborate.cluster;


import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.config.JobConfig;
import org.corroborate.features.ArticleFeatures;

/**
 * Clusters articles about the same event into stories.
 *
 * <ol>
 *   <li>Blocking: every article is put in the block of each of its salient TF-IDF terms; pairs come
 *       only from shared blocks, bounded per block by {@link Blocks}, never from all pairs.</li>
 *   <li>Scoring: a pair's similarity is the sum, over the salient terms both share, of the product
 *       of their normalised TF-IDF weights: the part of the cosine those terms carry. Pairs further
 *       apart than {@code --story-window-days} are dropped when both dates are known; a missing
 *       date costs nothing.</li>
 *   <li>Each article keeps its {@code --story-neighbours} best pairs, which bounds the graph.</li>
 *   <li>Clustering: connected components of the pairs at or above {@code --story-threshold} bound
 *       the work; inside each, {@link AverageLink} merges groups whose mean similarity reaches the
 *       threshold, so one article about two events cannot chain them together.</li>
 * </ol>
 *
 * <p>Input columns: {@code id, published, salient_terms, salient_weights}. Output: {@code id,
 * story_id, centrality} for every input article; {@code story_id} is {@code s-} and 12 hex digits
 * of a hash of the story's least article id, so the same input gives the same ids; centrality is
 * the article's summed similarity to the rest of its story (the story's title comes from its most
 * central article).
 */
public final class StoryClusterer {
  public static final String STORY_ID = "story_id";
  public static final String CENTRALITY = "centrality";

  /** Most edges of one connected component that average-link clustering sees. */
  static final int MAX_COMPONENT_EDGES = 200_000;

  /** Each article keeps this many times {@code --story-neighbours} blocked candidates for scoring. */
  static final int CANDIDATES_PER_NEIGHBOUR = 3;

  private static final StructType BLOCK_PAIR_SCHEMA = new StructType()
      .add("src", DataTypes.StringType)
      .add("dst", DataTypes.StringType);
  private static final StructType MEMBER_SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add("root", DataTypes.StringType)
      .add(CENTRALITY, DataTypes.DoubleType);

  private StoryClusterer() {}

  /**
   * The candidate pairs with their similarity, at most {@code --story-neighbours} per article.
   *
   * <p>Blocking uses only each article's first {@code --block-terms} salient terms, and a block
   * larger than {@code --max-block-size} pairs members only with their neighbours in time, so the
   * pairs an article takes part in are bounded whatever the corpus size. Each article keeps its
   * {@value #CANDIDATES_PER_NEIGHBOUR} x {@code --story-neighbours} candidates sharing the most
   * blocks; only those are scored, on all salient terms.
   */
  public static Dataset<Row> candidatePairs(Dataset<Row> articles, JobConfig config) {
    int maxBlock = config.maxBlockSize();
    long windowMillis = config.storyWindowDays() * 86_400_000L;
    FlatMapFunction<Row, Row> blockPairs = row -> {
      List<Row> members = new ArrayList<>(row.getList(1));
      members.sort(Blocks::byTimeThenId);
      List<Row> out = new ArrayList<>();
      for (int[] p : Blocks.pairs(members.size(), maxBlock)) {
        Row a = members.get(p[0]);
        Row b = members.get(p[1]);
        if (windowMillis > 0 && !a.isNullAt(1) && !b.isNullAt(1)
            && Math.abs(a.getTimestamp(1).getTime() - b.getTimestamp(1).getTime()) > windowMillis) {
          continue;
        }
        String ia = a.getString(0);
        String ib = b.getString(0);
        out.add(ia.compareTo(ib) < 0 ? RowFactory.create(ia, ib) : RowFactory.create(ib, ia));
      }
      return out.iterator();
    };
    Dataset<Row> blocked = articles
        .select(col("id"), col("published"),
            explode(slice(col(ArticleFeatures.SALIENT_TERMS), 1, config.blockTerms())).as("term"))
        .groupBy("term")
        .agg(collect_list(struct(col("id"), col("published"))).as("members"))
        .filter(size(col("members")).gt(1))
        .flatMap(blockPairs, Encoders.row(BLOCK_PAIR_SCHEMA))
        .groupBy("src", "dst")
        .agg(count(lit(1)).as("shared"));

    // Each article's candidates sharing the most blocks; a pair stays when either end keeps it.
    int perArticle = CANDIDATES_PER_NEIGHBOUR * config.storyNeighbours();
    Dataset<Row> candidates = bestPerArticle(blocked, "shared", perArticle).select("src", "dst");

    Dataset<Row> vectors = articles.select(col("id"), col(ArticleFeatures.SALIENT_TERMS), col(ArticleFeatures.SALIENT_WEIGHTS));
    UDF4<scala.collection.Seq<Integer>, scala.collection.Seq<Float>, scala.collection.Seq<Integer>,
        scala.collection.Seq<Float>, Double> dot = StoryClusterer::dot;
    Dataset<Row> scored = candidates
        .join(vectors.toDF("src", "terms_a", "weights_a"), "src")
        .join(vectors.toDF("dst", "terms_b", "weights_b"), "dst")
        .select(col("src"), col("dst"), udf(dot, DataTypes.DoubleType)
            .apply(col("terms_a"), col("weights_a"), col("terms_b"), col("weights_b")).as("score"))
        .filter(col("score").geq(config.storyCandidateThreshold()));
    return bestPerArticle(scored, "score", config.storyNeighbours());
  }

  /** Pairs (src < dst) among the {@code limit} best of each article by {@code measure}, either end. */
  static Dataset<Row> bestPerArticle(Dataset<Row> pairs, String measure, int limit) {
    Dataset<Row> directed = pairs.select(col("src"), col("dst"), col(measure))
        .withColumn("__end", explode(array(lit(0), lit(1))))
        .select(
            when(col("__end").equalTo(0), col("src")).otherwise(col("dst")).as("from"),
            when(col("__end").equalTo(0), col("dst")).otherwise(col("src")).as("to"),
            col(measure));
    return directed
        .withColumn("__rank", row_number().over(
            Window.partitionBy("from").orderBy(col(measure).desc(), col("to").asc())))
        .filter(col("__rank").leq(limit))
        .select(least(col("from"), col("to")).as("src"), greatest(col("from"), col("to")).as("dst"), col(measure))
        .dropDuplicates("src", "dst");
  }

  /**
   * The dot product of two articles' salient-term vectors (term ids with weights): the share of
   * their mixed word and name cosine that their salient terms carry.
   */
  static double dot(scala.collection.Seq<Integer> termsA, scala.collection.Seq<Float> weightsA,
      scala.collection.Seq<Integer> termsB, scala.collection.Seq<Float> weightsB) {
    java.util.HashMap<Integer, Float> a = new java.util.HashMap<>(termsA.size() * 2);
    for (int i = 0; i < termsA.size(); i++) {
      a.put(termsA.apply(i), weightsA.apply(i));
    }
    // Sum in term order so the result does not depend on the order the terms were stored in.
    int[] shared = new int[termsB.size()];
    int n = 0;
    double[] values = new double[termsB.size()];
    for (int i = 0; i < termsB.size(); i++) {
      Float wa = a.get(termsB.apply(i));
      if (wa != null) {
        shared[n] = termsB.apply(i);
        values[n] = (double) wa * weightsB.apply(i);
        n++;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Integer.compare(shared[x], shared[y]));
    double sum = 0;
    for (int k : order) {
      sum += values[k];
    }
    return sum;
  }

  /**
   * A sum that is the same on every run: values are added as fixed-point longs (nine decimals), so
   * the order in which Spark combines partial sums cannot change the last bits of the result.
   */
  public static Column orderedSum(Column values) {
    return sum(round(values.cast(DataTypes.DoubleType).multiply(1e9)).cast(DataTypes.LongType)).divide(1e9);
  }

  /** The story of every article, from the candidate pairs of {@link #candidatePairs}. */
  public static Dataset<Row> cluster(Dataset<Row> articles, Dataset<Row> pairs, JobConfig config) {
    double threshold = config.storyThreshold();
    Dataset<Row> components = ConnectedComponents.of(pairs.filter(col("score").geq(threshold)).select("src", "dst"));
    Dataset<Row> inside = pairs
        .join(components.toDF("src", "component"), "src")
        .join(components.toDF("dst", "dst_component"), "dst")
        .filter(col("component").equalTo(col("dst_component")))
        .select("component", "src", "dst", "score")
        // A giant component is clustered on its strongest edges only, so one task's memory and
        // time stay bounded however large a story (or a run of look-alike stories) grows.
        .withColumn("__rank", row_number().over(
            Window.partitionBy("component").orderBy(col("score").desc(), col("src"), col("dst"))))
        .filter(col("__rank").leq(MAX_COMPONENT_EDGES))
        .drop("__rank");
    FlatMapFunction<Row, Row> averageLink = row -> clusterComponent(row.getList(1), threshold).iterator();
    Dataset<Row> clustered = inside.groupBy("component")
        .agg(collect_list(struct(col("src"), col("dst"), col("score"))).as("edges"))
        .flatMap(averageLink, Encoders.row(MEMBER_SCHEMA));
    return articles.select("id")
        .join(clustered, "id", "left")
        .select(col("id"),
            concat(lit("s-"), substring(sha2(coalesce(col("root"), col("id")), 256), 1, 12)).as(STORY_ID),
            coalesce(col(CENTRALITY), lit(0.0)).as(CENTRALITY));
  }

  /** Average-link clusters of one component: (id, least id of its cluster, centrality) rows. */
  static List<Row> clusterComponent(List<Row> edges, double threshold) {
    TreeSet<String> ids = new TreeSet<>();
    for (Row e : edges) {
      ids.add(e.getString(0));
      ids.add(e.getString(1));
    }
    List<String> nodes = new ArrayList<>(ids);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i), i);
    }
    // Sort edges so the clustering does not depend on the order Spark collected them in.
    List<Row> sorted = new ArrayList<>(edges);
    sorted.sort((x, y) -> {
      int c = x.getString(0).compareTo(y.getString(0));
      return c != 0 ? c : x.getString(1).compareTo(y.getString(1));
    });
    int m = sorted.size();
    int[] from = new int[m];
    int[] to = new int[m];
    double[] weight = new double[m];
    for (int k = 0; k < m; k++) {
      from[k] = index.get(sorted.get(k).getString(0));
      to[k] = index.get(sorted.get(k).getString(1));
      weight[k] = sorted.get(k).getDouble(2);
    }
    int[] cluster = AverageLink.cluster(nodes.size(), from, to, weight, threshold);
    double[] centrality = new double[nodes.size()];
    for (int k = 0; k < m; k++) {
      if (cluster[from[k]] == cluster[to[k]]) {
        centrality[from[k]] += weight[k];
        centrality[to[k]] += weight[k];
      }
    }
    Map<Integer, String> root = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      root.merge(cluster[i], nodes.get(i), (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      out.add(RowFactory.create(nodes.get(i), root.get(cluster[i]), centrality[i]));
    }
    return out;
  }
}
