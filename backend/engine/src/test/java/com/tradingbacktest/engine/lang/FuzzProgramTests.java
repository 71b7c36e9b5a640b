package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.FuzzSupport.check;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.lang.FuzzSupport.BugLog;
import com.tradingbacktest.engine.lang.FuzzSupport.Outcome;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random well-formed programs over every built-in, parameter kind, output, history, ternary and
 * field: they compile (or give compile errors) and evaluate to signals or a
 * StrategyEvaluationException on random bars, one bar and flat bars, with default, lowest, highest
 * and random parameter values.
 */
class FuzzProgramTests {

  @Test
  void randomProgramsYieldSignalsOrAStrategyEvaluationException() {
    BugLog log = new BugLog();
    Random r = new Random(0x5EED_0003L);
    for (int i = 0; i < 2000; i++) {
      check(FuzzPrograms.program(r), r.nextLong(), log);
    }
    log.assertNoBugs("random programs");
    assertThat(log.outcomes(Outcome.EVALUATED))
        .as("most generated programs compile and run")
        .isGreaterThan(1200);
  }

  @Test
  void mutatedRandomProgramsYieldAResultOrCompileErrors() {
    BugLog log = new BugLog();
    Random r = new Random(0x5EED_0004L);
    java.util.List<String> others =
        java.util.List.of(FuzzPrograms.program(r), FuzzPrograms.program(r));
    for (int i = 0; i < 1000; i++) {
      check(FuzzPrograms.mutate(FuzzPrograms.program(r), r, others), r.nextLong(), log);
    }
    log.assertNoBugs("mutated random programs");
  }
}
