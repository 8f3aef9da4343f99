package org.corroborate.text;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corroborate.spark.Chunks;
import org.corroborate.spark.Plans;
import scala.Tuple2;

/**
 * Finds each outlet's boilerplate lines: a line is boilerplate when it appears in at least
 * {@code minArticles} different texts of one source. Different texts, not articles, so that one
 * outlet republishing the same story three times does not turn that story into boilerplate.
 *
 * <p>Every distinct line of every article becomes an entry (the line's key, the text's hash),
 * sent as packed longs in chunks to the partition of its key ({@link Chunks}): tens of millions of
 * entries at a million articles, which as rows of a Spark SQL distinct count were hashed, encoded
 * and aggregated one by one. Each partition keeps the keys with entries from enough texts.
 *
 * <p>Input columns: {@code source, text}. Output: the set of {@link Boilerplate#key} values. The set
 * is small (a few lines per outlet), so it is collected and broadcast; the articles are not.
 */
public final class BoilerplateFinder {
  private static final int ENTRY = 2 * Long.BYTES;
  private static final int ENTRIES_PER_CHUNK = 4096;

  private BoilerplateFinder() {}

  /** The keys of every boilerplate line in {@code articles}. */
  public static Set<Long> find(Dataset<Row> articles, int minArticles) {
    int partitions = Plans.shufflePartitions();
    List<byte[]> parts = articles.select("source", "text").javaRDD()
        .mapPartitionsToPair(rows -> lines(rows, partitions))
        .partitionBy(new HashPartitioner(partitions))
        .mapPartitions(chunks -> List.of(boilerplate(Chunks.bytes(chunks), minArticles)).iterator())
        .collect();
    Set<Long> keys = new HashSet<>();
    for (byte[] part : parts) {
      ByteBuffer in = ByteBuffer.wrap(part);
      while (in.hasRemaining()) {
        keys.add(in.getLong());
      }
    }
    return keys;
  }

  /**
   * An entry (line key, text hash) for each distinct line of each article of {@code rows}
   * ({@code source, text}) that could be boilerplate, in chunks by the partition of the key.
   */
  static Iterator<Tuple2<Integer, byte[]>> lines(Iterator<Row> rows, int partitions) {
    Chunks chunks = new Chunks(partitions, ENTRY, ENTRIES_PER_CHUNK);
    return Chunks.of(rows, chunks, row -> {
      String source = row.getString(0);
      String text = row.getString(1);
      if (source == null || text == null) {
        return;
      }
      long textHash = Hashing.hash64(text);
      Set<Long> seen = new HashSet<>();
      for (String line : text.split("\n")) {
        long key = Boilerplate.key(source, line);
        if (key != 0L && seen.add(key)) {
          int p = (int) ((key >>> 1) % partitions);
          chunks.to(p).putLong(key).putLong(textHash);
          chunks.written(p);
        }
      }
    });
  }

  /**
   * The keys, packed as longs, whose entries in {@code chunks} come from at least
   * {@code minArticles} different texts. A key needs that many entries first; only the entries of
   * such keys (the few repeated lines) are gathered by text.
   */
  static byte[] boilerplate(Iterator<byte[]> chunks, int minArticles) {
    List<byte[]> all = new java.util.ArrayList<>();
    int count = 0;
    while (chunks.hasNext()) {
      byte[] chunk = chunks.next();
      all.add(chunk);
      count += chunk.length / ENTRY;
    }
    long[] keys = new long[count];
    int at = 0;
    for (byte[] chunk : all) {
      ByteBuffer in = ByteBuffer.wrap(chunk);
      for (int i = 0; i < chunk.length; i += ENTRY) {
        keys[at++] = in.getLong(i);
      }
    }
    Arrays.sort(keys);
    int candidates = 0;
    for (int i = 0; i < count; ) {
      int end = i + 1;
      while (end < count && keys[end] == keys[i]) {
        end++;
      }
      if (end - i >= minArticles) {
        keys[candidates++] = keys[i];
      }
      i = end;
    }
    long[] repeated = Arrays.copyOf(keys, candidates);
    Map<Long, Set<Long>> texts = new HashMap<>();
    for (byte[] chunk : all) {
      ByteBuffer in = ByteBuffer.wrap(chunk);
      for (int i = 0; i < chunk.length; i += ENTRY) {
        long key = in.getLong(i);
        if (Arrays.binarySearch(repeated, key) >= 0) {
          texts.computeIfAbsent(key, k -> new HashSet<>()).add(in.getLong(i + Long.BYTES));
        }
      }
    }
    long[] kept = texts.entrySet().stream()
        .filter(e -> e.getValue().size() >= minArticles)
        .mapToLong(Map.Entry::getKey)
        .sorted()
        .toArray();
    ByteBuffer out = ByteBuffer.allocate(kept.length * Long.BYTES);
    for (long key : kept) {
      out.putLong(key);
    }
    return out.array();
  }
}
