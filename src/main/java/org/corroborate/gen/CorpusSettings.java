package org.corroborate.gen;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Options of {@link CorpusGenerator}, validated on construction.
 *
 * @param articles number of articles to write, &gt;= 0 (default 1000)
 * @param seed random seed; equal settings give byte-identical output (default 42)
 * @param copyRate share of articles that are lightly edited copies of another article of the same
 *     story, in [0, {@value #MAX_COPY_RATE}] (default 0.15)
 * @param meanWords mean body length in words, in [{@value #MIN_WORDS}, {@value #MAX_WORDS}]
 *     (default 400)
 * @param sources number of outlets, in [1, {@value #MAX_SOURCES}] (default 50)
 * @param startDate first day events happen (default 2024-01-01)
 * @param days number of days over which events happen, in [1, 3660] (default 30); articles
 *     appear up to a few days after their event
 */
public record CorpusSettings(
    long articles, long seed, double copyRate, int meanWords, int sources, LocalDate startDate, int days) {

  public static final double MAX_COPY_RATE = 0.6;
  public static final int MIN_WORDS = 30;
  public static final int MAX_WORDS = 20_000;
  public static final int MAX_SOURCES = 100_000;

  public CorpusSettings {
    Objects.requireNonNull(startDate, "startDate");
    if (articles < 0) {
      throw new IllegalArgumentException("--articles must be >= 0, got " + articles);
    }
    if (!(copyRate >= 0 && copyRate <= MAX_COPY_RATE)) {
      throw new IllegalArgumentException("--copy-rate must be between 0 and " + MAX_COPY_RATE
          + " (a share of the articles), got " + copyRate);
    }
    if (meanWords < MIN_WORDS || meanWords > MAX_WORDS) {
      throw new IllegalArgumentException("--words must be between " + MIN_WORDS + " and "
          + MAX_WORDS + ", got " + meanWords);
    }
    if (sources < 1 || sources > MAX_SOURCES) {
      throw new IllegalArgumentException("--sources must be between 1 and " + MAX_SOURCES
          + ", got " + sources);
    }
    if (days < 1 || days > 3660) {
      throw new IllegalArgumentException("--days must be between 1 and 3660, got " + days);
    }
  }

  /** Returns the defaults: 1000 articles, seed 42, copy rate 0.15, 400 words, 50 sources, 30 days from 2024-01-01. */
  public static CorpusSettings defaults() {
    return new CorpusSettings(1000, 42, 0.15, 400, 50, LocalDate.of(2024, 1, 1), 30);
  }

  /** Returns a copy with {@code articles} articles. */
  public CorpusSettings withArticles(long articles) {
    return new CorpusSettings(articles, seed, copyRate, meanWords, sources, startDate, days);
  }

  /** Returns a copy with seed {@code seed}. */
  public CorpusSettings withSeed(long seed) {
    return new CorpusSettings(articles, seed, copyRate, meanWords, sources, startDate, days);
  }
}
