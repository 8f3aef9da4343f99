package org.corroborate.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.feature.IDF;
import org.apache.spark.mllib.feature.IDFModel;
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
import org.corroborate.spark.Chunks;
import org.corroborate.spark.Plans;
import org.corroborate.text.Boilerplate;
import org.corroborate.text.Hashing;
import org.corroborate.text.Tokenizer;
import org.corroborate.util.TopScores;
import scala.Tuple2;

/**
 * The features every later stage reads, in one pass over the articles plus MLlib's TF-IDF.
 *
 * <p>Input columns: {@code id, source, title, text, published}. Output columns, besides {@code id}
 * and {@code published}:
 * <ul>
 *   <li>{@code terms}: the article's distinct terms as sorted 64-bit hashes ({@link TermVocabulary}):
 *       content words of the title and the body, lower-cased, Spark's English stop words removed,
 *       boilerplate lines skipped; the pairs of adjacent content words inside a sentence as
 *       two-word terms ({@link Tokenizer#phrases}); and each name of the body (a capitalised word
 *       inside a sentence, see {@link Tokenizer#names}) as a term of its own kind;</li>
 *   <li>{@code salient}: the article's top {@code --salient-terms}
 *       terms (vocabulary indices: every term in at least 2 articles) by TF-IDF, binary term
 *       frequencies (presence, not counts, which measured better on real news) and MLlib's
 *       {@link IDF}, each weighted tf * idf^p with p = {@code --idf-power}, with
 *       weights such that summing products over shared terms gives
 *       {@code (1 - w) * word cosine + w * name cosine}, w = {@code --name-weight}
 *       (see {@link #salientTerms}), strongest first, packed with their weights
 *       ({@link SalientTerms});</li>
 *   <li>{@code signature}, {@code shingle_count}: MinHash of the body's word shingles
 *       ({@link MinHasher}), packed with the number of shingles ({@link MinHasher#pack}), and that
 *       number;</li>
 *   <li>{@code body_hash}, {@code body_chars}: a hash of the body's words (equal for exact copies
 *       up to case, spacing and punctuation) and the body's length.</li>
 * </ul>
 */
public final class ArticleFeatures {
  public static final String TERMS = "terms";
  public static final String SALIENT = "salient";
  public static final String SIGNATURE = "signature";
  public static final String SHINGLE_COUNT = "shingle_count";
  public static final String BODY_HASH = "body_hash";
  public static final String BODY_CHARS = "body_chars";

  private static final StructType PASS_SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add(TERMS, DataTypes.BinaryType)
      .add(SIGNATURE, DataTypes.BinaryType)
      .add(SHINGLE_COUNT, DataTypes.IntegerType)
      .add(BODY_HASH, DataTypes.LongType)
      .add(BODY_CHARS, DataTypes.IntegerType)
      .add("published", DataTypes.TimestampType);

  private ArticleFeatures() {}

  /** The featurised articles and the TF-IDF vocabulary (index -> term hash), broadcast once for every stage. */
  public record Result(Dataset<Row> features, Broadcast<TermVocabulary> vocabulary, Dataset<Row> tokenised) {
    /** Frees the tokenised rows the features are computed from; read the features (or cache them) first. */
    public void release() {
      if (tokenised != null) {
        tokenised.unpersist();
      }
    }
  }

  /**
   * Features of {@code articles} (columns id, source, title, text, published), boilerplate lines
   * skipped; the features carry each article's {@code published} along, so that no join brings it
   * back.
   */
  public static Result build(SparkSession spark, Dataset<Row> articles, Set<Long> boilerplate, JobConfig config) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Set<Long>> lines = jsc.broadcast(new HashSet<>(boilerplate));
    Set<String> stopWords = stopWords();
    MinHasher hasher = new MinHasher(config.shingleWords(), config.minhashBands(), config.minhashRows());

    MapPartitionsFunction<Row, Row> pass = rows -> {
      Set<Long> skip = lines.value();
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        Row features = featureRow(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
            skip, stopWords, hasher);
        Object[] values = new Object[features.length() + 1];
        for (int i = 0; i < features.length(); i++) {
          values[i] = features.get(i);
        }
        values[features.length()] = row.get(4);
        out.add(RowFactory.create(values));
      }
      return out.iterator();
    };
    // Input splits of a large file hold tens of thousands of articles each: spread the articles over
    // the job's shuffle partitions, sized from the corpus, so that no task holds too many.
    int partitions = Plans.shufflePartitions();
    Dataset<Row> passed = articles.select("id", "source", "title", "text", "published")
        .repartition(partitions)
        .mapPartitions(pass, Encoders.row(PASS_SCHEMA))
        // The document frequencies, the IDF fit and the final transform read these rows: tokenise
        // and hash once. The terms of every article outweigh the corpus text, so they wait on disk
        // and leave the heap to the fits.
        .persist(StorageLevel.DISK_ONLY());

    TermVocabulary vocabulary = vocabulary(passed);
    Broadcast<TermVocabulary> vocab = jsc.broadcast(vocabulary);
    // Binary term frequencies (presence, not counts, which measured better on real news) over the
    // vocabulary, then MLlib's IDF, fitted on an RDD of vectors: the ml estimator takes a column of
    // vectors, which it turns back into an RDD of them, and each vector's arrays went value by value
    // through Spark's rows both ways (at 100,000 articles, a sixth of the phase's task time).
    // MLlib's IDF counts document frequencies into a dense array of the vocabulary's size per input
    // partition (60 MB at a million articles) and merges them: a partition per core, not hundreds.
    int fitPartitions = Math.max(1, Math.min(partitions, spark.sparkContext().defaultParallelism()));
    JavaRDD<org.apache.spark.mllib.linalg.Vector> tf = passed.select(TERMS).javaRDD()
        .coalesce(fitPartitions)
        .map(row -> {
          TermVocabulary v = vocab.value();
          int[] indices = v.indices((byte[]) row.get(0));
          double[] ones = new double[indices.length];
          Arrays.fill(ones, 1.0);
          return org.apache.spark.mllib.linalg.Vectors.sparse(v.size(), indices, ones);
        });
    IDFModel idf = new IDF().fit(tf);

    int top = config.salientTerms();
    Broadcast<boolean[]> names = jsc.broadcast(vocabulary.names());
    double nameWeight = config.nameWeight();
    // Each term's tf * idf^p with binary tf: its sharpened IDF, raised to the power once here
    // rather than for every term of every article.
    Broadcast<double[]> weightOf = jsc.broadcast(sharpenedIdf(idf.idf().toArray(), config.idfPower()));
    // The weights are read from a broadcast: the model's own transform would ship its weights (8
    // bytes a term, 10 MB at 100,000 articles) inside every task.
    UDF1<byte[], byte[]> salient = packed -> {
      int[] indices = vocab.value().indices(packed);
      double[] weights = new double[indices.length];
      // Read once: a broadcast's value() is a synchronised lookup, and this runs for every term.
      double[] weightOfTerm = weightOf.value();
      for (int i = 0; i < indices.length; i++) {
        weights[i] = weightOfTerm[indices[i]];
      }
      Row chosen = salientTerms(indices, weights, top, names.value(), nameWeight);
      return SalientTerms.pack((int[]) chosen.get(0), (float[]) chosen.get(1));
    };
    Dataset<Row> features = passed.withColumn(SALIENT, udf(salient, DataTypes.BinaryType).apply(col(TERMS)));
    return new Result(features, vocab, passed);
  }

  /**
   * Every term in at least two articles, in hash order. Each partition counts its own terms first
   * ({@link TermCounts}) and sends each distinct term on, twice when it is in two of its articles,
   * as packed longs in chunks ({@link Chunks}); each partition of the terms then keeps those that
   * arrive twice and sends the driver one packed array of them: millions of terms arrive as a few
   * hundred arrays, not as a row each. (As rows of a Spark SQL aggregation, the seven million
   * distinct terms of each task at 100,000 articles were hashed and encoded one by one.)
   */
  static TermVocabulary vocabulary(Dataset<Row> passed) {
    int partitions = Plans.shufflePartitions();
    List<byte[]> parts = passed.select(TERMS).javaRDD()
        .mapPartitionsToPair(rows -> distinctTerms(new TermCounts(Chunks.mapped(rows, r -> (byte[]) r.get(0))), partitions))
        .partitionBy(new HashPartitioner(partitions))
        .mapPartitions(chunks -> List.of(TermVocabulary.pack(inTwoOrMore(Chunks.bytes(chunks)))).iterator())
        .collect();
    int total = 0;
    for (byte[] part : parts) {
      total += part.length / Long.BYTES;
    }
    long[] all = new long[total];
    int at = 0;
    for (byte[] part : parts) {
      long[] hashes = TermVocabulary.unpack(part);
      System.arraycopy(hashes, 0, all, at, hashes.length);
      at += hashes.length;
    }
    Arrays.sort(all);
    return new TermVocabulary(all);
  }

  /** Terms per chunk of {@link #distinctTerms}' output. */
  static final int TERMS_PER_CHUNK = 8192;

  /**
   * The distinct terms of {@code counts} in chunks for the partition of each term: a term once,
   * or twice when {@code counts} found it in two articles or more.
   */
  static Iterator<Tuple2<Integer, byte[]>> distinctTerms(TermCounts counts, int partitions) {
    Chunks chunks = new Chunks(partitions, Long.BYTES, TERMS_PER_CHUNK);
    return Chunks.of(counts, chunks, counted -> {
      for (int i = 0; i < counted.size(); i++) {
        long term = counted.terms()[i];
        int p = (int) ((term >>> 1) % partitions);
        for (int k = 0; k < Math.min(2, counted.counts()[i]); k++) {
          chunks.to(p).putLong(term);
          chunks.written(p);
        }
      }
    });
  }

  /** The terms that come twice or more in {@code chunks} of packed longs, ascending. */
  static long[] inTwoOrMore(Iterator<byte[]> chunks) {
    long[] all = new long[1024];
    int size = 0;
    while (chunks.hasNext()) {
      long[] terms = TermVocabulary.unpack(chunks.next());
      if (size + terms.length > all.length) {
        all = Arrays.copyOf(all, Math.max(size + terms.length, 2 * all.length));
      }
      System.arraycopy(terms, 0, all, size, terms.length);
      size += terms.length;
    }
    Arrays.sort(all, 0, size);
    int kept = 0;
    for (int i = 1; i < size; i++) {
      if (all[i] == all[i - 1] && (kept == 0 || all[kept - 1] != all[i])) {
        all[kept++] = all[i];
      }
    }
    return Arrays.copyOf(all, kept);
  }

  /** Spark's English stop words, which features leave out. */
  public static Set<String> stopWords() {
    return new HashSet<>(Arrays.asList(StopWordsRemover.loadDefaultStopWords("english")));
  }

  /**
   * The terms of an article, as strings: content words of the title and the body (stop words and
   * one-letter words left out, numbers kept; {@code bodyWords} = {@link Tokenizer#words(String)} of
   * the body), then the two-word phrases of each, in order.
   */
  static List<String> wordTerms(String title, List<List<String>> bodySentences, List<String> bodyWords,
      Set<String> stopWords) {
    List<String> terms = new ArrayList<>(Tokenizer.words(title, stopWords, 2));
    for (String w : bodyWords) {
      if ((w.length() >= 2 || Character.isDigit(w.charAt(0))) && !stopWords.contains(w)) {
        terms.add(w);
      }
    }
    terms.addAll(Tokenizer.phrases(title, stopWords, 2));
    terms.addAll(Tokenizer.phrasesOfSentences(bodySentences, stopWords, 2));
    return terms;
  }

  /** The words of a text given as {@link Tokenizer#sentenceWords}: {@link Tokenizer#words(String)} of it. */
  static List<String> joined(List<List<String>> sentences) {
    int size = 0;
    for (List<String> sentence : sentences) {
      size += sentence.size();
    }
    List<String> out = new ArrayList<>(size);
    for (List<String> sentence : sentences) {
      out.addAll(sentence);
    }
    return out;
  }

  /**
   * The display form of each term of an article, by hash: words and phrases as they are, names
   * without any marker. For keywords: the vocabulary itself holds hashes only.
   */
  public static Map<Long, String> termStrings(String title, String body, Set<String> stopWords) {
    Map<Long, String> out = new HashMap<>();
    List<List<String>> sentences = Tokenizer.sentenceWords(body);
    for (String term : wordTerms(title, sentences, joined(sentences), stopWords)) {
      out.putIfAbsent(TermVocabulary.word(term), term);
    }
    for (String name : Tokenizer.names(body, stopWords)) {
      out.putIfAbsent(TermVocabulary.name(name), name);
    }
    return out;
  }

  /** The one-pass features of one article. */
  static Row featureRow(String id, String source, String title, String text,
      Set<Long> boilerplate, Set<String> stopWords, MinHasher hasher) {
    String body = Boilerplate.strip(text, source, boilerplate);
    // One pass of the tokeniser gives the body's words and, sentence by sentence, its phrases.
    List<List<String>> sentences = Tokenizer.sentenceWords(body);
    List<String> words = joined(sentences);
    List<String> wordTerms = wordTerms(title, sentences, words, stopWords);
    List<String> names = Tokenizer.names(body, stopWords);
    long[] terms = new long[wordTerms.size() + names.size()];
    int t = 0;
    for (String term : wordTerms) {
      terms[t++] = TermVocabulary.word(term);
    }
    for (String name : names) {
      terms[t++] = TermVocabulary.name(name);
    }
    long[] shingles = hasher.shingles(words);
    int[] signature = hasher.signature(shingles);
    long bodyHash = Hashing.hash64Joined(words, ' ');
    return RowFactory.create(id, TermVocabulary.pack(terms), MinHasher.pack(signature, shingles.length),
        shingles.length, bodyHash, body.strip().length());
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
   * The weight of each vocabulary term in an article that has it, tf * idf^{@code power} with
   * binary tf: the value {@link #sharpen} gives a term of weight {@code idf}.
   */
  static double[] sharpenedIdf(double[] idf, double power) {
    double[] out = new double[idf.length];
    for (int i = 0; i < idf.length; i++) {
      double w = idf[i];
      out[i] = power == 1 ? w : w > 0 ? w * Math.pow(w, power - 1) : 0;
    }
    return out;
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
    return salientTerms(s.indices(), s.values().clone(), top, isName, nameWeight);
  }

  /**
   * {@link #salientTerms(Vector, int, boolean[], double)} of the vector with {@code indices}
   * (ascending) and {@code values}, which it scales in place. The top terms are chosen with a heap
   * ({@link TopScores}): an article has hundreds of terms, and sorting them all as boxed positions
   * cost more than finding them.
   */
  static Row salientTerms(int[] indices, double[] values, int top, boolean[] isName, double nameWeight) {
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
    TopScores best = new TopScores(top);
    for (int i = 0; i < values.length; i++) {
      best.offer(indices[i], values[i]);
    }
    long[] chosen = new long[best.size()];
    double[] chosenWeights = new double[best.size()];
    best.drainBestFirst(chosen, chosenWeights);
    int[] terms = new int[chosen.length];
    float[] weights = new float[chosen.length];
    for (int i = 0; i < chosen.length; i++) {
      terms[i] = (int) chosen[i];
      weights[i] = (float) chosenWeights[i];
    }
    return RowFactory.create(terms, weights);
  }

  /** Distinct terms, ascending, and the number of articles of a chunk that hold each. */
  record Counted(long[] terms, int[] counts, int size) {}

  /**
   * The distinct terms of packed article terms with the number of articles that hold each: an
   * article's terms are distinct, so a count is a number of articles. Hashes are sorted and
   * counted in runs, in chunks of at most {@link #CHUNK} terms, so a task's memory stays bounded
   * however many articles its partition holds; a term split over chunks comes in each.
   */
  static final class TermCounts implements Iterator<Counted> {
    static final int CHUNK = 1 << 22;

    private final Iterator<byte[]> articles;
    private final int chunkTerms;
    private long[] chunk = new long[1 << 16];
    private long[] carry = new long[0];

    TermCounts(Iterator<byte[]> articles) {
      this(articles, CHUNK);
    }

    /** Counts in chunks of at most {@code chunkTerms} terms (more when one article holds more). */
    TermCounts(Iterator<byte[]> articles, int chunkTerms) {
      this.articles = articles;
      this.chunkTerms = chunkTerms;
    }

    @Override
    public boolean hasNext() {
      return carry.length > 0 || articles.hasNext();
    }

    @Override
    public Counted next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int size = 0;
      size = append(carry, size);
      carry = new long[0];
      while (size < chunkTerms && articles.hasNext()) {
        long[] hashes = TermVocabulary.unpack(articles.next());
        if (size + hashes.length > chunkTerms && size > 0) {
          carry = hashes;
          break;
        }
        size = append(hashes, size);
      }
      Arrays.sort(chunk, 0, size);
      long[] terms = new long[size];
      int[] counts = new int[size];
      int distinct = 0;
      for (int at = 0; at < size; ) {
        int end = at + 1;
        while (end < size && chunk[end] == chunk[at]) {
          end++;
        }
        terms[distinct] = chunk[at];
        counts[distinct++] = end - at;
        at = end;
      }
      return new Counted(Arrays.copyOf(terms, distinct), Arrays.copyOf(counts, distinct), distinct);
    }

    private int append(long[] hashes, int size) {
      if (size + hashes.length > chunk.length) {
        chunk = Arrays.copyOf(chunk, Math.max(size + hashes.length, chunk.length * 2));
      }
      System.arraycopy(hashes, 0, chunk, size, hashes.length);
      return size + hashes.length;
    }
  }
}
