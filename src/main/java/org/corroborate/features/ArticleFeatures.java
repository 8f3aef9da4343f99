package org.corroborate.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.corroborate.config.JobConfig;
import org.corroborate.text.Boilerplate;
import org.corroborate.text.Hashing;
import org.corroborate.text.Tokenizer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The features every later stage reads, in one pass over the articles plus MLlib's TF-IDF.
 *
 * <p>Input columns: {@code id, source, title, text}. Output columns:
 * <ul>
 *   <li>{@code tokens}: content words of the title and the body, lower-cased, Spark's English stop
 *       words removed, boilerplate lines skipped; the pairs of adjacent content words inside a
 *       sentence as two-word tokens ({@link Tokenizer#phrases}); plus each name of the body (a
 *       capitalised word inside a sentence, see {@link Tokenizer#names}) as a {@code name:}
 *       token;</li>
 *   <li>{@code tfidf}: MLlib {@link CountVectorizer} (binary: presence, not counts, which measured
 *       better on real news; terms in at least 2 articles) then {@link IDF};</li>
 *   <li>{@code salient_terms}, {@code salient_weights}: the article's top {@code --salient-terms}
 *       terms (vocabulary indices), each weighted tf * idf^p with p = {@code --idf-power}, with
 *       weights such that summing products over shared terms gives
 *       {@code (1 - w) * word cosine + w * name cosine}, w = {@code --name-weight}
 *       (see {@link #salientTerms});</li>
 *   <li>{@code signature}, {@code shingle_count}: MinHash of the body's word shingles
 *       ({@link MinHasher});</li>
 *   <li>{@code body_hash}, {@code body_chars}: a hash of the body's words (equal for exact copies
 *       up to case, spacing and punctuation) and the body's length.</li>
 * </ul>
 */
public final class ArticleFeatures {
  public static final String TOKENS = "tokens";
  public static final String TFIDF = "tfidf";
  public static final String SALIENT_TERMS = "salient_terms";
  public static final String SALIENT_WEIGHTS = "salient_weights";
  public static final String SIGNATURE = "signature";
  public static final String SHINGLE_COUNT = "shingle_count";
  public static final String BODY_HASH = "body_hash";
  public static final String BODY_CHARS = "body_chars";

  private static final StructType PASS_SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add(TOKENS, DataTypes.createArrayType(DataTypes.StringType))
      .add(SIGNATURE, DataTypes.createArrayType(DataTypes.IntegerType))
      .add(SHINGLE_COUNT, DataTypes.IntegerType)
      .add(BODY_HASH, DataTypes.LongType)
      .add(BODY_CHARS, DataTypes.IntegerType);

  private static final StructType SALIENT_SCHEMA = new StructType()
      .add(SALIENT_TERMS, DataTypes.createArrayType(DataTypes.IntegerType))
      .add(SALIENT_WEIGHTS, DataTypes.createArrayType(DataTypes.FloatType));

  /** Extra times a name counts in the term frequencies (see {@link Tokenizer#names}). */
  /** Prefix of name tokens in the vocabulary: names form their own part of the vector. */
  public static final String NAME_PREFIX = "name:";

  private ArticleFeatures() {}

  /** The featurised articles and the TF-IDF vocabulary (index -> term). */
  public record Result(Dataset<Row> features, String[] vocabulary, Dataset<Row> tokenised) {
    /** Frees the tokenised rows the features are computed from; read the features (or cache them) first. */
    public void release() {
      if (tokenised != null) {
        tokenised.unpersist();
      }
    }
  }

  /** Features of {@code articles} (columns id, source, title, text), boilerplate lines skipped. */
  public static Result build(SparkSession spark, Dataset<Row> articles, Set<Long> boilerplate, JobConfig config) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Set<Long>> lines = jsc.broadcast(new HashSet<>(boilerplate));
    Set<String> stopWords = new HashSet<>(Arrays.asList(StopWordsRemover.loadDefaultStopWords("english")));
    MinHasher hasher = new MinHasher(config.shingleWords(), config.minhashBands(), config.minhashRows());

    MapPartitionsFunction<Row, Row> pass = rows -> {
      Set<Long> skip = lines.value();
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        out.add(featureRow(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
            skip, stopWords, hasher));
      }
      return out.iterator();
    };
    // Input splits of a large file hold tens of thousands of articles each, and CountVectorizer
    // counts the distinct terms of a whole partition in memory (at 1M articles a 4 GiB heap ran
    // out): spread the articles over the job's shuffle partitions, sized from the corpus.
    int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    Dataset<Row> passed = articles.select("id", "source", "title", "text")
        .repartition(partitions)
        .mapPartitions(pass, Encoders.row(PASS_SCHEMA))
        // Two model fits and the final transform read these rows: tokenise and hash once. Words,
        // phrases and names of every article outweigh the corpus text, so they wait on disk and
        // leave the heap to the fits.
        .persist(StorageLevel.DISK_ONLY());

    CountVectorizer counts = new CountVectorizer()
        .setInputCol(TOKENS).setOutputCol("tf").setMinDF(2).setVocabSize(1 << 18).setBinary(true);
    IDF idf = new IDF().setInputCol("tf").setOutputCol(TFIDF);
    // CountVectorizer lists terms of equal frequency in whatever order Spark collected them, which
    // changes with the partitioning (local vs cluster, number of cores). Index the vocabulary in term
    // order instead, so term indices, TF-IDF vectors and every tie broken by index are the same on
    // every run.
    String[] vocabulary = counts.fit(passed).vocabulary().clone();
    java.util.Arrays.sort(vocabulary);
    CountVectorizerModel sortedCounts = new CountVectorizerModel(vocabulary)
        .setInputCol(TOKENS).setOutputCol("tf").setBinary(counts.getBinary());
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {sortedCounts, idf}).fit(passed);
    double[] idfWeights = ((IDFModel) model.stages()[1]).idf().toArray();

    int top = config.salientTerms();
    boolean[] isName = new boolean[vocabulary.length];
    for (int i = 0; i < vocabulary.length; i++) {
      isName[i] = vocabulary[i].startsWith(NAME_PREFIX);
    }
    Broadcast<boolean[]> names = jsc.broadcast(isName);
    Broadcast<double[]> idfs = jsc.broadcast(idfWeights);
    double nameWeight = config.nameWeight();
    double idfPower = config.idfPower();
    UDF1<Vector, Row> salient = v -> salientTerms(
        sharpen(v, idfs.value(), idfPower), top, names.value(), nameWeight);
    Dataset<Row> features = model.transform(passed)
        .drop("tf")
        .withColumn("__salient", udf(salient, SALIENT_SCHEMA).apply(col(TFIDF)))
        .withColumn(SALIENT_TERMS, col("__salient").getField(SALIENT_TERMS))
        .withColumn(SALIENT_WEIGHTS, col("__salient").getField(SALIENT_WEIGHTS))
        .drop("__salient");
    return new Result(features, vocabulary, passed);
  }

  /** The one-pass features of one article. */
  static Row featureRow(String id, String source, String title, String text,
      Set<Long> boilerplate, Set<String> stopWords, MinHasher hasher) {
    String body = Boilerplate.strip(text, source, boilerplate);
    List<String> words = Tokenizer.words(body);
    List<String> tokens = new ArrayList<>();
    List<String> titleTokens = Tokenizer.words(title, stopWords, 2);
    tokens.addAll(titleTokens);
    for (String w : words) {
      if ((w.length() >= 2 || Character.isDigit(w.charAt(0))) && !stopWords.contains(w)) {
        tokens.add(w);
      }
    }
    tokens.addAll(Tokenizer.phrases(title, stopWords, 2));
    tokens.addAll(Tokenizer.phrases(body, stopWords, 2));
    for (String name : Tokenizer.names(body, stopWords)) {
      tokens.add(NAME_PREFIX + name);
    }
    long[] shingles = hasher.shingles(words);
    int[] signature = hasher.signature(shingles);
    long bodyHash = Hashing.hash64(String.join(" ", words));
    return RowFactory.create(id, tokens.toArray(new String[0]), signature, shingles.length, bodyHash,
        body.strip().length());
  }

  /**
   * The TF-IDF vector {@code v} (tf * idf per term) reweighted to tf * idf^{@code power}, given
   * the IDF of each vocabulary term. A power above 1 widens the gap between the rare terms that
   * name one event (a place, a person, a phrase) and the commoner words that two events of one
   * kind share; the IDF of a small corpus spans a narrow range (about 1 to 6 for a thousand
   * articles), so it separates them too little on its own. A power of 1 returns {@code v}.
   */
  static Vector sharpen(Vector v, double[] idf, double power) {
    if (power == 1) {
      return v;
    }
    SparseVector s = v.toSparse();
    int[] indices = s.indices();
    double[] values = s.values().clone();
    for (int i = 0; i < values.length; i++) {
      double w = idf[indices[i]];
      values[i] = w > 0 ? values[i] * Math.pow(w, power - 1) : 0;
    }
    return Vectors.sparse(s.size(), indices, values);
  }

  /**
   * The {@code top} highest-weighted terms of a TF-IDF vector. The vector has two parts, words and
   * names ({@code isName}); each part is scaled to unit length and then weighted, words by
   * sqrt(1 - nameWeight) and names by sqrt(nameWeight), so that the dot product of two articles'
   * vectors is {@code (1 - nameWeight) * word cosine + nameWeight * name cosine}. Ties go to the
   * lower term index, so the choice is deterministic.
   */
  static Row salientTerms(Vector v, int top, boolean[] isName, double nameWeight) {
    SparseVector s = v.toSparse();
    int[] indices = s.indices();
    double[] values = s.values().clone();
    double wordNorm = 0;
    double nameNorm = 0;
    for (int i = 0; i < values.length; i++) {
      if (isName[indices[i]]) {
        nameNorm += values[i] * values[i];
      } else {
        wordNorm += values[i] * values[i];
      }
    }
    double wordScale = wordNorm == 0 ? 0 : Math.sqrt(1 - nameWeight) / Math.sqrt(wordNorm);
    double nameScale = nameNorm == 0 ? 0 : Math.sqrt(nameWeight) / Math.sqrt(nameNorm);
    for (int i = 0; i < values.length; i++) {
      values[i] *= isName[indices[i]] ? nameScale : wordScale;
    }
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a])
        : Integer.compare(indices[a], indices[b]));
    int n = Math.min(top, order.length);
    int[] terms = new int[n];
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      terms[i] = indices[order[i]];
      weights[i] = (float) values[order[i]];
    }
    return RowFactory.create(terms, weights);
  }
}
