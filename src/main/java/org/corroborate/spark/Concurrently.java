package org.corroborate.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs independent Spark actions at the same time. Many of the job's last actions (writing the
 * tables, scoring against gold labels) are chains of small stages of a few tasks each; one after
 * the other they leave most cores idle, side by side they fill them. Spark schedules jobs from
 * several threads of one application, and each thread inherits the caller's job group and
 * description (Spark keeps them in inheritable thread-locals), so the phase's timing and the UI
 * stay as they were.
 */
public final class Concurrently {
  private Concurrently() {}

  /**
   * Runs every action on a thread of its own and waits for all of them. When some fail, the first
   * failure (in the order given) is rethrown as it was thrown, with the others as suppressed
   * exceptions, once every action has ended. Not for actions that change session-wide settings
   * ({@link Plans#withoutCoalescing}): the others would run under them.
   */
  public static void run(Runnable... actions) {
    List<Thread> threads = new ArrayList<>();
    Throwable[] failures = new Throwable[actions.length];
    for (int i = 0; i < actions.length; i++) {
      int at = i;
      Thread t = new Thread(() -> {
        try {
          actions[at].run();
        } catch (Throwable e) {
          failures[at] = e;
        }
      }, "corroborate-concurrent-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = null;
    for (Throwable f : failures) {
      if (f == null) {
        continue;
      }
      if (first == null) {
        first = f;
      } else if (f != first) {
        first.addSuppressed(f);
      }
    }
    if (first instanceof RuntimeException r) {
      throw r;
    }
    if (first instanceof Error e) {
      throw e;
    }
    if (first != null) {
      throw new IllegalStateException(first);
    }
  }
}
