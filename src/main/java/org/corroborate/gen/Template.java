package org.corroborate.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A compiled sentence template: literal text, choices {@code {one|two|three}} (nested allowed, one
 * picked at random per rendering) and slots {@code <name>} filled from a {@link Slots} source.
 *
 * <p>Templates are compiled once, so rendering millions of sentences only appends strings.
 */
final class Template {

  /** Looks up a slot value by name; returns {@code null} for an unknown slot. */
  @FunctionalInterface
  interface Slots {
    String get(String name);
  }

  private interface Part {
    void render(StringBuilder out, SplittableRandom random, Slots slots);
  }

  private record Literal(String text) implements Part {
    public void render(StringBuilder out, SplittableRandom random, Slots slots) {
      out.append(text);
    }
  }

  private record Slot(String name) implements Part {
    public void render(StringBuilder out, SplittableRandom random, Slots slots) {
      String value = slots.get(name);
      if (value == null) {
        throw new IllegalStateException("template slot <" + name + "> has no value");
      }
      out.append(value);
    }
  }

  private record Choice(Template[] options) implements Part {
    public void render(StringBuilder out, SplittableRandom random, Slots slots) {
      options[random.nextInt(options.length)].renderTo(out, random, slots);
    }
  }

  private final String source;
  private final Part[] parts;

  private Template(String source, Part[] parts) {
    this.source = source;
    this.parts = parts;
  }

  /** Returns the compiled form of {@code source}; throws on unbalanced braces or angle brackets. */
  static Template compile(String source) {
    int[] position = {0};
    Template template = parse(source, position);
    if (position[0] != source.length()) {
      throw new IllegalArgumentException("unbalanced '}' at " + position[0] + " in: " + source);
    }
    return template;
  }

  /** Compiles each source. */
  static Template[] compileAll(String... sources) {
    Template[] templates = new Template[sources.length];
    for (int i = 0; i < sources.length; i++) {
      templates[i] = compile(sources[i]);
    }
    return templates;
  }

  private static Template parse(String source, int[] position) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int start = position[0];
    while (position[0] < source.length()) {
      char c = source.charAt(position[0]);
      if (c == '}' || c == '|') {
        // The end of a choice option; at the top level compile() reports it as unbalanced.
        break;
      }
      if (c == '{') {
        flush(literal, parts);
        position[0]++;
        List<Template> options = new ArrayList<>();
        while (true) {
          options.add(parse(source, position));
          if (position[0] >= source.length()) {
            throw new IllegalArgumentException("unclosed '{' in: " + source);
          }
          char end = source.charAt(position[0]++);
          if (end == '}') {
            break;
          }
        }
        parts.add(new Choice(options.toArray(new Template[0])));
      } else if (c == '<') {
        int close = source.indexOf('>', position[0]);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '<' in: " + source);
        }
        flush(literal, parts);
        parts.add(new Slot(source.substring(position[0] + 1, close)));
        position[0] = close + 1;
      } else {
        literal.append(c);
        position[0]++;
      }
    }
    flush(literal, parts);
    return new Template(source.substring(start, position[0]), parts.toArray(new Part[0]));
  }

  private static void flush(StringBuilder literal, List<Part> parts) {
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  /** Appends one rendering to {@code out}. */
  void renderTo(StringBuilder out, SplittableRandom random, Slots slots) {
    for (Part part : parts) {
      part.render(out, random, slots);
    }
  }

  /** Returns one rendering. */
  String render(SplittableRandom random, Slots slots) {
    StringBuilder out = new StringBuilder(64);
    renderTo(out, random, slots);
    return out.toString();
  }

  /** Returns the names of all slots this template can use, in every branch. */
  List<String> slotNames() {
    List<String> names = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Slot slot) {
        names.add(slot.name());
      } else if (part instanceof Choice choice) {
        for (Template option : choice.options()) {
          names.addAll(option.slotNames());
        }
      }
    }
    return names;
  }

  @Override
  public String toString() {
    return source;
  }
}
