package org.corroborate.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes article texts: an original report of an event for one outlet, or a lightly edited copy of
 * another outlet's article. Plain Java over strings; all randomness comes from the caller's
 * generator, so the same sequence of calls gives the same texts.
 */
final class ArticleComposer {

  /** An article's text in parts, kept for originals so that copies can be made of them. */
  record Draft(String title, int headline, List<String> body, List<String> trailer) {
    /** Returns the article text: body and trailer paragraphs separated by blank lines. */
    String text() {
      StringBuilder out = new StringBuilder(4096);
      for (String paragraph : body) {
        append(out, paragraph);
      }
      for (String paragraph : trailer) {
        append(out, paragraph);
      }
      return out.toString();
    }

    private static void append(StringBuilder out, String paragraph) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(paragraph);
    }
  }

  private static final Template[] GENERIC = Template.compileAll(Lexicon.GENERIC);
  private static final Template[] BACKGROUND = Template.compileAll(Lexicon.BACKGROUND);
  private static final Template[] QUOTE_FRAMES = Template.compileAll(Lexicon.QUOTE_FRAMES);
  private static final Template[] CLOSINGS = Template.compileAll(Lexicon.CLOSINGS);
  private static final Template[] COPY_FOOTERS = Template.compileAll(Lexicon.COPY_FOOTERS);
  private static final Template HEADLINE_PREFIX =
      Template.compile("{UPDATE 1|UPDATE 2|WATCH|BREAKING|ANALYSIS}: ");
  private static final Map<String, String> SWAPS = new HashMap<>();
  /** Share of an event's own facts that one original reports. */
  static final double ATOM_COVERAGE = 0.55;
  /** Share of originals that report one of the event's numbers differently. */
  static final double DISAGREE_RATE = 0.2;

  static {
    for (String[] pair : Lexicon.COPY_SWAPS) {
      SWAPS.put(pair[0], pair[1]);
      SWAPS.put(pair[1], pair[0]);
    }
  }

  private final int meanWords;
  private final Vocabulary vocabulary;

  ArticleComposer(int meanWords, Vocabulary vocabulary) {
    this.meanWords = meanWords;
    this.vocabulary = vocabulary;
  }

  /**
   * Returns an original article about {@code event} as written by {@code outlet}: its own headline
   * and lead (with the outlet's byline and dateline), a subset of the event's own facts and of the
   * kind's details in its own wording and order, one to three quotations, background sentences over
   * the wider vocabulary, and the outlet's boilerplate. Now and then one number is the outlet's
   * other figure (an older toll, a different estimate).
   */
  Draft original(Event event, Outlet outlet, SplittableRandom random) {
    EventKind kind = event.kind;
    String disagreeing = null;
    int atomDisagreeing = -1;
    if (random.nextDouble() < DISAGREE_RATE) {
      if (!kind.numberSlots.isEmpty() && random.nextBoolean()) {
        disagreeing = kind.numberSlots.get(random.nextInt(kind.numberSlots.size()));
      } else {
        atomDisagreeing = random.nextInt(event.atoms.length);
      }
    }
    Template.Slots slots = event.slots(random, disagreeing);
    Template.Slots background = backgroundSlots(slots, random);
    int headline = random.nextInt(kind.headlines.length);
    String title = sentence(kind.headlines[headline], random, slots);
    int target = targetWords(random);

    List<String> body = new ArrayList<>();
    if (random.nextDouble() < outlet.bylineRate()) {
      String byline = byline(outlet, random);
      body.add(byline);
    }
    String lead = dateline(outlet, event) + sentence(kind.leads[random.nextInt(kind.leads.length)], random, slots);
    body.add(lead);
    int words = countWords(lead);

    int[] details = Event.shuffled(kind.details.length, random);
    int[] generic = Event.shuffled(GENERIC.length, random);
    int[] atoms = atomSubset(event.atoms.length, random);
    int nextDetail = 0;
    int nextGeneric = 0;
    int nextAtom = 0;
    // Quotations this article reports, and the position (in sentences) after which each appears.
    int quoteCount = 1 + random.nextInt(3);
    int quoteOffset = random.nextInt(Event.QUOTES);
    int nextQuote = 0;
    int sentences = 1;
    StringBuilder paragraph = new StringBuilder(512);
    int inParagraph = 0;
    int paragraphSize = 1 + random.nextInt(3);
    while (words < target) {
      String next;
      boolean standalone = false;
      int roll = random.nextInt(100);
      if (nextQuote < quoteCount && sentences >= 2 + nextQuote * 3 && random.nextInt(3) == 0) {
        int q = (quoteOffset + nextQuote) % Event.QUOTES;
        next = quote(event, q, random);
        nextQuote++;
        standalone = true;
      } else if (nextAtom < atoms.length && (roll < 35 || sentences < 3)) {
        int a = atoms[nextAtom++];
        next = atom(event.atoms[a], a == atomDisagreeing, random, slots);
      } else if (nextDetail < details.length && roll < 65) {
        next = sentence(kind.details[details[nextDetail++]], random, slots);
      } else if (roll % 2 == 0) {
        next = sentence(BACKGROUND[random.nextInt(BACKGROUND.length)], random, background);
      } else {
        if (nextGeneric >= generic.length) {
          generic = Event.shuffled(GENERIC.length, random);
          nextGeneric = 0;
        }
        next = sentence(GENERIC[generic[nextGeneric++]], random, slots);
      }
      sentences++;
      words += countWords(next);
      if (standalone) {
        flush(paragraph, body);
        inParagraph = 0;
        body.add(next);
        continue;
      }
      if (inParagraph > 0) {
        paragraph.append(' ');
      }
      paragraph.append(next);
      if (++inParagraph >= paragraphSize) {
        flush(paragraph, body);
        inParagraph = 0;
        paragraphSize = 1 + random.nextInt(3);
      }
    }
    flush(paragraph, body);
    if (random.nextInt(100) < 35) {
      body.add(sentence(CLOSINGS[random.nextInt(CLOSINGS.length)], random, slots));
    }
    List<String> trailer = new ArrayList<>(2);
    if (outlet.signOff()) {
      trailer.add(signOff(outlet, random));
    }
    trailer.addAll(boilerplate(outlet, random));
    return new Draft(title, headline, body, trailer);
  }

  /**
   * Returns a copy of {@code source} republished by {@code outlet}: a new headline, the ending
   * trimmed or extended, perhaps a byline crediting the first outlet and a footer line, a few words
   * changed, and the republisher's own boilerplate instead of the first outlet's.
   */
  Draft copy(Event event, Draft source, Outlet sourceOutlet, Outlet outlet, SplittableRandom random) {
    EventKind kind = event.kind;
    Template.Slots slots = event.slots(random);
    String title;
    int headline = source.headline();
    if (kind.headlines.length > 1 && random.nextInt(100) < 80) {
      headline = (headline + 1 + random.nextInt(kind.headlines.length - 1)) % kind.headlines.length;
      title = sentence(kind.headlines[headline], random, slots);
    } else {
      title = HEADLINE_PREFIX.render(random, slots) + source.title();
    }
    if (title.equals(source.title())) {
      title = HEADLINE_PREFIX.render(random, slots) + source.title();
    }

    List<String> body = new ArrayList<>(source.body().size() + 3);
    int roll = random.nextInt(100);
    int first = roll < 35 ? 1 : 0;
    if (roll < 20) {
      body.add("By " + vocabulary.person(random) + ", " + sourceOutlet.name());
    } else if (roll < 35) {
      body.add("(" + sourceOutlet.name() + ")");
    }
    List<String> kept = source.body();
    int size = kept.size();
    int mode = random.nextInt(100);
    if (mode < 45 && size > 4) {
      // Trim the ending: drop one or two final paragraphs, two only if they are short (at most a
      // fifth of the text), so that the copy stays a near-duplicate.
      int drop = 1 + random.nextInt(Math.min(2, size / 4));
      if (drop == 2) {
        int total = 0;
        for (String paragraph : kept) {
          total += countWords(paragraph);
        }
        if (countWords(kept.get(size - 1)) + countWords(kept.get(size - 2)) > total / 5) {
          drop = 1;
        }
      }
      size -= drop;
    }
    for (int i = 0; i < size; i++) {
      body.add(kept.get(i));
    }
    if (mode >= 70) {
      // Extend the ending with a sentence of the republisher's own.
      body.add(sentence(GENERIC[random.nextInt(GENERIC.length)], random, slots));
    }
    // A word changed here and there: 1 to 4 changes, retried where a paragraph has no swappable word.
    int swaps = 1 + random.nextInt(3);
    for (int tries = 0; swaps > 0 && tries < 40; tries++) {
      int index = first + random.nextInt(body.size() - first);
      String swapped = swapWord(body.get(index), random);
      if (!swapped.equals(body.get(index))) {
        body.set(index, swapped);
        swaps--;
      }
    }
    List<String> trailer = new ArrayList<>(boilerplate(outlet, random));
    if (random.nextInt(100) < 50 || body.equals(source.body())) {
      trailer.add(0, COPY_FOOTERS[random.nextInt(COPY_FOOTERS.length)].render(random, outletSlots(outlet, slots)));
    }
    return new Draft(title, headline, body, trailer);
  }

  /** Returns the indexes of the event facts one article reports, in its own order; at least two. */
  private static int[] atomSubset(int n, SplittableRandom random) {
    int[] order = Event.shuffled(n, random);
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < ATOM_COVERAGE) {
        count++;
      }
    }
    return Arrays.copyOf(order, Math.min(n, Math.max(2, count)));
  }

  private static String atom(Event.Atom atom, boolean disagree, SplittableRandom random, Template.Slots slots) {
    Map<String, String> values = atom.values();
    return sentence(atom.frame(), random, name -> {
      String value = disagree ? values.get(name + EventKind.ALT) : null;
      if (value == null) {
        value = values.get(name);
      }
      return value != null ? value : slots.get(name);
    });
  }

  /** Slots of background sentences: each wider-vocabulary slot draws a fresh Zipf word. */
  private Template.Slots backgroundSlots(Template.Slots slots, SplittableRandom random) {
    return name -> switch (name) {
      case "bn" -> vocabulary.draw(Vocabulary.WordClass.NOUN, random);
      case "ba" -> vocabulary.draw(Vocabulary.WordClass.ADJECTIVE, random);
      case "bv" -> vocabulary.draw(Vocabulary.WordClass.VERB, random);
      case "bd" -> vocabulary.draw(Vocabulary.WordClass.ADVERB, random);
      case "bp" -> vocabulary.person(random);
      case "bpl" -> vocabulary.draw(Vocabulary.WordClass.PLACE, random);
      case "bo" -> vocabulary.draw(Vocabulary.WordClass.ORG, random) + " " + capitalise(
          vocabulary.draw(Vocabulary.WordClass.NOUN, random));
      case "bnum" -> EventKind.formatCount(EventKind.logUniform(random, 3, 90_000));
      default -> slots.get(name);
    };
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String byline(Outlet outlet, SplittableRandom random) {
    List<String> staff = outlet.reporters();
    String first = staff.get(random.nextInt(staff.size()));
    if (staff.size() > 1 && random.nextInt(4) == 0) {
      String second = staff.get(random.nextInt(staff.size()));
      if (!second.equals(first)) {
        return "By " + first + " and " + second;
      }
    }
    return random.nextBoolean() ? "By " + first : "By " + first + ", " + outlet.name();
  }

  private static String signOff(Outlet outlet, SplittableRandom random) {
    List<String> staff = outlet.reporters();
    return "(Reporting by " + staff.get(random.nextInt(staff.size())) + "; Editing by "
        + staff.get(random.nextInt(staff.size())) + ")";
  }

  private static String dateline(Outlet outlet, Event event) {
    Facts facts = event.facts;
    return switch (outlet.dateline()) {
      case 1 -> facts.get("city").toUpperCase(Locale.ROOT) + " \u2014 ";
      case 2 -> facts.get("city") + ", " + facts.get("country") + " (" + outlet.name() + ") - ";
      case 3 -> facts.get("city").toUpperCase(Locale.ROOT) + ", " + facts.get("date") + " (" + outlet.name() + ") \u2014 ";
      default -> "";
    };
  }

  private int targetWords(SplittableRandom random) {
    // Log-normal around the mean (sigma 0.35), kept within a sensible range.
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    double gaussian = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    // Writing stops after the sentence that reaches the target, about half a sentence beyond it.
    double target = meanWords * Math.exp(0.35 * gaussian - 0.35 * 0.35 / 2) - 12;
    return (int) Math.max(Math.min(25, meanWords), Math.min(4.0 * meanWords, target));
  }

  private static String quote(Event event, int q, SplittableRandom random) {
    String role = event.quoteSpeakers[q];
    String text = event.quoteTexts[q];
    Template frame = QUOTE_FRAMES[random.nextInt(QUOTE_FRAMES.length)];
    Facts facts = event.facts;
    return sentence(frame, random, name -> switch (name) {
      case "q" -> text;
      case "who" -> facts.get(role);
      case "title" -> facts.get(role + ".title");
      default -> facts.get(name);
    });
  }

  private static List<String> boilerplate(Outlet outlet, SplittableRandom random) {
    if (outlet.boilerplate().isEmpty() || random.nextDouble() >= outlet.boilerplateRate()) {
      return List.of();
    }
    return outlet.boilerplate();
  }

  private static Template.Slots outletSlots(Outlet outlet, Template.Slots slots) {
    return name -> switch (name) {
      case "outlet" -> outlet.name();
      case "host" -> outlet.host();
      default -> slots.get(name);
    };
  }

  /** Renders a template as a sentence: first letter upper case, spaces tidied. */
  static String sentence(Template template, SplittableRandom random, Template.Slots slots) {
    StringBuilder out = new StringBuilder(160);
    template.renderTo(out, random, slots);
    tidy(out);
    int first = 0;
    while (first < out.length() && !Character.isLetterOrDigit(out.charAt(first))) {
      first++;
    }
    if (first < out.length()) {
      out.setCharAt(first, Character.toUpperCase(out.charAt(first)));
    }
    return out.toString();
  }

  /** Removes double spaces and spaces before punctuation that empty choices leave behind. */
  private static void tidy(StringBuilder out) {
    int write = 0;
    for (int read = 0; read < out.length(); read++) {
      char c = out.charAt(read);
      if (c == ' ' && (write == 0 || out.charAt(write - 1) == ' ')) {
        continue;
      }
      if ((c == '.' || c == ',') && write > 0 && out.charAt(write - 1) == ' ') {
        write--;
      }
      out.setCharAt(write++, c);
    }
    out.setLength(write);
  }

  /** Returns {@code paragraph} with one swappable word replaced, or unchanged if it has none. */
  static String swapWord(String paragraph, SplittableRandom random) {
    String[] tokens = paragraph.split(" ", -1);
    int[] candidates = new int[tokens.length];
    int found = 0;
    for (int i = 0; i < tokens.length; i++) {
      if (SWAPS.containsKey(core(tokens[i]).toLowerCase(Locale.ROOT))) {
        candidates[found++] = i;
      }
    }
    if (found == 0) {
      return paragraph;
    }
    int index = candidates[random.nextInt(found)];
    String token = tokens[index];
    String word = core(token);
    int start = token.indexOf(word);
    String replacement = SWAPS.get(word.toLowerCase(Locale.ROOT));
    if (Character.isUpperCase(word.charAt(0))) {
      replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }
    tokens[index] = token.substring(0, start) + replacement + token.substring(start + word.length());
    return String.join(" ", tokens);
  }

  /** The letters of a token without surrounding punctuation. */
  private static String core(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && !Character.isLetter(token.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetter(token.charAt(end - 1))) {
      end--;
    }
    return token.substring(start, end);
  }

  private static void flush(StringBuilder paragraph, List<String> body) {
    if (paragraph.length() > 0) {
      body.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

}
