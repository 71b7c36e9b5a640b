package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.FuzzSupport.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.lang.FuzzSupport.BugLog;
import com.tradingbacktest.engine.lang.FuzzSupport.Outcome;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated sources only ever yield a strategy or compile errors (with sane positions),
 * within a time bound; a source that compiles evaluates to signals or a
 * StrategyEvaluationException. Seeds are fixed, so a failure reproduces; the failure message lists
 * every distinct problem with its shortest source.
 */
class FuzzSourceTests {

  private static final List<String> TEMPLATES =
      StrategyTemplates.all().stream().map(StrategyTemplates.Template::source).toList();

  @Test
  void tokenSoupFromTheLanguagesAlphabetYieldsAResultOrCompileErrors() {
    BugLog log = new BugLog();
    Random r = new Random(0x5EED_0001L);
    for (int i = 0; i < 3000; i++) {
      check(FuzzPrograms.soup(r), i, log);
    }
    log.assertNoBugs("token soup");
    assertThat(log.cases()).isEqualTo(3000);
  }

  @Test
  void mutatedTemplatesYieldAResultOrCompileErrors() {
    BugLog log = new BugLog();
    Random r = new Random(0x5EED_0002L);
    for (String template : TEMPLATES) {
      for (int i = 0; i < 250; i++) {
        check(FuzzPrograms.mutate(template, r, TEMPLATES), r.nextLong(), log);
      }
    }
    log.assertNoBugs("mutated templates");
    // the mutations are small enough that some still compile and run
    assertThat(log.outcomes(Outcome.EVALUATED) + log.outcomes(Outcome.REJECTED_AT_RUN_TIME))
        .isGreaterThan(250);
  }

  @Test
  void everyTemplateAndEveryOtherPrefixOfItYieldsAResultOrCompileErrors() {
    BugLog log = new BugLog();
    for (String template : TEMPLATES) {
      for (int end = 0; end <= template.length(); end += 2) {
        check(template.substring(0, end), end, log);
      }
      check(template, 1, log);
      assertThat(StrategyCompiler.compile(template).errors()).as(template).isEmpty();
    }
    log.assertNoBugs("template prefixes");
  }

  @Test
  void everyTemplateWithEachTokenDeletedOrDuplicatedYieldsAResultOrCompileErrors() {
    BugLog log = new BugLog();
    for (String template : TEMPLATES) {
      List<String> tokens = FuzzPrograms.tokens(template);
      for (int i = 0; i < tokens.size(); i++) {
        if (tokens.get(i).isBlank()) {
          continue;
        }
        String deleted =
            String.join("", tokens.subList(0, i))
                + String.join("", tokens.subList(i + 1, tokens.size()));
        String doubled =
            String.join("", tokens.subList(0, i + 1))
                + String.join("", tokens.subList(i, tokens.size()));
        check(deleted, i, log);
        check(doubled, i, log);
      }
    }
    log.assertNoBugs("template token deletions and duplications");
  }

  // ---- jqwik: generated strings and token lists (fixed seeds)

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings()
            .withChars("abcdeflnorstuvx_0123456789.%+-*/<>=!&|?:,()[]\"'# \n\t")
            .ofMaxLength(300),
        Arbitraries.strings().ascii().ofMaxLength(300).map(s -> "long_entry = " + s));
  }

  @Property(tries = 1500, seed = "7310405", shrinking = ShrinkingMode.BOUNDED)
  void arbitraryTextYieldsAResultOrCompileErrors(@ForAll("anyText") String source) {
    BugLog log = new BugLog();
    check(source, source.hashCode(), log);
    log.assertNoBugs("arbitrary text");
  }

  @Provide
  Arbitrary<String> tokenLines() {
    Arbitrary<String> token = Arbitraries.randomValue(FuzzPrograms::token);
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "", "\n", "\t");
    Arbitrary<String> expression =
        token
            .list()
            .ofMaxSize(30)
            .flatMap(
                ts ->
                    separator
                        .list()
                        .ofSize(ts.size())
                        .map(
                            seps -> {
                              StringBuilder b = new StringBuilder();
                              for (int i = 0; i < ts.size(); i++) {
                                b.append(ts.get(i)).append(seps.get(i));
                              }
                              return b.toString();
                            }));
    Arbitrary<String> head =
        Arbitraries.oneOf(
            Arbitraries.of(FuzzPrograms.OUTPUTS),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(4),
            Arbitraries.just("param x"));
    return head.flatMap(h -> expression.map(e -> h + " = " + e))
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(lines -> String.join("\n", lines));
  }

  @Property(tries = 1500, seed = "20240917", shrinking = ShrinkingMode.BOUNDED)
  void statementsOfRandomTokensYieldAResultOrCompileErrors(@ForAll("tokenLines") String source) {
    BugLog log = new BugLog();
    check(source, source.hashCode(), log);
    log.assertNoBugs("statements of random tokens");
  }
}
