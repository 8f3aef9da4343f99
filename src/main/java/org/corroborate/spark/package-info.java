/**
 * Small Spark helpers the stages share: keeping query plans short between phases and rounds
 * ({@link org.corroborate.spark.Plans}).
 */
package org.corroborate.spark;
