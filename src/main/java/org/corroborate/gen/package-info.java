/**
 * A seeded generator of realistic English news corpora with gold labels, for benchmarks and for
 * evaluating copy detection and story clustering.
 *
 * <p>{@link org.corroborate.gen.CorpusGenerator} is the command line and the streaming library entry
 * point, configured by {@link org.corroborate.gen.CorpusSettings}. Inside: a seeded synthetic
 * vocabulary of words and names with Zipf-like frequencies ({@code Vocabulary}), events with their
 * own entities and facts ({@code Event}), event kinds with their own vocabulary ({@code
 * EventKinds}), shared sentence frames ({@code Lexicon}), a small template language
 * ({@code Template}) and the article writer that makes originals and lightly edited copies ({@code
 * ArticleComposer}). The output is JSON Lines with {@code gold_story} and {@code gold_copy} fields,
 * byte-identical for the same seed and options.
 */
package org.corroborate.gen;
