package org.corroborate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.corroborate.Corroborate;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      Supplier<Integer> call = () -> Corroborate.execute(args);
      int status = call.get();
      return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void helpListsEveryOptionOfTheDesignWithItsDefault() {
    Run help = run("--help");
    assertEquals(0, help.status());
    for (String option : new String[] {"--input", "--format", "--field", "--output", "--tables-format",
        "--gold-story-field", "--gold-duplicate-field", "--story-threshold", "--story-window-days",
        "--copy-jaccard", "--fact-threshold", "--help"}) {
      assertTrue(help.out().contains(option), option + " missing from --help");
    }
    assertTrue(help.out().contains("Default: seeds"), help.out());
    assertTrue(help.out().contains("Default: out"), help.out());
    assertTrue(help.out().contains("Default: parquet"), help.out());
  }

  @Test
  void rejectsAnUnknownOptionWithOneLineAndStatusTwo() {
    Run bad = run("--colour", "blue");
    assertEquals(2, bad.status());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().contains("--colour"), bad.err());
  }

  @Test
  void rejectsAMissingInputBeforeSparkStarts() {
    Run missing = run("--input", "no/such/folder");
    assertEquals(2, missing.status());
    assertEquals("corroborate: input not found: no/such/folder; pass an existing file or folder with --input",
        missing.err().strip());
  }

  @Test
  void rejectsOutOfRangeValuesNamingTheOption() {
    Run bad = run("--story-threshold", "1.5");
    assertEquals(2, bad.status());
    assertEquals("corroborate: --story-threshold must be between 0 and 1, got 1.5", bad.err().strip());
    Run power = run("--idf-power", "0.5");
    assertEquals(2, power.status());
    assertEquals("corroborate: --idf-power must be between 1 and 4, got 0.5", power.err().strip());
    Run format = run("--tables-format", "xml");
    assertEquals(2, format.status());
    assertEquals("corroborate: --tables-format: unknown value 'xml'; expected one of parquet|json", format.err().strip());
  }

  @Test
  void rejectsAFieldMappingOntoAnUnknownField() {
    Run bad = run("--field", "body=text");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("unknown field 'body'"), bad.err());
  }
}
