package com.tradingbacktest.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.optimize.GridSearch;
import com.tradingbacktest.engine.optimize.Objective;
import com.tradingbacktest.engine.optimize.ParameterGrid;
import com.tradingbacktest.engine.optimize.ParameterRange;
import com.tradingbacktest.engine.optimize.SweepResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCliTests {

  private static final String STRATEGY =
      """
      param fast = 5 in 2..50
      param slow = 20 in 5..100
      long_entry = crossover(sma(close, fast), sma(close, slow))
      long_exit = crossunder(sma(close, fast), sma(close, slow))
      """;

  @TempDir Path dir;

  Path data;
  Path strategy;

  /** The fixture's weekdays, one per bar. */
  final List<LocalDate> days = new ArrayList<>();

  /** 300 weekdays from 2024-01-01 of a random walk (seed 9). */
  @BeforeEach
  void writeData() throws IOException {
    Random random = new Random(9);
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
    LocalDate day = LocalDate.of(2024, 1, 1); // a Monday
    double close = 100;
    for (int i = 0; i < 300; i++) {
      while (day.getDayOfWeek().getValue() > 5) {
        day = day.plusDays(1);
      }
      double open = close;
      close = Math.round(close * (1 + (random.nextDouble() - 0.5) * 0.05) * 100) / 100.0;
      csv.append(day)
          .append(',')
          .append(open)
          .append(',')
          .append(Math.max(open, close) + 0.5)
          .append(',')
          .append(Math.min(open, close) - 0.5)
          .append(',')
          .append(close)
          .append(",1000\n");
      days.add(day);
      day = day.plusDays(1);
    }
    data = dir.resolve("bars.csv");
    Files.writeString(data, csv);
    strategy = dir.resolve("cross.strategy");
    Files.writeString(strategy, STRATEGY);
  }

  @Test
  void walkForwardWindowsCarryTheirDatesAndTileTheBarsAfterTheFirstTrainPart() {
    // 300 bars, 4 rolling windows of 3x train: tests of floor(300 / 7) = 42 bars after a train
    // part of 126; the last test part takes the 6 left over (bars 252..299).
    CliRun r =
        crossoverGrid("--objective", "total_return", "--walk-forward", "rolling:4", "--json");

    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    assertThat(r.out)
        .startsWith("{\"walk_forward\":{\"mode\":\"rolling\",\"count\":4,\"train_test_ratio\":3,")
        .contains("\"gap_bars\":0", "\"combinations\":9", "\"efficiency\":", "\"parameter_drift\"");
    int[][] windows = {
      {0, 126, 126, 168}, {42, 168, 168, 210}, {84, 210, 210, 252}, {126, 252, 252, 300}
    };
    for (int k = 0; k < windows.length; k++) {
      int[] w = windows[k];
      assertThat(r.out)
          .contains(
              "{\"number\":"
                  + (k + 1)
                  + ",\"train_start\":\""
                  + days.get(w[0])
                  + "T00:00:00Z\",\"train_end\":\""
                  + days.get(w[1] - 1)
                  + "T00:00:00Z\",\"test_start\":\""
                  + days.get(w[2])
                  + "T00:00:00Z\",\"test_end\":\""
                  + days.get(w[3] - 1)
                  + "T00:00:00Z\",\"train_bars\":"
                  + (w[1] - w[0])
                  + ",\"test_bars\":"
                  + (w[3] - w[2])
                  + ",");
    }
  }

  @Test
  void monteCarloResamplesTheStitchedOutOfSampleRun() {
    // The command: a walk-forward with a Monte Carlo of its out-of-sample trades.
    String[] args = {
      "--objective", "sharpe_ratio",
      "--walk-forward", "anchored:3",
      "--monte-carlo", "shuffle:200:7",
      "--json"
    };
    CliRun r = crossoverGrid(args);

    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    assertThat(r.out)
        .startsWith("{\"walk_forward\":{\"mode\":\"anchored\",\"count\":3,")
        .contains("\"monte_carlo\":{", "\"paths\":200", "\"seed\":7");
    assertThat(crossoverGrid(args).out).as("a seeded analysis repeats").isEqualTo(r.out);
  }

  @Test
  void walkForwardPrintsAReadableTable() {
    CliRun r =
        crossoverGrid("--walk-forward", "anchored:3", "--train-test-ratio", "2", "--gap", "5");

    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    // floor((300 - 5) / 5) = 59: train 118, gap 5, tests from bar 123.
    assertThat(r.out)
        .startsWith(
            "walk-forward: 3 anchored windows, train 2x test, gap 5 bars; 9 combinations by"
                + " sharpe_ratio")
        .contains(
            "  1  "
                + days.get(0)
                + " "
                + days.get(117)
                + "  "
                + days.get(123)
                + " "
                + days.get(181),
            "stitched out-of-sample:",
            "efficiency",
            "drift of fast:");
  }

  @Test
  void anOptimisationRanksAsTheGridSearchDoes() throws IOException {
    CliRun r = crossoverGrid("--objective", "total_return", "--top", "3", "--json");

    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    BarSeries bars =
        BacktestCli.readSeries(
            data,
            "bars.csv",
            BacktestCli.Options.parse(new String[] {"--data", data.toString(), "--strategy", "x"}));
    ParameterGrid grid =
        new ParameterGrid(
            List.of(new ParameterRange("fast", 5, 15, 5), new ParameterRange("slow", 20, 40, 10)));
    List<SweepResult> ranked =
        GridSearch.rank(
            GridSearch.run(
                StrategyCompiler.compile(STRATEGY).strategy(),
                bars,
                BacktestConfig.defaults(),
                grid,
                0,
                grid.size(),
                Objective.TOTAL_RETURN,
                List.of(),
                EvaluationLimits.defaults()));
    SweepResult best = ranked.get(0);
    assertThat(r.out)
        .startsWith("{\"optimization\":{\"objective\":\"total_return\",\"ranges\":[")
        .contains(
            "\"combinations\":9,\"skipped\":0",
            "\"results\":[{\"rank\":1,\"combination\":"
                + best.index()
                + ",\"parameters\":{\"fast\":"
                + Json.number(best.parameters().get("fast"))
                + ",\"slow\":"
                + Json.number(best.parameters().get("slow"))
                + "},\"score\":"
                + Json.number(best.score()),
            "{\"rank\":3,",
            "\"out_of_sample\":null",
            "\"statistics\":{\"deflated_sharpe\":")
        .doesNotContain("{\"rank\":4,");
  }

  @Test
  void anOutOfSampleSplitRunsTheLeadersOnTheHeldOutBars() {
    CliRun r = crossoverGrid("--constraint", "fast < slow", "--out-of-sample", "0.3", "--json");

    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    // 30% of 300 bars: the last 90 are held out, from bar 210.
    assertThat(r.out)
        .contains(
            "\"out_of_sample\":{\"fraction\":0.3,\"from\":null,\"split_time\":\""
                + days.get(210)
                + "T00:00:00Z\",\"in_sample_bars\":210,\"out_of_sample_bars\":90,\"results\":[{\"rank\":1,",
            "{\"rank\":9,",
            "\"out_of_sample_score\":",
            "\"out_of_sample_metrics\":{\"start\":\"" + days.get(210) + "T00:00:00Z\"");
  }

  @Test
  void anOutOfSampleDateSplitsThere() {
    CliRun r = onData("--optimize", "fast=5:15:5", "--out-of-sample", days.get(250).toString());

    assertThat(r.err).isEmpty();
    assertThat(r.status).isZero();
    assertThat(r.out).contains("on the 250 bars before " + days.get(250), "held out: 50 bars from");
  }

  @Test
  void refusesWhatASearchCannotRun() {
    assertThat(
            CliRun.of(
                    "--data",
                    data.toString(),
                    "--strategy",
                    "sma_cross",
                    "--optimize",
                    "fast=5:15:5")
                .err)
        .contains("--optimize searches the params of a strategy in the language");
    assertThat(onData("--walk-forward", "rolling:3").err)
        .contains("--walk-forward refines a grid search: add --optimize name=from:to:step");
    assertThat(onData("--optimize", "fast=5:15:5", "--walk-forward", "sideways:3").err)
        .contains("unknown window mode 'sideways'; use one of rolling, anchored");
    assertThat(
            onData("--optimize", "fast=5:15:5", "--walk-forward", "rolling:100", "--gap", "500")
                .err)
        .contains(
            "100 windows of 3x train and a gap of 500 bars need at least 603 bars; the range has"
                + " 300");
    assertThat(
            onData(
                    "--optimize",
                    "fast=5:15:5",
                    "--walk-forward",
                    "rolling:3",
                    "--out-of-sample",
                    "0.3")
                .err)
        .contains("--walk-forward and --out-of-sample both hold bars out of the search: use one");
    assertThat(onData("--optimize", "fast=5:15:5", "--gap", "3").err)
        .contains("--train-test-ratio and --gap shape --walk-forward windows: add --walk-forward");
    assertThat(onData("--optimize", "fast=5-15").err)
        .contains("--optimize takes name=from:to:step such as fast=5:50:5, got 'fast=5-15'");
    assertThat(onData("--optimize", "fast=5:15:5", "--param", "fast=3").err)
        .contains("--param fast fixes what --optimize fast varies: use one");
    assertThat(onData("--optimize", "fast=5:15:5", "--require", "trade_count at least 5").err)
        .contains("--require takes 'metric op value'");
    assertThat(onData("--optimize", "lookback=5:15:5").err)
        .contains("the strategy has no parameter lookback; it declares fast, slow");
  }

  /** The CLI on the fixture's bars and strategy, with {@code args} after them. */
  private CliRun onData(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = data.toString();
    all[2] = "--strategy";
    all[3] = strategy.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.of(all);
  }

  /** {@link #onData} searching fast 5..15 step 5 x slow 20..40 step 10 (9 combinations). */
  private CliRun crossoverGrid(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--optimize";
    all[1] = "fast=5:15:5";
    all[2] = "--optimize";
    all[3] = "slow=20:40:10";
    System.arraycopy(args, 0, all, 4, args.length);
    return onData(all);
  }
}
