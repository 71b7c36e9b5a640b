package com.tradingbacktest.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A window's test sees nothing at or after its end. */
class WalkForwardPropertyTests {

  @Property(tries = 100)
  void changingTheBarsAfterThePartChangesNothingInIt(
      @ForAll long seed,
      @ForAll @IntRange(min = 40, max = 300) int bars,
      @ForAll @IntRange(min = 2, max = 10) int fast,
      @ForAll @IntRange(min = 11, max = 30) int slow,
      @ForAll @IntRange(min = 0, max = 1000) int at,
      @ForAll @IntRange(min = 1, max = 1000) int length) {
    Random random = new Random(seed);
    double[] closes = Walks.walkCloses(random, bars);
    int testFrom = at % (bars - 1);
    int testTo = Math.min(bars - 1, testFrom + 1 + length % bars);
    double[] changed = Arrays.copyOf(closes, bars);
    for (int i = testTo; i < bars; i++) {
      changed[i] = closes[i] * (0.5 + random.nextDouble());
    }
    Map<String, Double> parameters = Map.of("fast", (double) fast, "slow", (double) slow);

    WindowTest original = test(Walks.closes(closes), parameters, testFrom, testTo);
    WindowTest other = test(Walks.closes(changed), parameters, testFrom, testTo);

    assertThat(other.times()).containsExactly(original.times());
    assertThat(other.equity()).containsExactly(original.equity());
    assertThat(other.trades()).isEqualTo(original.trades());
    assertThat(other.metrics().toMap()).isEqualTo(original.metrics().toMap());
  }

  private static WindowTest test(
      BarSeries bars, Map<String, Double> parameters, int testFrom, int testTo) {
    return WalkForward.test(
        Walks.CROSSOVER,
        bars,
        BacktestConfig.defaults(),
        parameters,
        testFrom,
        testTo,
        EvaluationLimits.defaults());
  }
}
