package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.closes;
import static com.tradingbacktest.engine.lang.Strategies.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.RunControl;
import com.tradingbacktest.engine.sim.RunTimeLimitException;
import com.tradingbacktest.engine.sim.Signals;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EvaluationLimitsTests {

  private static final long RUN = MemoryEstimate.RUN_BYTES_PER_BAR;

  /** The issue's strategy: {@code count} Bollinger bands of different lengths, a max() tree. */
  static String bandsTree(int count) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < count; k++) {
      s.append("b").append(k).append(" = bbands(close, ").append(20 + k).append(", 2)\n");
    }
    s.append("m0 = b0.upper\n");
    for (int k = 1; k < count; k++) {
      s.append("m").append(k).append(" = max(m").append(k - 1).append(", b");
      s.append(k).append(".upper)\n");
    }
    return s.append("long_entry = close > m").append(count - 1).append('\n').toString();
  }

  static BarSeries bars(int n) {
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = 100 + 10 * Math.sin(i / 50.0);
    }
    return closes(c);
  }

  @Test
  void countsEveryOutputOfAMultiOutputFunction() {
    // sma: one number column (8) and the comparison (1), plus the call's work arrays (8).
    assertThat(compile("long_entry = close > sma(close, 20)").memoryNeeded(1000))
        .isEqualTo((8 + 1 + 8 + RUN) * 1000);
    // bbands: three columns (24) though only one is used, the comparison, work arrays (24).
    assertThat(compile("long_entry = close > bbands(close, 20, 2).upper").memoryNeeded(1000))
        .isEqualTo((24 + 1 + 24 + RUN) * 1000);
    assertThat(compile("long_entry = macd(close).histogram > 0").memoryNeeded(1000))
        .isEqualTo((24 + 1 + 24 + RUN) * 1000);
  }

  @Test
  void countsEveryIntermediateSeriesOnce() {
    // a + 1 and its comparison; the shared sma is one column however often it is used.
    CompiledStrategy s =
        compile("f = sma(close, 5)\nlong_entry = f + 1 > f\nlong_exit = f + 1 < f");
    assertThat(s.memoryNeeded(100)).isEqualTo((8 + 8 + 1 + 1 + 8 + RUN) * 100);
  }

  @Test
  void theIssuesBandsStrategyNeedsMoreThanAGigabyteForAMillionBars() {
    long needed = compile(bandsTree(42)).memoryNeeded(1_000_000);
    // 42 x 3 band columns and 41 max() columns of 8 MB each, at the least.
    assertThat(needed).isGreaterThan((42 * 3 + 41) * 8_000_000L);
  }

  @Test
  void refusesAStrategyOverTheLimitBeforeComputingAnything() {
    CompiledStrategy s = compile(bandsTree(42));
    BarSeries bars = bars(2000);
    CountingControl counting = cancelledAfter(Integer.MAX_VALUE);
    long limit = s.memoryNeeded(2000) - 1;

    assertThatThrownBy(() -> s.signals(bars, Map.of(), new EvaluationLimits(limit, counting)))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageStartingWith("This strategy needs about 3 MB to run over 2,000 bars")
        .hasMessageContaining("the limit per run is 2 MB");
    assertThat(counting.asked).hasValue(0);
    // At the limit it runs.
    assertThat(s.signals(bars, Map.of(), new EvaluationLimits(limit + 1, counting)).longEntry())
        .hasSize(2000);
  }

  @Test
  void aCancelledRunComputesNoColumn() {
    RunControl cancelled = cancelledAfter(0);
    EvaluationLimits limits = EvaluationLimits.defaults().withControl(cancelled);

    assertThatThrownBy(() -> compile(bandsTree(5)).signals(bars(500), Map.of(), limits))
        .isInstanceOf(BacktestCancelledException.class);
  }

  @Test
  void aRunCancelledWhileEvaluatingStopsAtTheNextColumn() {
    CountingControl control = cancelledAfter(3); // cancelled while the fourth column is due
    CompiledStrategy s = compile(bandsTree(20));

    assertThatThrownBy(
            () -> s.signals(bars(500), Map.of(), EvaluationLimits.defaults().withControl(control)))
        .isInstanceOf(BacktestCancelledException.class);
    assertThat(control.asked).hasValue(4); // not one column after the cancellation
  }

  @Test
  void aLongCciColumnChecksEveryFewThousandBars() {
    CountingControl counting = cancelledAfter(Integer.MAX_VALUE);
    // Two columns (cci, then the comparison): two checks before them, the rest inside the cci.
    compile("long_entry = cci(2000) > 0")
        .signals(bars(100_000), Map.of(), EvaluationLimits.defaults().withControl(counting));

    // 98,001 outputs in chunks of 4,000 (a multiple of the length): 24 checks between them.
    assertThat(counting.asked).hasValue(2 + 24);
  }

  @Test
  void aRunCancelledDuringALongCciColumnStopsMidway() {
    CountingControl control = cancelledAfter(5); // cancelled while the cci is under way
    CompiledStrategy s = compile("long_entry = cci(2000) > 0");

    assertThatThrownBy(
            () ->
                s.signals(
                    bars(100_000), Map.of(), EvaluationLimits.defaults().withControl(control)))
        .isInstanceOf(BacktestCancelledException.class);
    assertThat(control.asked)
        .hasValue(6); // the first check is before the cci, the next five inside it
  }

  @Test
  void theTimeLimitStopsALongCciColumnMidway() {
    AtomicLong now = new AtomicLong();
    AtomicInteger reads = new AtomicInteger();
    // Every reading of the clock is one second later; the limit allows ten.
    RunControl limited =
        RunControl.withTimeLimit(
            RunControl.NONE,
            Duration.ofSeconds(10),
            () -> {
              reads.incrementAndGet();
              return now.getAndAdd(Duration.ofSeconds(1).toNanos());
            });
    CompiledStrategy s = compile("long_entry = cci(2000) > 0");

    assertThatThrownBy(
            () ->
                s.signals(
                    bars(100_000), Map.of(), EvaluationLimits.defaults().withControl(limited)))
        .isInstanceOf(RunTimeLimitException.class);
    // Read at the start, then at each check: the 11th check, the 10th inside the cci, stopped it.
    assertThat(reads).hasValue(12);
  }

  @Test
  void aDeadlineAlreadyPastStopsTheEvaluation() {
    AtomicLong now = new AtomicLong();
    RunControl limited = RunControl.withTimeLimit(RunControl.NONE, Duration.ofMinutes(5), now::get);
    now.set(Duration.ofMinutes(5).toNanos() + 1);

    assertThatThrownBy(
            () ->
                compile(bandsTree(3))
                    .signals(bars(500), Map.of(), EvaluationLimits.defaults().withControl(limited)))
        .isInstanceOfSatisfying(
            RunTimeLimitException.class,
            e -> assertThat(e.limit()).isEqualTo(Duration.ofMinutes(5)));
  }

  @Test
  void aDeadlineNotYetReachedChangesNothing() {
    AtomicLong now = new AtomicLong();
    RunControl limited = RunControl.withTimeLimit(RunControl.NONE, Duration.ofMinutes(5), now::get);
    now.set(Duration.ofMinutes(5).toNanos()); // exactly at the limit: still allowed
    CompiledStrategy s = compile(bandsTree(3));

    Signals limitedSignals =
        s.signals(bars(500), Map.of(), EvaluationLimits.defaults().withControl(limited));

    assertThat(limitedSignals.longEntry()).isEqualTo(s.signals(bars(500), Map.of()).longEntry());
  }

  @Test
  void theSimulatorStopsAtTheDeadlineToo() {
    AtomicLong now = new AtomicLong();
    RunControl limited = RunControl.withTimeLimit(RunControl.NONE, Duration.ofSeconds(1), now::get);
    BarSeries bars = bars(20_000);
    Signals signals = compile("long_entry = close > sma(close, 20)").signals(bars, Map.of());
    now.set(Duration.ofSeconds(2).toNanos()); // the evaluation took two seconds

    assertThatThrownBy(() -> Backtest.run(bars, signals, BacktestConfig.defaults(), limited))
        .isInstanceOf(RunTimeLimitException.class)
        .hasMessageContaining("time limit of 1 s");
  }

  @Test
  void aSweepAtTheMemoryLimitStillComputesEveryCombination() {
    String source = "param n = 10 in 2..60\nlong_entry = close > sma(close, n)";
    CompiledStrategy s = compile(source);
    BarSeries bars = bars(1000);
    // Room for one evaluation and a little more: every combination evicts the one before.
    StrategyEvaluator evaluator =
        s.evaluator(bars, new EvaluationLimits(s.memoryNeeded(1000) + 100, RunControl.NONE));
    for (int n = 2; n <= 60; n++) {
      assertThat(evaluator.signals(Map.of("n", (double) n)).longEntry())
          .isEqualTo(s.signals(bars, Map.of("n", (double) n)).longEntry());
    }
  }

  @Test
  void aRunCancelledDuringALongRecursionStopsMidway() {
    CountingControl control = cancelledAfter(4); // cancelled while the recursion is under way
    CompiledStrategy s = compile("x = nz(x[1]) * 0.5 + close\nlong_entry = x > 0");

    assertThatThrownBy(
            () ->
                s.signals(
                    bars(100_000), Map.of(), EvaluationLimits.defaults().withControl(control)))
        .isInstanceOf(BacktestCancelledException.class);
    // A check before the close's column and one before the recursion's, then one every 8,192
    // bars inside it: the fifth, at bar 24,576 of 100,000, is refused.
    assertThat(control.asked).hasValue(5);
  }

  @Test
  void aRunReadingThePositionStateChecksTheControlAsItGoes() {
    // Three whole columns (close, open, close > open) within the allowance, then the run.
    CountingControl control = cancelledAfter(3);
    CompiledStrategy s = compile("long_entry = position_size == 0 and close > open");
    com.tradingbacktest.engine.sim.Signals signals =
        s.signals(bars(100_000), Map.of(), EvaluationLimits.defaults().withControl(control));

    // The columns were computed within the allowance; the bar-by-bar part asks on during the run.
    assertThatThrownBy(
            () ->
                com.tradingbacktest.engine.Backtest.run(
                    bars(100_000),
                    signals,
                    com.tradingbacktest.engine.sim.BacktestConfig.defaults()))
        .isInstanceOf(BacktestCancelledException.class);
    assertThat(control.asked).hasValue(4); // at bar 8,192's close
  }

  private static CountingControl cancelledAfter(int allowed) {
    return new CountingControl(allowed);
  }

  /** Counts the cancellation checks and answers "cancelled" from the one after {@code allowed}. */
  private static final class CountingControl implements RunControl {
    final AtomicInteger asked = new AtomicInteger();
    private final int allowed;

    CountingControl(int allowed) {
      this.allowed = allowed;
    }

    @Override
    public void progress(int percent) {}

    @Override
    public boolean isCancelled() {
      return asked.incrementAndGet() > allowed;
    }
  }
}
