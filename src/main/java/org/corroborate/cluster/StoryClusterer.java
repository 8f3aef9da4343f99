package org.corroborate.cluster;


import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.config.JobConfig;
import org.corroborate.features.ArticleFeatures;
import org.corroborate.features.SalientTerms;
import org.corroborate.spark.Plans;

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
 *   <li>Each pair is weighed by the neighbours its articles share ({@link SharedNeighbours}).</li>
 *   <li>Clustering: {@link AverageLink} merges groups whose mean similarity reaches
 *       {@code --story-threshold}, so one article about two events cannot chain them together.
 *       When all pairs fit in one task ({@code --story-task-edges}) it runs over the whole graph
 *       there; else {@link DistributedAverageLink} runs it in Spark passes over chunks of the
 *       graph by time, each chunk in a task of its own, to the same clusters.</li>
 * </ol>
 *
 * <p>Input columns: {@code id, published, salient_terms, salient_weights}. Output: {@code id,
 * story_id, centrality} for every input article; {@code story_id} is {@code s-} and 12 hex digits
 * of a hash of the story's least article id, so the same input gives the same ids; centrality is
 * the article's summed similarity (weighed by shared neighbours) to the rest of its story (the
 * story's title comes from its most central article).
 */
public final class StoryClusterer {
  public static final String STORY_ID = "story_id";
  public static final String CENTRALITY = "centrality";

  /**
   * Cap on the edges a component's task holds when no other is given ({@link ComponentEdges},
   * tests); the job uses {@code --story-task-edges}, whose default is the same. About 100 bytes an
   * edge while average link runs.
   */
  static final int MAX_COMPONENT_EDGES = 3_000_000;

  /**
   * Most articles whose vectors are broadcast at once for exact scoring: about 40 MB of salient
   * terms and weights at the default 100 terms per article.
   */
  static final long BROADCAST_ARTICLES = 50_000;

  private static final StructType MEMBER_SCHEMA = new StructType()
      .add("idx", DataTypes.LongType)
      .add("root", DataTypes.LongType)
      .add(CENTRALITY, DataTypes.DoubleType);

  private StoryClusterer() {}

  /**
   * The candidate pairs with their similarity, each among the {@code --story-neighbours} best of
   * at least one of its two articles, with the numbering of the articles they refer to (see {@link Candidates}). Both are persisted;
   * release them when done.
   *
   * <p>Blocking uses only each article's first {@code --block-terms} salient terms, and a block
   * larger than {@code --max-block-size} pairs members only with their neighbours in time
   * ({@link BlockPairs}), so the pairs an article takes part in are bounded whatever the corpus
   * size. Every blocked pair is scored exactly, on all salient terms: a merge of two packed vectors
   * costs less than ranking pairs by the blocks they share, which an earlier version did first.
   */
  public static Candidates candidatePairs(Dataset<Row> articles, JobConfig config) {
    return candidatePairs(articles, config, BROADCAST_ARTICLES);
  }

  /** {@link #candidatePairs(Dataset, JobConfig)}, scoring against waves of {@code waveArticles}. */
  static Candidates candidatePairs(Dataset<Row> articles, JobConfig config, long waveArticles) {
    int blockTerms = config.blockTerms();
    // Numbered with only what the later steps read: the blocking terms and the vector, each packed
    // (numbering goes through Row objects, where each number of an array would become an object
    // twice; and the vector, packed before numbering, is not packed again by each of the two steps
    // that read it).
    UDF1<byte[], byte[]> blockTermsOf = salient -> SalientTerms.first(salient, blockTerms);
    UDF1<byte[], byte[]> vectorOf = SparseVectors::pack;
    Plans index = ArticleIndex.of(articles.select(col("id"), col("published"),
        udf(blockTermsOf, DataTypes.BinaryType).apply(col(ArticleFeatures.SALIENT)).as("block_terms"),
        udf(vectorOf, DataTypes.BinaryType).apply(col(ArticleFeatures.SALIENT)).as("vector")));
    Dataset<Row> indexed = index.data();
    FlatMapFunction<Row, Row> keys = r -> {
      long time = r.isNullAt(2) ? BlockPairs.UNKNOWN_TIME : r.getTimestamp(2).getTime();
      byte[] terms = (byte[]) r.get(3);
      List<Row> out = new ArrayList<>(SalientTerms.size(terms));
      for (int k = 0; k < SalientTerms.size(terms); k++) {
        out.add(RowFactory.create((long) SalientTerms.term(terms, k), time, r.getLong(0)));
      }
      return out.iterator();
    };
    int partitions = Plans.shufflePartitions();
    Dataset<Row> candidates = BlockPairs.partners(
        indexed.select(col(ArticleIndex.IDX), col("id"), col("published"), col("block_terms"))
            .flatMap(keys, Encoders.row(BlockPairs.KEYED)),
        config.maxBlockSize(), config.storyWindowDays() * 86_400_000L, partitions);
    Dataset<Row> vectors = indexed.select(col(ArticleIndex.IDX), col("vector"));
    long articleCount = indexed.count();
    WaveScoring.Packed scored = WaveScoring.scorePartnersPacked(candidates, vectors, articleCount, waveArticles,
        SparseVectors.DOT, config.storyCandidateThreshold());
    Plans pairs = Plans.cut(BestPairs.perArticle(scored.records(), articleCount, config.storyNeighbours()));
    long pairCount = pairs.data().count();
    scored.release();
    Plans ids = Plans.cut(indexed.select(ArticleIndex.IDX, "id"));
    ids.data().count();
    index.release();
    return new Candidates(ids, articleCount, pairs, pairCount);
  }

  /**
   * Candidate pairs and the articles they refer to.
   *
   * @param articles every input article: {@code idx} (its number, in time order) and {@code id}
   * @param articleCount the number of articles
   * @param pairs {@code a, b, score}: article numbers, {@code a < b}, and their similarity
   * @param pairCount the number of pairs
   */
  public record Candidates(Plans articles, long articleCount, Plans pairs, long pairCount) {
    /** Frees both. */
    public void release() {
      articles.release();
      pairs.release();
    }
  }

  /**
   * A sum that is the same on every run: values are added as fixed-point longs (nine decimals), so
   * the order in which Spark combines partial sums cannot change the last bits of the result.
   */
  public static Column orderedSum(Column values) {
    return sum(round(values.cast(DataTypes.DoubleType).multiply(1e9)).cast(DataTypes.LongType)).divide(1e9);
  }

  /** The story of every article, from the candidate pairs of {@link #candidatePairs}. */
  public static Clustered cluster(Candidates candidates, JobConfig config) {
    return cluster(candidates, config, config.storyTaskEdges());
  }

  /**
   * {@link #cluster(Candidates, JobConfig)}: all pairs in one task when there are at most
   * {@code maxTaskEdges}; else in Spark passes over chunks of about that many
   * ({@link DistributedAverageLink}).
   */
  static Clustered cluster(Candidates candidates, JobConfig config, int maxTaskEdges) {
    double threshold = config.storyThreshold();
    Dataset<Row> pairs = candidates.pairs().data();
    // Each pair is first weighed by the neighbours its two articles share (SharedNeighbours): in
    // the one task that clusters all pairs, or in Spark before the passes over chunks.
    MapPartitionsFunction<Row, Row> averageLink = rows -> {
      ComponentEdges edges = new ComponentEdges(maxTaskEdges);
      while (rows.hasNext()) {
        Row r = rows.next();
        edges.add(r.getLong(0), r.getLong(1), r.getDouble(2));
      }
      return edges.reinforced().cluster(threshold).iterator();
    };
    Dataset<Row> ids = candidates.articles().data();
    if (candidates.pairCount() <= maxTaskEdges) {
      // The whole graph fits in one task: average link over all of it, without the shuffles of
      // passes over chunks. At 100,000 generated articles nearly all pairs form one connected
      // component; average link runs its parts side by side (AverageLink.clusterParts).
      // Persisted: the stories read the clusters twice (members and each story's least id), and
      // without it the one task would run twice.
      Plans clustered = Plans.cut(pairs.select(col("a"), col("b"), col("score"))
          .repartition(1)
          .mapPartitions(averageLink, Encoders.row(MEMBER_SCHEMA)));
      return new Clustered(stories(ids, clustered.data()), 0, List.of(clustered));
    }
    // More pairs than a task holds: average link in Spark passes over chunks of the graph.
    WaveScoring.Scored scored = SharedNeighbours.reinforce(pairs, candidates.articleCount(), BROADCAST_ARTICLES);
    Plans reinforced = Plans.cut(scored.pairs());
    Plans.withoutCoalescing(() -> reinforced.data().count());
    scored.release();
    DistributedAverageLink.Result result = DistributedAverageLink.cluster(reinforced.data(), threshold, maxTaskEdges);
    return new Clustered(stories(ids, result.members().data().toDF(ArticleIndex.IDX, "root", CENTRALITY)),
        result.passes() + result.rounds(), List.of(result.members(), reinforced));
  }

  /**
   * {@code id, story_id, centrality} of every article ({@code ids}: {@code idx, id}) from the
   * clustered ones ({@code idx, root, centrality}); an article in no cluster is a story of its own.
   */
  private static Dataset<Row> stories(Dataset<Row> ids, Dataset<Row> clustered) {
    // A story is named after its least article id (numbers follow time, not ids).
    Dataset<Row> leastIds = ids.join(clustered, ArticleIndex.IDX)
        .groupBy("root").agg(min(col("id")).as("root_id"));
    return ids
        .join(clustered, ArticleIndex.IDX, "left")
        .join(leastIds, "root", "left")
        .select(col("id"),
            concat(lit("s-"), substring(sha2(coalesce(col("root_id"), col("id")), 256), 1, 12)).as(STORY_ID),
            coalesce(col(CENTRALITY), lit(0.0)).as(CENTRALITY));
  }

  /**
   * Average link over each component of {@code rows} ({@code component, a, b, score}, a
   * component's rows together, strongest first), each on at most {@code cap} edges.
   */
  static List<Row> clusterComponents(Iterator<Row> rows, double threshold, int cap) {
    List<Row> out = new ArrayList<>();
    ComponentEdges edges = new ComponentEdges(cap);
    long current = Long.MIN_VALUE;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (r.getLong(0) != current) {
        out.addAll(edges.cluster(threshold));
        edges = new ComponentEdges(cap);
        current = r.getLong(0);
      }
      edges.add(r.getLong(1), r.getLong(2), r.getDouble(3));
    }
    out.addAll(edges.cluster(threshold));
    return out;
  }

  /**
   * Stories ({@code id, story_id, centrality}), read while the candidates are held, and the number
   * of passes and rounds of {@link DistributedAverageLink} (0 when one task clustered all pairs);
   * {@link #release()} frees what the stories are read from.
   */
  public record Clustered(Dataset<Row> stories, long distributedSteps, List<Plans> held) {
    /** Frees the persisted inputs of {@code stories}; read (or cache) the stories first. */
    public void release() {
      held.forEach(Plans::release);
    }
  }

  /**
   * The edges of one component, strongest first, in primitive arrays. Beyond a cap edges are
   * counted, not kept, so one task's memory stays bounded whatever it is given; {@link #cluster}
   * sends more pairs than the cap to Spark passes, so the cap does not bind there.
   */
  static final class ComponentEdges {
    private final int cap;
    private long[] from = new long[16];
    private long[] to = new long[16];
    private double[] weight = new double[16];
    private int size;
    private DenseEdges numbered;
    long dropped;

    ComponentEdges() {
      this(MAX_COMPONENT_EDGES);
    }

    ComponentEdges(int cap) {
      this.cap = cap;
    }

    void add(long a, long b, double score) {
      numbered = null;
      if (size == cap) {
        dropped++;
        return;
      }
      if (size == from.length) {
        int grown = (int) Math.min(cap, 2L * size);
        from = Arrays.copyOf(from, grown);
        to = Arrays.copyOf(to, grown);
        weight = Arrays.copyOf(weight, grown);
      }
      from[size] = a;
      to[size] = b;
      weight[size] = score;
      size++;
    }

    /** These edges with their weights reweighted by shared neighbours ({@link SharedNeighbours}). */
    ComponentEdges reinforced() {
      if (size > 0) {
        numbered = DenseEdges.of(from, to, size);
        weight = SharedNeighbours.reinforce(numbered, weight);
      }
      return this;
    }

    List<Row> cluster(double threshold) {
      if (size > 100_000) {
        org.slf4j.LoggerFactory.getLogger(StoryClusterer.class).info(
            "stories: average link over a component of {} edges{}", size, dropped > 0 ? " (" + dropped + " weaker ones left out)" : "");
      }
      if (size == 0) {
        return List.of();
      }
      // Numbered once for both steps when the weights were reinforced here.
      return clusterComponent(numbered != null ? numbered : DenseEdges.of(from, to, size), weight, threshold);
    }
  }

  /**
   * Average-link clusters of one component, from its first {@code m} edges: (article, least article
   * of its cluster, centrality) rows. The result does not depend on the order of the edges.
   */
  static List<Row> clusterComponent(long[] a, long[] b, double[] w, int m, double threshold) {
    return clusterComponent(DenseEdges.of(a, b, m), w, threshold);
  }

  /** {@link #clusterComponent(long[], long[], double[], int, double)} of edges already numbered. */
  static List<Row> clusterComponent(DenseEdges dense, double[] w, double threshold) {
    int m = dense.from.length;
    long[] nodes = dense.nodes;
    // Edges in (a, b) order, so that ties in the clustering break the same way on every run.
    int[] order = dense.order();
    int[] from = new int[m];
    int[] to = new int[m];
    double[] weight = new double[m];
    for (int i = 0; i < m; i++) {
      int k = order[i];
      from[i] = dense.from[k];
      to[i] = dense.to[k];
      weight[i] = w[k];
    }
    int[] cluster = AverageLink.clusterParts(nodes.length, from, to, weight, threshold);
    double[] centrality = new double[nodes.length];
    for (int k = 0; k < m; k++) {
      if (cluster[from[k]] == cluster[to[k]]) {
        centrality[from[k]] += weight[k];
        centrality[to[k]] += weight[k];
      }
    }
    // Each cluster's least article, by the cluster's representative node.
    long[] root = new long[nodes.length];
    Arrays.fill(root, Long.MAX_VALUE);
    for (int i = 0; i < nodes.length; i++) {
      root[cluster[i]] = Math.min(root[cluster[i]], nodes[i]);
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      out.add(RowFactory.create(nodes[i], root[cluster[i]], centrality[i]));
    }
    return out;
  }
}
