package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Candidate pairs of articles that share a blocking key (a salient term, a MinHash band), with
 * bounded work per block and without ever holding a block in memory.
 *
 * <p>Keyed rows are shuffled by key and sorted by key, time, then article number; one pass over
 * each partition then pairs the members of each block. A block of at most {@code maxBlock} members
 * yields all its pairs; a larger one pairs each member only with the {@code maxBlock / 2} members
 * that precede it in time, so its cost grows linearly with its size instead of quadratically.
 * Pairs further apart in time than the window are dropped when both times are known.
 *
 * <p>Two articles share many blocks, so most pairs turn up several times. A task does not emit a
 * row per pair: it collects its pairs as longs, sorts them a chunk at a time and emits, per first
 * article, its distinct partners packed in one array; the shuffle that brings each article's
 * value to its pairs for scoring merges them. At 100,000 generated articles this replaces 23 million
 * pair rows, and the aggregation that de-duplicated them, with about a million rows.
 *
 * <p>Articles are numbered densely ({@link ArticleIndex}) so that a pair is one long: the lesser
 * number in the high half.
 */
final class BlockPairs {
  /** Keyed rows: the blocking key, the time (epoch millis, {@link #UNKNOWN_TIME} if unknown), article number. */
  static final StructType KEYED = new StructType()
      .add("key", DataTypes.LongType, false)
      .add("time", DataTypes.LongType, false)
      .add("idx", DataTypes.LongType, false);
  /**
   * Partner rows: a first article's number {@code a} and the numbers of its partners, each above
   * {@code a}, distinct and ascending, packed as 4-byte ints ({@link #unpack}).
   */
  static final StructType PARTNERS = new StructType()
      .add("a", DataTypes.LongType, false)
      .add("bs", DataTypes.BinaryType, false);
  /** Time of an article whose date is unknown: sorts last and is never outside a window. */
  static final long UNKNOWN_TIME = Long.MAX_VALUE;

  /** Pairs a task sorts and groups at once: 32 MB of longs, whatever the partition's size. */
  static final int CHUNK_PAIRS = 1 << 22;

  private BlockPairs() {}

  /**
   * The distinct partners of every article in the blocks of each task ({@link #PARTNERS} rows). An
   * article has a row from each task that pairs it, and from each chunk there: {@link
   * WaveScoring#scorePartners} brings them together.
   */
  static Dataset<Row> partners(Dataset<Row> keyed, int maxBlock, long windowMillis, int partitions) {
    return partners(keyed, maxBlock, windowMillis, partitions, CHUNK_PAIRS);
  }

  /** {@link #partners(Dataset, int, long, int)}, grouping {@code chunkPairs} pairs at a time. */
  static Dataset<Row> partners(Dataset<Row> keyed, int maxBlock, long windowMillis, int partitions, int chunkPairs) {
    return keyed
        // A fixed number of partitions: adaptive execution would merge them by their input size,
        // while their work (pairing each block's members, sorting the pairs) is many times larger.
        .repartition(partitions, col("key"))
        .sortWithinPartitions("key", "time", "idx")
        .mapPartitions((Iterator<Row> rows) -> new Grouped(rows, maxBlock, windowMillis, chunkPairs),
            Encoders.row(PARTNERS));
  }

  /** The pair of article numbers {@code a} and {@code b} as one long, the lesser first. */
  static long pair(long a, long b) {
    return a < b ? (a << 32) | b : (b << 32) | a;
  }

  static long first(long pair) {
    return pair >>> 32;
  }

  static long second(long pair) {
    return pair & 0xFFFF_FFFFL;
  }

  /** Article numbers as the bytes of a {@link #PARTNERS} row. */
  static byte[] pack(int[] numbers, int count) {
    ByteBuffer out = ByteBuffer.allocate(Integer.BYTES * count);
    out.asIntBuffer().put(numbers, 0, count);
    return out.array();
  }

  /** The article numbers of a {@link #PARTNERS} row's bytes. */
  static int[] unpack(byte[] packed) {
    int[] numbers = new int[packed.length / Integer.BYTES];
    ByteBuffer.wrap(packed).asIntBuffer().get(numbers);
    return numbers;
  }

  /**
   * Pairs the members of consecutive blocks: keyed rows go in sorted by key, time and article
   * number, and each pair goes to the sink (as {@link #pair}) once per block that yields it.
   */
  static final class Scan {
    private record Member(long time, long idx) {}

    private final int maxBlock;
    private final int reach;
    private final long windowMillis;
    private final LongConsumer sink;
    /** Members of the current block while it is small enough to pair everyone. */
    private final List<Member> buffer = new ArrayList<>();
    /** The last {@link #reach} members of an oversized block. */
    private final ArrayDeque<Member> recent = new ArrayDeque<>();
    private boolean oversized;
    private boolean inBlock;
    private long key;

    Scan(int maxBlock, long windowMillis, LongConsumer sink) {
      this.maxBlock = maxBlock;
      this.reach = Math.max(1, maxBlock / 2);
      this.windowMillis = windowMillis;
      this.sink = sink;
    }

    /** The next keyed row. */
    void add(long k, long time, long idx) {
      if (inBlock && key != k) {
        end();
      }
      key = k;
      inBlock = true;
      Member m = new Member(time, idx);
      if (oversized) {
        for (Member earlier : recent) {
          emit(earlier, m);
        }
        recent.addLast(m);
        if (recent.size() > reach) {
          recent.removeFirst();
        }
        return;
      }
      buffer.add(m);
      if (buffer.size() > maxBlock) {
        // Too large to pair everyone: pair neighbours within what is buffered, then stream on.
        oversized = true;
        for (int j = 1; j < buffer.size(); j++) {
          for (int i = Math.max(0, j - reach); i < j; i++) {
            emit(buffer.get(i), buffer.get(j));
          }
        }
        for (int i = Math.max(0, buffer.size() - reach); i < buffer.size(); i++) {
          recent.addLast(buffer.get(i));
        }
        buffer.clear();
      }
    }

    /** Ends the current block; call once after the last row. */
    void end() {
      for (int j = 1; j < buffer.size(); j++) {
        for (int i = 0; i < j; i++) {
          emit(buffer.get(i), buffer.get(j));
        }
      }
      buffer.clear();
      recent.clear();
      oversized = false;
      inBlock = false;
    }

    private void emit(Member a, Member b) {
      if (a.idx == b.idx) {
        return;
      }
      if (windowMillis > 0 && a.time != UNKNOWN_TIME && b.time != UNKNOWN_TIME
          && Math.abs(a.time - b.time) > windowMillis) {
        return;
      }
      sink.accept(pair(a.idx, b.idx));
    }
  }

  /**
   * A task's {@link #PARTNERS} rows from its sorted keyed rows: pairs are collected until a chunk
   * is full, then sorted and emitted per first article without repeats, one row at a time. An
   * article may come out of several chunks.
   */
  static final class Grouped implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final int chunkPairs;
    /** Room for a full chunk plus the most pairs one keyed row can add to it. */
    private final int capacity;
    private final Scan scan;
    private long[] pairs = new long[1024];
    private int count;
    private int cursor;
    private int[] partners = new int[64];
    private boolean ended;

    Grouped(Iterator<Row> rows, int maxBlock, long windowMillis, int chunkPairs) {
      this.rows = rows;
      this.chunkPairs = chunkPairs;
      // One row can end a block (all its pairs) or tip one over maxBlock (its pairs within reach).
      long reach = Math.max(1, maxBlock / 2);
      long burst = Math.max((long) maxBlock * (maxBlock - 1) / 2, (maxBlock + 1L) * reach);
      this.capacity = (int) Math.min(Integer.MAX_VALUE - 16L, chunkPairs + burst);
      this.scan = new Scan(maxBlock, windowMillis, this::collect);
    }

    private void collect(long pair) {
      if (count == pairs.length) {
        long grown = pairs.length < capacity ? Math.min(capacity, 2L * pairs.length) : 2L * pairs.length;
        pairs = Arrays.copyOf(pairs, (int) Math.min(Integer.MAX_VALUE - 16L, grown));
      }
      pairs[count++] = pair;
    }

    @Override
    public boolean hasNext() {
      while (cursor == count && !ended) {
        count = 0;
        cursor = 0;
        while (count < chunkPairs && rows.hasNext()) {
          Row r = rows.next();
          scan.add(r.getLong(0), r.getLong(1), r.getLong(2));
        }
        if (!rows.hasNext()) {
          scan.end();
          ended = true;
        }
        Arrays.sort(pairs, 0, count);
      }
      return cursor < count;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      long a = first(pairs[cursor]);
      int n = 0;
      for (; cursor < count && first(pairs[cursor]) == a; cursor++) {
        if (n > 0 && pairs[cursor] == pairs[cursor - 1]) {
          continue;
        }
        if (n == partners.length) {
          partners = Arrays.copyOf(partners, n * 2);
        }
        partners[n++] = (int) second(pairs[cursor]);
      }
      return RowFactory.create(a, pack(partners, n));
    }
  }
}
