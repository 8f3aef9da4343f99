package org.corroborate.cluster;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
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
 * <p>Articles are numbered densely ({@link ArticleIndex}) so that a pair is one long: the lesser
 * number in the high half.
 */
final class BlockPairs {
  /** Keyed rows: the blocking key, the time (epoch millis, {@link #UNKNOWN_TIME} if unknown), article number. */
  static final StructType KEYED = new StructType()
      .add("key", DataTypes.LongType, false)
      .add("time", DataTypes.LongType, false)
      .add("idx", DataTypes.LongType, false);
  /** Pair rows: the pair ({@link #pair}), once per block the two share. */
  static final StructType PAIRS = new StructType()
      .add("pair", DataTypes.LongType, false);
  /** Time of an article whose date is unknown: sorts last and is never outside a window. */
  static final long UNKNOWN_TIME = Long.MAX_VALUE;

  private BlockPairs() {}

  /** One row per pair and block the two share, in {@code partitions} tasks. */
  static Dataset<Row> of(Dataset<Row> keyed, int maxBlock, long windowMillis, int partitions) {
    return keyed
        // A fixed number of partitions: adaptive execution would merge them by their input size,
        // while their output (the pairs) is many times larger.
        .repartition(partitions, col("key"))
        .sortWithinPartitions("key", "time", "idx")
        .mapPartitions(stream(maxBlock, windowMillis), Encoders.row(PAIRS));
  }

  private static MapPartitionsFunction<Row, Row> stream(int maxBlock, long windowMillis) {
    return rows -> new PairStream(rows, maxBlock, windowMillis);
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

  /** The pairs of sorted keyed rows, produced lazily block by block. */
  static final class PairStream implements Iterator<Row> {
    private record Member(long time, long idx) {}

    private final Iterator<Row> rows;
    private final int maxBlock;
    private final int reach;
    private final long windowMillis;
    private final ArrayDeque<Row> pending = new ArrayDeque<>();
    /** Members of the current block while it is small enough to pair everyone. */
    private final List<Member> buffer = new ArrayList<>();
    /** The last {@link #reach} members of an oversized block. */
    private final ArrayDeque<Member> recent = new ArrayDeque<>();
    private boolean oversized;
    private Long key;

    PairStream(Iterator<Row> rows, int maxBlock, long windowMillis) {
      this.rows = rows;
      this.maxBlock = maxBlock;
      this.reach = Math.max(1, maxBlock / 2);
      this.windowMillis = windowMillis;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && (rows.hasNext() || key != null)) {
        if (!rows.hasNext()) {
          endBlock();
          key = null;
          break;
        }
        Row r = rows.next();
        long k = r.getLong(0);
        if (key == null || key != k) {
          if (key != null) {
            endBlock();
          }
          key = k;
        }
        add(new Member(r.getLong(1), r.getLong(2)));
      }
      return !pending.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private void add(Member m) {
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

    private void endBlock() {
      for (int j = 1; j < buffer.size(); j++) {
        for (int i = 0; i < j; i++) {
          emit(buffer.get(i), buffer.get(j));
        }
      }
      buffer.clear();
      recent.clear();
      oversized = false;
    }

    private void emit(Member a, Member b) {
      if (a.idx == b.idx) {
        return;
      }
      if (windowMillis > 0 && a.time != UNKNOWN_TIME && b.time != UNKNOWN_TIME
          && Math.abs(a.time - b.time) > windowMillis) {
        return;
      }
      pending.add(RowFactory.create(pair(a.idx, b.idx)));
    }
  }
}
