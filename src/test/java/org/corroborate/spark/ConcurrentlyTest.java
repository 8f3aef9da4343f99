package org.corroborate.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

  @Test
  void runsTheActionsAtTheSameTime() {
    // Each action waits for the other: run one after the other, neither would finish.
    CountDownLatch both = new CountDownLatch(2);
    boolean[] met = new boolean[2];
    Concurrently.run(
        () -> met[0] = meet(both),
        () -> met[1] = meet(both));
    assertTrue(met[0] && met[1]);
  }

  @Test
  void everyActionEndsBeforeTheFirstFailureIsRethrown() {
    IllegalArgumentException first = new IllegalArgumentException("first");
    AtomicInteger finished = new AtomicInteger();
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Concurrently.run(
        () -> {
          finished.incrementAndGet();
          throw first;
        },
        () -> {
          sleep(200);
          finished.incrementAndGet();
          throw new IllegalStateException("second");
        },
        finished::incrementAndGet));
    assertSame(first, thrown);
    assertEquals(3, finished.get());
    assertEquals(1, thrown.getSuppressed().length);
    assertEquals("second", thrown.getSuppressed()[0].getMessage());
  }

  private static boolean meet(CountDownLatch latch) {
    latch.countDown();
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
