package org.corroborate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashingTest {
  /** The definition: FNV-1a over the string's UTF-8 bytes, then the finaliser. */
  private static long overBytes(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return Hashing.mix(h);
  }

  @Test
  void hashesTheUtf8BytesOfAnyString() {
    // ASCII, Latin, CJK, an emoji's surrogate pair, and lone surrogates at any position.
    char[] alphabet = {'a', 'Z', '7', ' ', '\u00e9', '\u00df', '\u07ff', '\u0800', '\u4e2d', '\uffff',
        '\ud83d', '\ude00', '\udbff', '\udfff'};
    Random random = new Random(17);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        s.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = s.toString();
      assertEquals(overBytes(text), Hashing.hash64(text), () -> text.chars().mapToObj(Integer::toHexString).toList().toString());
    }
    assertEquals(overBytes("gaza ceasefire"), Hashing.hash64("gaza ceasefire"));
    assertEquals(overBytes(""), Hashing.hash64(""));
  }

  @Test
  void hashesJoinedWordsAsTheJoinedString() {
    // Empty lists and words, and surrogates at the ends of words, where the separator splits a pair.
    char[] alphabet = {'a', 'Z', '\u00e9', '\u4e2d', '\ud83d', '\ude00'};
    Random random = new Random(23);
    for (int n = 0; n < 5_000; n++) {
      List<String> words = new ArrayList<>();
      for (int w = random.nextInt(5); w > 0; w--) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
          s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        words.add(s.toString());
      }
      assertEquals(Hashing.hash64(String.join(" ", words)), Hashing.hash64Joined(words, ' '), words::toString);
    }
    assertEquals(Hashing.hash64("gaza ceasefire talks"), Hashing.hash64Joined(List.of("gaza", "ceasefire", "talks"), ' '));
  }
}
