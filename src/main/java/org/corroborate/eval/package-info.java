/**
 * Evaluation: scores a predicted clustering (stories or copy groups) against gold labels.
 *
 * <p>{@link org.corroborate.eval.ClusterMetrics} is the pure-Java arithmetic over a contingency table;
 * {@link org.corroborate.eval.ClusterEvaluation} builds the same sums with Spark aggregations so that
 * only a single row of totals reaches the driver; {@link org.corroborate.eval.ClusterScores} holds the
 * result for {@code run.json}. The definitions follow {@code tools/score_clusters.py}.
 */
package org.corroborate.eval;
