package org.corroborate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corroborate.Corroborate;
import org.corroborate.config.JobConfig;
import org.corroborate.features.ArticleFeatures;
import org.corroborate.features.MinHasher;
import org.corroborate.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** The copy test on packed signatures: estimated Jaccard, or containment of a trimmed text. */
class CopyDetectorTest {
  @Test
  void aPairIsACopyByJaccardOrByContainment() {
    int[] a = new int[20];
    int[] b = new int[20];
    for (int i = 0; i < 20; i++) {
      a[i] = i;
      b[i] = i < 12 ? i : -i;
    }
    // 12 of 20 positions agree: estimated Jaccard 0.6.
    assertTrue(CopyDetector.isCopy(MinHasher.pack(a, 300), MinHasher.pack(b, 300), 0.6, 0.9));
    assertFalse(CopyDetector.isCopy(MinHasher.pack(a, 300), MinHasher.pack(b, 300), 0.7, 0.9));
    // The same Jaccard between a text of 100 shingles and one of 160: 0.6 * 260 / 1.6 = 97.5 shared,
    // so the shorter lies 97.5% in the longer, a trimmed copy.
    assertTrue(CopyDetector.isCopy(MinHasher.pack(a, 100), MinHasher.pack(b, 160), 0.7, 0.9));
    // Below the least Jaccard for containment (0.2), even a tiny text is not a copy.
    int[] c = new int[20];
    for (int i = 0; i < 20; i++) {
      c[i] = i < 3 ? i : -i - 100;
    }
    assertFalse(CopyDetector.isCopy(MinHasher.pack(a, 5), MinHasher.pack(c, 400), 0.7, 0.5));
    // Signatures of different lengths (different settings) or empty ones never match.
    assertFalse(CopyDetector.isCopy(MinHasher.pack(a, 300), MinHasher.pack(new int[10], 300), 0.1, 0.1));
    assertFalse(CopyDetector.isCopy(MinHasher.pack(new int[0], 3), MinHasher.pack(new int[0], 3), 0.1, 0.1));
  }

  @Test
  void findsTheSameGroupsWhateverTheWavesOfSignatures() {
    StructType schema = new StructType()
        .add("id", DataTypes.StringType)
        .add("published", DataTypes.TimestampType)
        .add(ArticleFeatures.SIGNATURE, DataTypes.BinaryType)
        .add(ArticleFeatures.SHINGLE_COUNT, DataTypes.IntegerType)
        .add(ArticleFeatures.BODY_HASH, DataTypes.LongType)
        .add(ArticleFeatures.BODY_CHARS, DataTypes.IntegerType);
    JobConfig config = Corroborate.parseConfig("--input", "unused.jsonl");
    int length = config.minhashBands() * config.minhashRows();
    // 12 originals; each of the first 6 has two near copies (one position in ten changed).
    Random random = new Random(9);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 12; k++) {
      int[] original = new int[length];
      for (int i = 0; i < length; i++) {
        original[i] = random.nextInt();
      }
      rows.add(article("a" + k, original, 1000L + k));
      for (int c = 0; k < 6 && c < 2; c++) {
        int[] copy = original.clone();
        for (int i = c; i < length; i += 10) {
          copy[i] = random.nextInt();
        }
        rows.add(article("a" + k + "-copy" + c, copy, 5000L + 10 * k + c));
      }
    }
    SparkSession spark = TestSpark.session();
    Map<String, String> whole = canonical(CopyDetector.detect(spark.createDataFrame(rows, schema), config, 1_000).collectAsList());
    Map<String, String> inWaves = canonical(CopyDetector.detect(spark.createDataFrame(rows, schema), config, 4).collectAsList());
    assertEquals(whole, inWaves);
    for (int k = 0; k < 12; k++) {
      for (int c = 0; k < 6 && c < 2; c++) {
        assertEquals(whole.get("a" + k), whole.get("a" + k + "-copy" + c), "copy " + c + " of a" + k);
      }
      assertEquals(k < 6 ? 3 : 1, whole.values().stream().filter(whole.get("a" + k)::equals).count(), "group of a" + k);
    }
  }

  private static Row article(String id, int[] signature, long bodyHash) {
    return RowFactory.create(id, null, MinHasher.pack(signature, 300), 300, bodyHash, 2_000);
  }

  private static Map<String, String> canonical(List<Row> rows) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : rows) {
      out.put(r.getString(0), r.getString(2));
    }
    return out;
  }
}
