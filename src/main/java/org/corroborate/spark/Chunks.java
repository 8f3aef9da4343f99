package org.corroborate.spark;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import scala.Tuple2;

/**
 * Fixed-size entries bound for shuffle partitions, gathered into chunks of thousands per
 * partition: a shuffle of a few large byte arrays costs far less than one of as many rows as
 * entries, which Spark encodes, hashes and writes one by one. Chunks are {@code (partition,
 * bytes)} pairs for a {@link org.apache.spark.HashPartitioner} of {@code partitions} (an Integer
 * key below that is its own partition).
 */
public final class Chunks {
  private final int partitions;
  private final int chunkBytes;
  private final ByteBuffer[] open;
  private final ArrayDeque<Tuple2<Integer, byte[]>> full = new ArrayDeque<>();

  /** Chunks of {@code entriesPerChunk} entries of {@code entryBytes} each, for {@code partitions}. */
  public Chunks(int partitions, int entryBytes, int entriesPerChunk) {
    this.partitions = partitions;
    this.chunkBytes = entryBytes * entriesPerChunk;
    this.open = new ByteBuffer[partitions];
  }

  /** The chunk of {@code partition} to put one entry in; call {@link #written} after. */
  public ByteBuffer to(int partition) {
    ByteBuffer chunk = open[partition];
    if (chunk == null) {
      chunk = ByteBuffer.allocate(chunkBytes);
      open[partition] = chunk;
    }
    return chunk;
  }

  /** An entry was put in the chunk of {@code partition}: a full chunk is ready to be taken. */
  public void written(int partition) {
    if (!open[partition].hasRemaining()) {
      full.add(new Tuple2<>(partition, open[partition].array()));
      open[partition] = null;
    }
  }

  /** Makes every partly filled chunk ready to be taken. */
  public void flush() {
    for (int p = 0; p < partitions; p++) {
      if (open[p] != null && open[p].position() > 0) {
        full.add(new Tuple2<>(p, Arrays.copyOf(open[p].array(), open[p].position())));
      }
      open[p] = null;
    }
  }

  public boolean hasReady() {
    return !full.isEmpty();
  }

  public Tuple2<Integer, byte[]> take() {
    return full.remove();
  }

  /**
   * The chunks that {@code add} fills from {@code input}, read as they are needed: a task holds a
   * chunk per partition and the chunks of one input element, not its whole output.
   */
  public static <T> Iterator<Tuple2<Integer, byte[]>> of(Iterator<T> input, Chunks chunks, Consumer<T> add) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        while (!chunks.hasReady() && input.hasNext()) {
          add.accept(input.next());
        }
        if (!chunks.hasReady()) {
          chunks.flush();
        }
        return chunks.hasReady();
      }

      @Override
      public Tuple2<Integer, byte[]> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunks.take();
      }
    };
  }

  /** The bytes of each chunk. */
  public static Iterator<byte[]> bytes(Iterator<Tuple2<Integer, byte[]>> chunks) {
    return mapped(chunks, Tuple2::_2);
  }

  /** {@code f} of each element of {@code input}, as they are read. */
  public static <A, B> Iterator<B> mapped(Iterator<A> input, java.util.function.Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return input.hasNext();
      }

      @Override
      public B next() {
        return f.apply(input.next());
      }
    };
  }
}
