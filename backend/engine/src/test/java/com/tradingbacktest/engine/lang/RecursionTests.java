package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.closes;
import static com.tradingbacktest.engine.lang.Strategies.compile;
import static com.tradingbacktest.engine.lang.Strategies.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.indicator.Indicators;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Signals;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Self-referencing series ({@code x = nz(x[1]) * a + b}) and Wilder's smoothing. */
class RecursionTests {

  private static final BarSeries BARS = closes(10, 12, 11, 15, 14, 16);

  /** The column of {@code expr} on {@code bars}, read through the take_profit output. */
  private static double[] column(String definitions, String expr, BarSeries bars) {
    Signals s = signals(definitions + "\nlong_entry = true\ntake_profit = " + expr, bars, Map.of());
    return s.takeProfit();
  }

  private static BarSeries randomBars(long seed, int n) {
    Random random = new Random(seed);
    double[] c = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price *= 1 + (random.nextDouble() - 0.5) * 0.04;
      c[i] = Math.round(price * 100) / 100.0;
    }
    return closes(c);
  }

  @Test
  void aCumulativeCounterCountsUpBarByBar() {
    // closes 10, 12, 11, 15, 14, 16 with open = previous close: up bars at 1, 3, 5
    double[] count = column("ups = nz(ups[1]) + (close > open ? 1 : 0)", "ups", BARS);

    assertThat(count).containsExactly(0, 1, 1, 2, 2, 3);
  }

  @Test
  void nzGivesTheSeedOfTheFirstBar() {
    double[] halves = column("x = nz(x[1], 64) / 2", "x", BARS);

    assertThat(halves).containsExactly(32, 16, 8, 4, 2, 1);
  }

  @Test
  void aParamOffsetReadsThatManyBarsBack() {
    // x[i] = nz(x[i - 2]) + 1: 1, 1, 2, 2, 3, 3
    double[] x = column("param k = 2 in 1..5\nx = nz(x[k]) + 1", "x", BARS);

    assertThat(x).containsExactly(1, 1, 2, 2, 3, 3);
  }

  @Test
  void anEmaWrittenRecursivelyEqualsTheBuiltIn() {
    BarSeries bars = randomBars(7, 400);
    // Seeded with the SMA of the first 10 closes (na before), then prev + alpha * (close - prev).
    double[] recursive =
        column(
            "a = 2 / (10 + 1)\n" + "e = e[1] == e[1] ? e[1] + a * (close - e[1]) : sma(close, 10)",
            "e",
            bars);
    double[] builtIn = Indicators.ema(bars.close(), 10);

    for (int i = 0; i < bars.size(); i++) {
      if (Double.isNaN(builtIn[i])) {
        assertThat(recursive[i]).as("bar %d", i).isNaN();
      } else {
        assertThat(recursive[i]).as("bar %d", i).isCloseTo(builtIn[i], within(1e-9));
      }
    }
  }

  @Test
  void aRecursiveSeriesFeedsWindowFunctionsOnceDefined() {
    // x = 1, 2, 3, 4, 5, 6; sma(x, 3) = na, na, 2, 3, 4, 5
    double[] avg = column("x = nz(x[1]) + 1\ny = sma(x, 3)", "y", BARS);

    assertThat(Arrays.copyOfRange(avg, 2, 6)).containsExactly(2, 3, 4, 5);
    assertThat(avg[0]).isNaN();
  }

  @Test
  void laterBarsNeverChangeEarlierValues() {
    BarSeries bars = randomBars(11, 120);
    double[] c = bars.close().clone();
    for (int i = 60; i < c.length; i++) {
      c[i] = c[i] * (i % 2 == 0 ? 3 : 0.2);
    }
    BarSeries changed = closes(c);
    String definitions = "peak = max(nz(peak[1]), close)\nd = nz(d[1]) * 0.9 + (close - peak)";

    double[] before = column(definitions, "d", bars);
    double[] after = column(definitions, "d", changed);

    assertThat(Arrays.copyOf(after, 60)).containsExactly(Arrays.copyOf(before, 60));
    assertThat(Arrays.copyOfRange(after, 60, 120))
        .isNotEqualTo(Arrays.copyOfRange(before, 60, 120));
  }

  @Test
  void rmaIsSeededWithTheSmaThenSmoothsByOneOverLength() {
    // rma(close, 3) on 10, 12, 11, 15, 14, 16: seed (10 + 12 + 11) / 3 = 11, then
    // 11 + (15 - 11) / 3 = 12.333.., 12.333 + (14 - 12.333) / 3 = 12.888.., then + (16 - x) / 3
    double[] r = column("", "rma(close, 3)", BARS);
    double[] s = column("", "smma(close, 3)", BARS);

    double third = 11 + (15 - 11) / 3.0;
    double fourth = third + (14 - third) / 3;
    double fifth = fourth + (16 - fourth) / 3;
    assertThat(r[0]).isNaN();
    assertThat(r[1]).isNaN();
    assertThat(Arrays.copyOfRange(r, 2, 6)).containsExactly(11, third, fourth, fifth);
    assertThat(s).containsExactly(r);
  }

  @Test
  void rmaIsTheSmoothingInsideTaLibsAtrAndRsi() {
    BarSeries bars = randomBars(3, 500);
    double[] atr = column("", "atr(14)", bars);
    double[] wilderAtr = column("", "rma(tr(), 14)", bars);
    double[] rsi = column("", "rsi(close, 14)", bars);
    double[] wilderRsi =
        column(
            "up = rma(max(change(close), 0), 14)\ndown = rma(max(-change(close), 0), 14)",
            "100 - 100 / (1 + up / down)",
            bars);

    for (int i = 0; i < bars.size(); i++) {
      if (Double.isNaN(atr[i])) {
        assertThat(wilderAtr[i]).as("atr bar %d", i).isNaN();
        assertThat(wilderRsi[i]).as("rsi bar %d", i).isNaN();
      } else {
        assertThat(wilderAtr[i]).as("atr bar %d", i).isCloseTo(atr[i], within(1e-9));
        assertThat(wilderRsi[i]).as("rsi bar %d", i).isCloseTo(rsi[i], within(1e-9));
      }
    }
  }

  @Test
  void theBarByBarFunctionsComputeWhatTheirColumnsDo() {
    Random random = new Random(5);
    double[] samples = {Double.NaN, 0, -0.0, -2.5, 2.5, 0.5, -0.5, 1e300, -7, 3};
    for (String fn : BarByBar.ELEMENTWISE) {
      FunctionSpec spec = Builtins.get(fn).spec();
      for (int trial = 0; trial < 200; trial++) {
        double a = samples[random.nextInt(samples.length)];
        double b = samples[random.nextInt(samples.length)];
        Object[] args =
            spec.params().size() == 1
                ? new Object[] {new double[] {a}}
                : new Object[] {
                  new double[] {a},
                  spec.params().get(1).kind().equals("number") ? b : new double[] {b}
                };
        double[] column =
            (double[])
                Builtins.get(fn).impl().apply(new Args(args, new EvalContext(closes(5), () -> {})));
        double scalar =
            BarByBar.elementwise(
                fn, spec.params().size() == 1 ? new double[] {a} : new double[] {a, b});
        assertThat(Double.doubleToLongBits(scalar))
            .as("%s(%s, %s)", fn, a, b)
            .isEqualTo(Double.doubleToLongBits(column[0]));
      }
    }
  }

  @Test
  void selfReferencesOtherThanEarlierValuesAreErrorsWithTheirPlace() {
    assertError(
        "x = x[0] + 1\nlong_entry = x > 0", 1, 7, "x[0] would read x before it is computed");
    assertError("x = nz(x[1]) + x\nlong_entry = x > 0", 1, 16, "'x' is being defined on this line");
    assertError(
        "x = sma(nz(x[1]) + close, 3)\nlong_entry = x > 0",
        1,
        5,
        "sma cannot take a value that reads its own series' earlier values");
    assertError(
        "a = b + 1\nb = close\nlong_entry = a > 0",
        1,
        5,
        "'b' is defined on line 2, below this use");
    assertError(
        "x = nz(x[1]) > 0 or close > open\nlong_entry = x",
        1,
        5,
        "x reads its own earlier values (x[1]), so it must be a number");
    assertError(
        "x = x[1] or close > open\nlong_entry = x > 0",
        1,
        5,
        "x reads its own earlier values, so it is a number: use 1 and 0 for true and false");
    assertError(
        "param k = 1 in 0..3\nx = nz(x[k]) + 1\nlong_entry = x > 0", 2, 10, "k must be at least 1");
  }

  @Test
  void aParamWithoutARangeBelowOneIsRefusedWhenTheRunStarts() {
    CompiledStrategy strategy = compile("param k = 1\nx = nz(x[k]) + 1\nlong_entry = x > 1");

    assertThatThrownBy(() -> strategy.signals(BARS, Map.of("k", 0.0)))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageContaining("must be a whole number from 1");
  }

  private static void assertError(String source, int line, int column, String message) {
    List<Diagnostic> errors = StrategyCompiler.compile(source).errors();
    assertThat(errors).as("errors of %s", source).isNotEmpty();
    Diagnostic first = errors.get(0);
    assertThat(first.message()).contains(message);
    assertThat(first.line()).isEqualTo(line);
    assertThat(first.column()).isEqualTo(column);
  }
}
