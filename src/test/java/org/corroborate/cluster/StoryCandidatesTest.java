package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.Corroborate;
import org.corroborate.config.JobConfig;
import org.corroborate.features.ArticleFeatures;
import org.corroborate.features.SalientTerms;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Story candidates and clusters, whatever the number of broadcast waves or where average link runs. */
class StoryCandidatesTest {
  private static final StructType ARTICLES = new StructType()
      .add("id", DataTypes.StringType)
      .add("published", DataTypes.TimestampType)
      .add(ArticleFeatures.SALIENT, DataTypes.BinaryType);

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @Test
  void wavesOfAnySizeScoreTheSamePairsExactly() {
    // 8 topics of 6 articles: each article weighs its topic's 6 terms above 4 terms of noise.
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    Map<String, Map<Integer, Float>> vectors = new TreeMap<>();
    for (int topic = 0; topic < 8; topic++) {
      for (int k = 0; k < 6; k++) {
        Map<Integer, Float> vector = new TreeMap<>();
        for (int t = 0; t < 6; t++) {
          vector.put(topic * 10 + t, 1f + random.nextFloat());
        }
        for (int t = 0; t < 4; t++) {
          vector.put(100 + random.nextInt(400), 0.3f * random.nextFloat());
        }
        double norm = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
        vector.replaceAll((term, w) -> (float) (w / norm));
        // Salient terms come strongest first.
        List<Map.Entry<Integer, Float>> ranked = new ArrayList<>(vector.entrySet());
        ranked.sort(Map.Entry.<Integer, Float>comparingByValue().reversed());
        String id = String.format("t%d-%d", topic, k);
        vectors.put(id, vector);
        rows.add(RowFactory.create(id, k % 2 == 0 ? null : Timestamp.valueOf("2024-03-0" + (1 + k) + " 10:00:00"),
            salient(ranked)));
      }
    }
    Dataset<Row> articles = spark.createDataFrame(rows, ARTICLES);
    JobConfig config = Corroborate.parseConfig("--input", "unused.jsonl");

    StoryClusterer.Candidates candidates = StoryClusterer.candidatePairs(articles, config, 1_000);
    Map<String, Double> whole = pairs(candidates);
    assertFalse(whole.isEmpty());
    StoryClusterer.Candidates inWaves = StoryClusterer.candidatePairs(articles, config, 7);
    assertEquals(whole, pairs(inWaves));
    inWaves.release();
    for (Map.Entry<String, Double> pair : whole.entrySet()) {
      String[] ids = pair.getKey().split(" ");
      assertEquals(dot(vectors.get(ids[0]), vectors.get(ids[1])), pair.getValue(), 1e-6, pair.getKey());
      assertTrue(pair.getValue() >= config.storyCandidateThreshold(), pair.getKey());
    }
    // Pairs weighed by shared neighbours in Spark (waves of 7 articles) score as in one task, bit
    // for bit, and differently from their plain similarity.
    List<Row> raw = candidates.pairs().data().collectAsList();
    int m = raw.size();
    long[] a = new long[m];
    long[] b = new long[m];
    double[] w = new double[m];
    for (int k = 0; k < m; k++) {
      a[k] = raw.get(k).getLong(0);
      b[k] = raw.get(k).getLong(1);
      w[k] = raw.get(k).getDouble(2);
    }
    double[] inOneTask = SharedNeighbours.reinforce(a, b, w, m);
    WaveScoring.Scored inSpark = SharedNeighbours.reinforce(candidates.pairs().data(), 48, 7);
    Map<Long, Double> sparkScores = new TreeMap<>();
    for (Row r : inSpark.pairs().collectAsList()) {
      sparkScores.put(r.getLong(0) << 32 | r.getLong(1), r.getDouble(2));
    }
    inSpark.release();
    assertEquals(m, sparkScores.size());
    int changed = 0;
    for (int k = 0; k < m; k++) {
      assertEquals(inOneTask[k], sparkScores.get(a[k] << 32 | b[k]), 0.0);
      changed += Math.abs(inOneTask[k] - w[k]) > 1e-3 ? 1 : 0;
    }
    assertTrue(changed > m / 2, changed + " of " + m);
    // Stories are the same whether the whole graph is clustered in one task or in Spark passes
    // over chunks of a third of the pairs (DistributedAverageLinkTest checks the passes further).
    Map<String, String> inTask = stories(StoryClusterer.cluster(candidates, config, 1_000_000), false);
    Map<String, String> inChunks = stories(StoryClusterer.cluster(candidates, config,
        (int) candidates.pairCount() / 3), true);
    candidates.release();
    assertEquals(inTask, inChunks);
    assertEquals(8, inTask.values().stream().map(v -> v.split(" ")[0]).distinct().count(), inTask.toString());
    // Articles of one topic find each other.
    assertTrue(whole.keySet().stream().filter(p -> p.startsWith("t3-")).filter(p -> p.contains(" t3-")).count() >= 10,
        whole.toString());
  }

  private static Map<String, Double> pairs(StoryClusterer.Candidates candidates) {
    Map<Long, String> ids = new TreeMap<>();
    for (Row r : candidates.articles().data().collectAsList()) {
      ids.put(r.getLong(0), r.getString(1));
    }
    Map<String, Double> out = new TreeMap<>();
    for (Row r : candidates.pairs().data().collectAsList()) {
      out.put(ids.get(r.getLong(0)) + " " + ids.get(r.getLong(1)), r.getDouble(2));
    }
    assertEquals(out.size(), candidates.pairCount());
    return out;
  }

  /** Stories and centralities by article, checking whether Spark passes clustered them. */
  private static Map<String, String> stories(StoryClusterer.Clustered clustered, boolean distributed) {
    assertEquals(distributed, clustered.distributedSteps() > 0);
    Map<String, String> out = new TreeMap<>();
    for (Row r : clustered.stories().collectAsList()) {
      out.put(r.getString(0), r.getString(1) + " " + Math.round(r.getDouble(2) * 1e6));
    }
    clustered.release();
    return out;
  }

  private static double dot(Map<Integer, Float> a, Map<Integer, Float> b) {
    double sum = 0;
    for (Map.Entry<Integer, Float> e : a.entrySet()) {
      Float w = b.get(e.getKey());
      if (w != null) {
        sum += (double) e.getValue() * w;
      }
    }
    return sum;
  }

  private static byte[] salient(List<Map.Entry<Integer, Float>> ranked) {
    int[] terms = new int[ranked.size()];
    float[] weights = new float[ranked.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = ranked.get(i).getKey();
      weights[i] = ranked.get(i).getValue();
    }
    return SalientTerms.pack(terms, weights);
  }
}
