package com.tradingbacktest.engine.optimize;

import static com.tradingbacktest.engine.optimize.Fixtures.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.robust.BlockStats;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GridSearchReturnBlocksTests {

  private static final CompiledStrategy ABOVE_SMA =
      compile(
          """
          param n = 2 in 1..30
          long_entry = close > sma(close, n)
          long_exit = close < sma(close, n)
          """);

  private static final ParameterGrid GRID =
      new ParameterGrid(List.of(new ParameterRange("n", 2, 20, 6)));

  private static BarSeries walk(int n) {
    Random random = new Random(5);
    double[] closes = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price *= 1 + (random.nextDouble() - 0.5) * 0.04;
      closes[i] = price;
    }
    return Fixtures.closes(closes);
  }

  private static List<SweepResult> run(BarSeries bars, int blocks) {
    return GridSearch.run(
        ABOVE_SMA,
        bars,
        BacktestConfig.defaults(),
        GRID,
        new long[] {0, 1, 2, 3},
        Objective.SHARPE_RATIO,
        List.of(),
        EvaluationLimits.defaults(),
        blocks);
  }

  @Test
  void eachResultKeepsThePowerSumsOfItsBarReturnsPerBlock() {
    // 101 bars: 100 returns in 7 blocks, the first 100 % 7 = 2 of 15 returns, the rest of 14.
    BarSeries bars = walk(101);
    List<SweepResult> results = run(bars, 7);

    assertThat(results).hasSize(4);
    for (SweepResult r : results) {
      double[] equity =
          Backtest.run(bars, ABOVE_SMA.signals(bars, r.parameters()), BacktestConfig.defaults())
              .simulation()
              .equity();
      BlockStats[] blocks = r.blocks();
      assertThat(blocks).extracting(BlockStats::count).containsExactly(15, 15, 14, 14, 14, 14, 14);
      int i = 1;
      for (BlockStats block : blocks) {
        double sum = 0;
        double squares = 0;
        double cubes = 0;
        double fourths = 0;
        for (int k = 0; k < block.count(); k++, i++) {
          double ret = equity[i] / equity[i - 1] - 1;
          sum += ret;
          squares += ret * ret;
          cubes += ret * ret * ret;
          fourths += ret * ret * ret * ret;
        }
        assertThat(block.sum()).isCloseTo(sum, within(1e-15));
        assertThat(block.sumOfSquares()).isCloseTo(squares, within(1e-15));
        assertThat(block.sumOfCubes()).isCloseTo(cubes, within(1e-15));
        assertThat(block.sumOfFourthPowers()).isCloseTo(fourths, within(1e-15));
      }
      assertThat(i).isEqualTo(101);
    }
    assertThat(results.stream().mapToDouble(r -> r.blocks()[6].sumOfSquares()).distinct().count())
        .as("the combinations' returns differ")
        .isGreaterThan(1);
  }

  @Test
  void theBlocksChangeNothingElse() {
    BarSeries bars = walk(120);
    List<SweepResult> plain =
        GridSearch.run(
            ABOVE_SMA,
            bars,
            BacktestConfig.defaults(),
            GRID,
            new long[] {0, 1, 2, 3},
            Objective.SHARPE_RATIO,
            List.of(),
            EvaluationLimits.defaults());
    List<SweepResult> withBlocks = run(bars, 16);

    assertThat(plain).allMatch(r -> r.blocks() == null);
    for (int k = 0; k < plain.size(); k++) {
      assertThat(withBlocks.get(k).index()).isEqualTo(plain.get(k).index());
      assertThat(withBlocks.get(k).score()).isEqualTo(plain.get(k).score());
      assertThat(withBlocks.get(k).metrics().toMap()).isEqualTo(plain.get(k).metrics().toMap());
      assertThat(withBlocks.get(k).blocks()).hasSize(16);
    }
  }

  @Test
  void refusesBlockCountsOutOfRange() {
    assertThatThrownBy(() -> run(walk(50), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("return blocks must be from 1 to 32, got 0");
    assertThatThrownBy(() -> run(walk(50), 33))
        .hasMessage("return blocks must be from 1 to 32, got 33");
    assertThatThrownBy(() -> run(walk(10), 16))
        .hasMessage("the 10 bars have 9 bar returns, fewer than the 16 blocks asked for");
  }
}
