package org.corroborate.cluster;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.corroborate.config.JobConfig;
import org.corroborate.features.ArticleFeatures;
import org.corroborate.features.MinHasher;
import org.corroborate.spark.Plans;

/**
 * Finds copies: the same text republished, possibly with a new headline, a trimmed or extended
 * ending, an added byline or boilerplate line, or a word changed here and there.
 *
 * <ol>
 *   <li>Exact copies first, cheaply: articles whose body words hash alike form a group, and only
 *       one of them goes on to the next step.</li>
 *   <li>Near copies: MinHash LSH over word shingles ({@link MinHasher}) proposes pairs that share
 *       a band; blocks are bounded by {@link BlockPairs}. A pair is a copy when its estimated shingle
 *       Jaccard similarity reaches {@code --copy-jaccard}, or when the shorter text lies in the
 *       longer at {@code --copy-containment} (a trimmed copy) with Jaccard at least
 *       {@value #MIN_CONTAINMENT_JACCARD}.</li>
 *   <li>Groups are the connected components of all copy pairs.</li>
 * </ol>
 *
 * <p>Canonical article of a group, by a fixed rule: the earliest published (unknown dates last),
 * then the longest body, then the smallest id. Input columns: {@code id, published} and the
 * {@link ArticleFeatures} columns. Output: {@code id, duplicate_group} (null for an article with no
 * copy) and {@code canonical} (the id of the group's canonical article; its own id when alone).
 */
public final class CopyDetector {
  public static final String DUPLICATE_GROUP = "duplicate_group";
  public static final String CANONICAL = "canonical";
  /** Least Jaccard similarity for the containment rule, so that noise on tiny overlaps is ignored. */
  static final double MIN_CONTAINMENT_JACCARD = 0.2;
  /** Articles whose signatures are broadcast at once: 80 ints each at the default bands and rows. */
  static final long WAVE_ARTICLES = 100_000;
  /**
   * Copy pairs up to which groups are joined in one task rather than in Spark rounds: about 200
   * bytes a distinct article there, and a million generated articles have about 150,000 copy pairs.
   */
  static final long TASK_EDGES = 1_000_000;

  private CopyDetector() {}

  /** The canonical rule as a sort order: earliest, longest, smallest id. */
  static Column[] canonicalOrder() {
    return new Column[] {
        col("published").asc_nulls_last(), col(ArticleFeatures.BODY_CHARS).desc(), col("id").asc()};
  }

  /** Each article's copy group and canonical article. */
  public static Dataset<Row> detect(Dataset<Row> articles, JobConfig config) {
    return detect(articles, config, WAVE_ARTICLES);
  }

  /** {@link #detect(Dataset, JobConfig)}, verifying candidates against waves of {@code waveArticles}. */
  static Dataset<Row> detect(Dataset<Row> articles, JobConfig config, long waveArticles) {
    Dataset<Row> withText = articles.filter(col(ArticleFeatures.SHINGLE_COUNT).gt(0));

    // 1. Exact copies: one representative per body hash goes on to LSH.
    Dataset<Row> ranked = withText.withColumn("__rank",
        row_number().over(Window.partitionBy(ArticleFeatures.BODY_HASH).orderBy(canonicalOrder())));
    Dataset<Row> representatives = ranked.filter(col("__rank").equalTo(1)).drop("__rank");
    Dataset<Row> exactEdges = ranked.filter(col("__rank").gt(1)).as("m")
        .join(representatives.as("r"), col("m." + ArticleFeatures.BODY_HASH).equalTo(col("r." + ArticleFeatures.BODY_HASH)))
        .select(col("m.id").as("src"), col("r.id").as("dst"));

    // 2. Near copies among representatives: band keys -> bounded blocks -> verified pairs.
    MinHasher hasher = new MinHasher(config.shingleWords(), config.minhashBands(), config.minhashRows());
    // Numbered with the packed signature (numbering goes through Row objects, where each number of
    // a signature as an array would become an object twice).
    Plans index = ArticleIndex.of(representatives.select(col("id"), col("published"),
        col(ArticleFeatures.SIGNATURE).as("packed")));
    Dataset<Row> indexed = index.data();
    FlatMapFunction<Row, Row> bands = r -> {
      long time = r.isNullAt(2) ? BlockPairs.UNKNOWN_TIME : r.getTimestamp(2).getTime();
      List<Row> out = new ArrayList<>();
      for (long band : hasher.bandKeys(MinHasher.signatureOf((byte[]) r.get(3)))) {
        out.add(RowFactory.create(band, time, r.getLong(0)));
      }
      return out.iterator();
    };
    int partitions = Plans.shufflePartitions();
    Dataset<Row> candidates = BlockPairs.partners(indexed.flatMap(bands, Encoders.row(BlockPairs.KEYED)),
        config.maxBlockSize(), 0, partitions);

    // Each candidate pair is verified on the two signatures, read from a broadcast wave rather than
    // joined into the pair rows (WaveScoring).
    double jaccard = config.copyJaccard();
    double containment = config.copyContainment();
    WaveScoring.PairScore isCopy = (x, y) -> isCopy(x, y, jaccard, containment) ? 1 : 0;
    Dataset<Row> signatures = indexed.select(col(ArticleIndex.IDX), col("packed"));
    WaveScoring.Scored verified = WaveScoring.scorePartners(candidates, signatures, indexed.count(), waveArticles, isCopy, 1);
    Dataset<Row> ids = indexed.select(col(ArticleIndex.IDX), col("id"));
    Dataset<Row> nearEdges = verified.pairs()
        .join(ids.toDF("a", "src"), "a")
        .join(ids.toDF("b", "dst"), "b")
        .select("src", "dst");

    // 3. Groups and their canonical article.
    Dataset<Row> components = ConnectedComponents.of(exactEdges.union(nearEdges), TASK_EDGES);
    verified.release();
    index.release();
    Dataset<Row> members = articles.select(col("id"), col("published"), col(ArticleFeatures.BODY_CHARS))
        .join(components, col("id").equalTo(col("node")))
        .drop("node");
    Dataset<Row> canonical = members
        .withColumn("__rank", row_number().over(Window.partitionBy("component").orderBy(canonicalOrder())))
        .filter(col("__rank").equalTo(1))
        .select(col("component"), col("id").as(CANONICAL));
    Dataset<Row> grouped = members.join(canonical, "component")
        .select(col("id"), concat(lit("dup-"), substring(sha2(col(CANONICAL), 256), 1, 12)).as(DUPLICATE_GROUP),
            col(CANONICAL));
    return articles.select("id")
        .join(grouped, "id", "left")
        .select(col("id"), col(DUPLICATE_GROUP), coalesce(col(CANONICAL), col("id")).as(CANONICAL));
  }

  /**
   * Whether two packed signatures ({@link MinHasher#pack}) are of copies: estimated shingle Jaccard
   * at least {@code jaccard}, or the shorter text contained in the longer at {@code containment}.
   */
  static boolean isCopy(byte[] a, byte[] b, double jaccard, double containment) {
    ByteBuffer x = ByteBuffer.wrap(a);
    ByteBuffer y = ByteBuffer.wrap(b);
    int length = a.length / Integer.BYTES - 1;
    if (length <= 0 || b.length != a.length) {
      return false;
    }
    int equal = 0;
    for (int i = 1; i <= length; i++) {
      if (x.getInt(i * Integer.BYTES) == y.getInt(i * Integer.BYTES)) {
        equal++;
      }
    }
    double j = (double) equal / length;
    return j >= jaccard
        || (j >= MIN_CONTAINMENT_JACCARD && MinHasher.containment(j, x.getInt(0), y.getInt(0)) >= containment);
  }
}
