package org.corroborate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** Boilerplate lines from entries in chunks: the same lines as counting texts per line directly. */
class BoilerplateFinderTest {
  private static final String PLUG = "Follow us on Twitter for more news.";

  /** The definition: a source's line in at least {@code min} different texts of that source. */
  private static Set<Long> expected(List<Row> articles, int min) {
    Map<Long, Set<String>> texts = new HashMap<>();
    for (Row r : articles) {
      if (r.isNullAt(0) || r.isNullAt(1)) {
        continue;
      }
      for (String line : r.getString(1).split("\n")) {
        long key = Boilerplate.key(r.getString(0), line);
        if (key != 0L) {
          texts.computeIfAbsent(key, k -> new HashSet<>()).add(r.getString(1));
        }
      }
    }
    Set<Long> out = new TreeSet<>();
    texts.forEach((key, in) -> {
      if (in.size() >= min) {
        out.add(key);
      }
    });
    return out;
  }

  /** What the job finds, with the articles split over {@code tasks} tasks and {@code partitions} partitions. */
  private static Set<Long> found(List<Row> articles, int min, int tasks, int partitions) {
    List<List<byte[]>> byPartition = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      byPartition.add(new ArrayList<>());
    }
    for (int t = 0; t < tasks; t++) {
      List<Row> share = new ArrayList<>();
      for (int a = t; a < articles.size(); a += tasks) {
        share.add(articles.get(a));
      }
      BoilerplateFinder.lines(share.iterator(), partitions)
          .forEachRemaining((Tuple2<Integer, byte[]> c) -> byPartition.get(c._1()).add(c._2()));
    }
    Set<Long> out = new TreeSet<>();
    for (List<byte[]> chunks : byPartition) {
      ByteBuffer in = ByteBuffer.wrap(BoilerplateFinder.boilerplate(chunks.iterator(), min));
      while (in.hasRemaining()) {
        out.add(in.getLong());
      }
    }
    return out;
  }

  @Test
  void aLineOfEnoughDifferentTextsOfOneSourceIsBoilerplate() {
    List<Row> articles = new ArrayList<>();
    // The plug under three different texts of outlet a: boilerplate. Under one text republished
    // three times by outlet b: not. Twice in one article of c, and once in another: not.
    for (int i = 0; i < 3; i++) {
      articles.add(RowFactory.create("a", "Story number " + i + " happened today.\n" + PLUG));
      articles.add(RowFactory.create("b", "The same story, republished.\n" + PLUG));
    }
    articles.add(RowFactory.create("c", "One story.\n" + PLUG + "\n" + PLUG));
    articles.add(RowFactory.create("c", "Another story.\n" + PLUG));
    articles.add(RowFactory.create(null, "No source.\n" + PLUG));
    Set<Long> found = found(articles, 3, 2, 3);
    assertEquals(Set.of(Boilerplate.key("a", PLUG)), found);
    assertEquals(expected(articles, 3), found);
  }

  @Test
  void theSameLinesWhateverTheTasksAndPartitions() {
    Random random = new Random(17);
    String[] sources = {"a", "b", "c", "d"};
    String[] lines = new String[40];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "Line " + i + " of a few words";
    }
    List<Row> articles = new ArrayList<>();
    for (int n = 0; n < 400; n++) {
      StringBuilder text = new StringBuilder("Article " + random.nextInt(300));
      for (int k = random.nextInt(6); k > 0; k--) {
        text.append('\n').append(lines[random.nextInt(lines.length)]);
      }
      articles.add(RowFactory.create(sources[random.nextInt(sources.length)], text.toString()));
    }
    for (int min : new int[] {2, 3, 10}) {
      Set<Long> expected = expected(articles, min);
      for (int[] split : new int[][] {{1, 1}, {3, 4}, {5, 7}}) {
        assertEquals(expected, found(articles, min, split[0], split[1]), "min " + min + ", split " + split[0] + "/" + split[1]);
      }
    }
    assertEquals(true, expected(articles, 10).size() > 5, "some lines are boilerplate at 10 texts");
  }
}
