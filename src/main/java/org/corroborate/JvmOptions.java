package org.corroborate;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options Spark needs on Java 17 ({@code --add-opens} and friends), for launchers
 * that start a JVM themselves, such as {@code jobs/run-local.sh}. spark-submit adds them on its own.
 */
public final class JvmOptions {
  private JvmOptions() {}

  /** Prints Spark's module options on one line. */
  public static void main(String[] args) {
    System.out.println(JavaModuleOptions.defaultModuleOptions());
  }
}
