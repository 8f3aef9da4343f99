package org.corroborate.facts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the articles of one story into statements and aligns them across sources into fact groups.
 *
 * <p>Input: the story id and its articles ({@link StoryArticle}: id, source, duplicate group, text).
 * Output: one {@link FactRow} per statement, every statement of every article exactly once, ordered
 * by article id and offset, with fact ids {@code <storyId>-f<n>} numbered in that order.
 *
 * <p>Steps: sentences come from {@link SentenceSplitter} and attributed quotations from
 * {@link QuoteExtractor}, both as offsets into the original text; the first
 * {@link FactSettings#maxStatementsPerArticle()} statements of each article take part in alignment.
 * Each statement becomes a binary vector of content terms ({@link Terms}) weighted by the terms'
 * inverse document frequency over the story's statements, so the story's topic words count little,
 * and name-like terms count half ({@link #NAME_WEIGHT}), so a story's recurring names alone link little.
 * {@link CandidatePairs} proposes pairs from an inverted index (bounded work),
 * {@link StatementSimilarity} scores them and {@link FactGrouper} merges statements by average link.
 * A group is {@code shared} when it holds two or more {@link IndependentSources}, {@code unique}
 * otherwise, and {@code conflict} when {@link ConflictDetector} finds two statements of different
 * sources that disagree. The result depends only on the set of articles, not on their order.
 */
public final class FactAligner implements Serializable {
  private static final long serialVersionUID = 1L;

  // Conflict checks per group are capped: a fact reported by hundreds of copies needs only a few.
  private static final int MAX_CONFLICT_CHECKS = 64;

  private final FactSettings settings;
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final QuoteExtractor quotes;
  private final StatementSimilarity similarity;
  private final ConflictDetector conflicts = new ConflictDetector();

  /** Aligner with the given settings. */
  public FactAligner(FactSettings s) {
    this.settings = Objects.requireNonNull(s, "settings");
    this.quotes = new QuoteExtractor(s.minQuoteWords());
    this.similarity = new StatementSimilarity(s);
  }

  /** Aligner with {@link FactSettings#DEFAULTS}. */
  public FactAligner() {
    this(FactSettings.DEFAULTS);
  }

  /**
   * Statements of all articles of one story grouped into fact groups; deterministic (same input ->
   * same rows and fact ids, in a stable order).
   */
  public List<FactRow> align(String storyId, List<StoryArticle> articles) {
    List<StoryArticle> sorted = new ArrayList<>(articles);
    sorted.sort(Comparator.comparing(StoryArticle::getId, Comparator.nullsFirst(String::compareTo))
        .thenComparing(a -> a.getText() == null ? "" : a.getText()));
    List<Statement> statements = statements(sorted);
    List<Statement> aligned = new ArrayList<>();
    for (Statement st : statements) {
      if (st.aligned) {
        aligned.add(st);
      }
    }
    double[] idf = vectorize(sorted, aligned);
    long[] pairs = CandidatePairs.find(aligned, idf.length, idf, settings);
    double[] scores = new double[pairs.length];
    for (int k = 0; k < pairs.length; k++) {
      scores[k] = similarity.score(aligned.get((int) (pairs[k] >>> 32)), aligned.get((int) pairs[k]));
    }
    int[] articleOf = new int[aligned.size()];
    for (int i = 0; i < articleOf.length; i++) {
      articleOf[i] = aligned.get(i).article;
    }
    int[] groupOfAligned = FactGrouper.group(articleOf, pairs, scores, settings.linkThreshold(),
        settings.groupThreshold());
    // Group key per statement: aligned statements by their group, the others alone.
    int[] groupKey = new int[statements.size()];
    Map<Integer, Integer> alignedPosition = new HashMap<>();
    for (int i = 0; i < aligned.size(); i++) {
      alignedPosition.put(aligned.get(i).index, i);
    }
    for (Statement st : statements) {
      Integer pos = alignedPosition.get(st.index);
      groupKey[st.index] = pos == null ? -1 - st.index : aligned.get(groupOfAligned[pos]).index;
    }
    return rows(storyId, sorted, statements, groupKey);
  }

  private List<Statement> statements(List<StoryArticle> articles) {
    List<Statement> out = new ArrayList<>();
    for (int a = 0; a < articles.size(); a++) {
      String text = articles.get(a).getText();
      if (text == null || text.isEmpty()) {
        continue;
      }
      List<Statement> own = new ArrayList<>();
      for (TextSpan s : splitter.split(text)) {
        own.add(new Statement(0, a, s.start(), s.end(), FactRow.SENTENCE, null, false));
      }
      for (QuoteExtractor.Quote q : quotes.extract(text)) {
        own.add(new Statement(0, a, q.start(), q.end(), FactRow.QUOTE, q.speaker(), false));
      }
      own.sort(Comparator.comparingInt((Statement s) -> s.start).thenComparingInt(s -> s.end)
          .thenComparing(s -> s.kind));
      for (int k = 0; k < own.size(); k++) {
        Statement s = own.get(k);
        out.add(new Statement(out.size(), a, s.start, s.end, s.kind, s.speaker,
            k < settings.maxStatementsPerArticle()));
      }
    }
    return out;
  }

  /**
   * Weight factor of a name-like term (capitalised inside sentences, an acronym or a number). A
   * story's names (its people, places, figures) recur in most of its sentences whatever fact they
   * state, so they count for half of a common word of the same rarity: sharing names alone does not
   * make two statements one fact, sharing what happened does. Tuned on ECB+ train topics.
   */
  static final double NAME_WEIGHT = 0.5;

  /** Sets each aligned statement's term ids, weights and norms; returns the weight per term id. */
  private static double[] vectorize(List<StoryArticle> articles, List<Statement> aligned) {
    Map<String, Integer> ids = new HashMap<>();
    List<int[]> termLists = new ArrayList<>(aligned.size());
    int[] df = new int[64];
    int[] capital = new int[64];
    int[] lower = new int[64];
    int[] code = new int[64];
    List<Integer> flags = new ArrayList<>();
    // A story's copies and rewrites repeat many statements word for word (nearly a quarter in a
    // generated corpus): the terms of each distinct text are read once. A term's id is given where
    // the text is first seen, so the ids are the same as when every statement is read.
    Map<String, int[][]> seen = new HashMap<>();
    for (Statement st : aligned) {
      String text = articles.get(st.article).getText().substring(st.start, st.end);
      int[][] known = seen.get(text);
      if (known == null) {
        flags.clear();
        List<String> words = Terms.of(text, 0, text.length(), flags);
        int[] termIds = new int[words.size()];
        int[] termFlags = new int[words.size()];
        for (int k = 0; k < termIds.length; k++) {
          Integer id = ids.get(words.get(k));
          if (id == null) {
            id = ids.size();
            ids.put(words.get(k), id);
          }
          termIds[k] = id;
          termFlags[k] = flags.get(k);
        }
        known = new int[][] {termIds, termFlags};
        seen.put(text, known);
      }
      int[] t = known[0].clone();
      for (int k = 0; k < t.length; k++) {
        int id = t[k];
        if (id >= df.length) {
          int len = Math.max(id + 1, df.length * 2);
          df = java.util.Arrays.copyOf(df, len);
          capital = java.util.Arrays.copyOf(capital, len);
          lower = java.util.Arrays.copyOf(lower, len);
          code = java.util.Arrays.copyOf(code, len);
        }
        int f = known[1][k];
        capital[id] += (f & Terms.CAPITALISED) != 0 ? 1 : 0;
        lower[id] += (f & Terms.LOWER) != 0 ? 1 : 0;
        code[id] += (f & Terms.CODE) != 0 ? 1 : 0;
      }
      java.util.Arrays.sort(t);
      int distinct = 0;
      for (int k = 0; k < t.length; k++) {
        if (k == 0 || t[k] != t[k - 1]) {
          t[distinct++] = t[k];
        }
      }
      t = java.util.Arrays.copyOf(t, distinct);
      for (int id : t) {
        df[id]++;
      }
      termLists.add(t);
    }
    int n = aligned.size();
    // Weight of a term: its IDF over the story's statements, halved for a name-like term (written
    // capitalised inside sentences more often than in lower case, an acronym or a number).
    double[] w0 = new double[ids.size()];
    for (int t = 0; t < w0.length; t++) {
      boolean name = code[t] > 0 || capital[t] > lower[t];
      w0[t] = Math.log(1.0 + (double) n / df[t]) * (name ? NAME_WEIGHT : 1.0);
    }
    for (int i = 0; i < n; i++) {
      Statement st = aligned.get(i);
      int[] t = termLists.get(i);
      double[] w = new double[t.length];
      double sq = 0;
      double sum = 0;
      for (int k = 0; k < t.length; k++) {
        w[k] = w0[t[k]];
        sq += w[k] * w[k];
        sum += w[k];
      }
      st.terms = t;
      st.weights = w;
      st.norm = Math.sqrt(sq);
      st.weightSum = sum;
    }
    return w0;
  }

  private List<FactRow> rows(String storyId, List<StoryArticle> articles,
      List<Statement> statements, int[] groupKey) {
    int[] sourceOf = IndependentSources.of(articles);
    Map<Integer, List<Statement>> groups = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    for (Statement st : statements) {
      groups.computeIfAbsent(groupKey[st.index], k -> {
        order.add(k);
        return new ArrayList<>();
      }).add(st);
    }
    List<FactRow> out = new ArrayList<>(statements.size());
    FactRow[] byStatement = new FactRow[statements.size()];
    // Copies of a statement in other groups read alike: each distinct text is parsed once.
    Map<String, ConflictDetector.Parsed> parsedTexts = new HashMap<>();
    int number = 0;
    for (int key : order) {
      List<Statement> members = groups.get(key);
      String factId = storyId + "-f" + number++;
      java.util.Set<Integer> sources = new java.util.TreeSet<>();
      for (Statement st : members) {
        sources.add(sourceOf[st.article]);
      }
      String conflict = sources.size() > 1 ? conflictOf(articles, members, sourceOf, parsedTexts) : null;
      String status = conflict != null ? FactRow.CONFLICT
          : sources.size() > 1 ? FactRow.SHARED : FactRow.UNIQUE;
      for (Statement st : members) {
        StoryArticle a = articles.get(st.article);
        byStatement[st.index] = new FactRow(storyId, factId, status, a.getId(), a.getSource(),
            st.start, st.end, a.getText().substring(st.start, st.end), st.kind, st.speaker,
            sources.size(), conflict);
      }
    }
    for (FactRow r : byStatement) {
      out.add(r);
    }
    return out;
  }

  private String conflictOf(List<StoryArticle> articles, List<Statement> members, int[] sourceOf,
      Map<String, ConflictDetector.Parsed> parsedTexts) {
    int checks = 0;
    ConflictDetector.Parsed[] parsed = new ConflictDetector.Parsed[members.size()];
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        Statement a = members.get(i);
        Statement b = members.get(j);
        if (sourceOf[a.article] == sourceOf[b.article]) {
          continue;
        }
        if (++checks > MAX_CONFLICT_CHECKS) {
          return null;
        }
        String d = conflicts.conflict(parsed(parsed, i, a, articles, parsedTexts), parsed(parsed, j, b, articles, parsedTexts));
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private ConflictDetector.Parsed parsed(ConflictDetector.Parsed[] cache, int k, Statement st,
      List<StoryArticle> articles, Map<String, ConflictDetector.Parsed> parsedTexts) {
    if (cache[k] == null) {
      cache[k] = parsedTexts.computeIfAbsent(articles.get(st.article).getText().substring(st.start, st.end),
          conflicts::parse);
    }
    return cache[k];
  }
}
