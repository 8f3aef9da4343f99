package org.corroborate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.corroborate.features.SalientTerms;
import org.corroborate.features.TermVocabulary;

/**
 * What the stories table takes from a story's canonical articles, in one pass over them: the title
 * article (most central, then earliest, then least id) and the story's most weighted terms (the
 * summed salient weights of its articles' first terms, heaviest first, ties to the lower term).
 * Weights are summed as fixed-point longs (nine decimals), so the order of the articles cannot
 * change the result.
 */
final class StorySummary {
  /** Rows of {@link #of}: the story, its title article and title, and its terms' hashes, heaviest first. */
  static final StructType SCHEMA = new StructType()
      .add("story_id", DataTypes.StringType)
      .add("title_id", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("hashes", DataTypes.createArrayType(DataTypes.LongType));

  private StorySummary() {}

  /**
   * The summary of story {@code story} from its canonical articles' rows ({@code story_id, id,
   * centrality, published, title, terms}: the first salient terms with their weights, packed as
   * {@link SalientTerms}), with at most {@code top} terms.
   */
  static Row of(String story, Iterator<Row> rows, int top, TermVocabulary vocabulary) {
    Row title = null;
    Map<Integer, Long> sums = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      if (title == null || TITLE_ORDER.compare(r, title) < 0) {
        title = r;
      }
      byte[] terms = (byte[]) r.get(5);
      for (int k = 0; k < SalientTerms.size(terms); k++) {
        sums.merge(SalientTerms.term(terms, k), Math.round((double) SalientTerms.weight(terms, k) * 1e9), Long::sum);
      }
    }
    List<Map.Entry<Integer, Long>> ranked = new ArrayList<>(sums.entrySet());
    ranked.sort(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    long[] hashes = new long[Math.min(top, ranked.size())];
    for (int k = 0; k < hashes.length; k++) {
      hashes[k] = vocabulary.term(ranked.get(k).getKey());
    }
    return RowFactory.create(story, title.getString(1), title.getString(4), hashes);
  }

  /** Most central first, then earliest (unknown dates last), then least id in Spark's order (UTF-8 bytes). */
  private static final Comparator<Row> TITLE_ORDER = Comparator
      .<Row>comparingDouble(r -> -r.getDouble(2))
      .thenComparing(r -> r.isNullAt(3) ? null : r.getTimestamp(3), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(r -> UTF8String.fromString(r.getString(1)));
}
