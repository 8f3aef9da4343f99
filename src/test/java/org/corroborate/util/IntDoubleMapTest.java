package org.corroborate.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntDoubleMapTest {
  @Test
  void agreesWithAHashMapUnderRandomAddsAndRemoves() {
    Random random = new Random(7);
    IntDoubleMap map = new IntDoubleMap(2);
    Map<Integer, Double> expected = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      int key = random.nextInt(300);
      if (random.nextInt(3) == 0) {
        double removed = map.remove(key);
        Double was = expected.remove(key);
        assertEquals(was == null ? 0.0 : was, removed, 0.0);
      } else {
        double v = random.nextInt(10) + 1;
        map.add(key, v);
        expected.merge(key, v, Double::sum);
      }
      assertEquals(expected.size(), map.size());
    }
    for (int key = 0; key < 300; key++) {
      assertEquals(expected.getOrDefault(key, -1.0), map.get(key, -1.0), 0.0, "key " + key);
    }
    Map<Integer, Double> iterated = new HashMap<>();
    for (int slot = 0; slot < map.capacity(); slot++) {
      if (map.keyAt(slot) >= 0) {
        iterated.put(map.keyAt(slot), map.valueAt(slot));
      }
    }
    assertEquals(expected, iterated);
  }
}
