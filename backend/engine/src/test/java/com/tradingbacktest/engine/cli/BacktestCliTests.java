package com.tradingbacktest.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCliTests {

  @TempDir Path dir;

  Path data;

  /**
   * Ten weekdays: flat at 10, up to 20, down to 5. With SMA(2)/SMA(3) the fast average crosses
   * above the slow one once and below once.
   */
  @BeforeEach
  void writeData() throws IOException {
    double[] closes = {10, 10, 10, 12, 16, 20, 20, 14, 8, 5};
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
    LocalDate day = LocalDate.of(2024, 1, 1); // a Monday
    for (int i = 0; i < closes.length; i++) {
      while (day.getDayOfWeek().getValue() > 5) {
        day = day.plusDays(1);
      }
      double open = i == 0 ? closes[0] : closes[i - 1];
      csv.append(day)
          .append(',')
          .append(open)
          .append(',')
          .append(Math.max(open, closes[i]))
          .append(',')
          .append(Math.min(open, closes[i]))
          .append(',')
          .append(closes[i])
          .append(",100\n");
      day = day.plusDays(1);
    }
    data = dir.resolve("bars.csv");
    Files.writeString(data, csv);
  }

  @Test
  void printsTheMetricsTradesAndFillsAsJson() {
    CliRun r = crossOfTwoAndThreeAsJson("sma_cross");

    assertThat(r.status).isZero();
    // Closes 10,10,10,12,16: SMA2 11 vs SMA3 10.67 at bar 3 -> cross up; buy at bar 4's open (12):
    // 83 units. SMA2 17 < SMA3 18 at bar 7 -> cross down; sell at bar 8's open (14).
    assertThat(r.out)
        .contains(
            "\"trade_count\":1",
            "\"final_equity\":1166",
            "\"entry_price\":12",
            "\"exit_price\":14",
            "\"type\":\"buy\"",
            "\"type\":\"sell\"",
            "\"quantity\":83",
            "\"sharpe_ratio\":");
  }

  @Test
  void benchmarkAddsItsMetricsToTheJsonAndTheTable() {
    // Bought at the first close with all the capital (1000 units at 10, no cash left), the run's
    // equity is the benchmark's rebased equity: beta 1, no tracking error.
    CliRun json =
        CliRun.of(
            "--data",
            data.toString(),
            "--strategy",
            "buy_and_hold",
            "--fill",
            "close",
            "--benchmark",
            data.toString(),
            "--json");

    assertThat(json.status).as(json.err).isZero();
    assertThat(json.out)
        .contains(
            "\"beta\":1,",
            "\"correlation\":1,",
            "\"tracking_error\":0,",
            "\"information_ratio\":null",
            "\"up_capture\":1,",
            "\"down_capture\":1,",
            "\"benchmark_return\":-0.5",
            "\"benchmark\":{\"file\":\"bars.csv\",\"returns\":9}");

    CliRun table =
        CliRun.of(
            "--data",
            data.toString(),
            "--strategy",
            "buy_and_hold",
            "--benchmark",
            data.toString());
    assertThat(table.out).contains("against bars.csv: 9 returns").contains("up_capture");

    CliRun missing =
        CliRun.of(
            "--data", data.toString(), "--strategy", "buy_and_hold", "--benchmark", "nope.csv");
    assertThat(missing.status).isEqualTo(2);
    assertThat(missing.err).contains("no such file: nope.csv");
  }

  @Test
  void printsATableByDefault() {
    CliRun r = CliRun.of("--data", data.toString(), "--strategy", "buy_and_hold");

    assertThat(r.status).isZero();
    assertThat(r.out)
        .contains("buy_and_hold on bars.csv: 10 bars of 1d, stock calendar")
        .contains("total_return");
  }

  @Test
  void alwaysInTheMarketWithShorts() {
    CliRun r = crossOfTwoAndThreeAsJson("sma_cross", "--allow-short", "--close-at-end");

    assertThat(r.out)
        .contains("\"trade_count\":2", "\"side\":\"short\"", "\"exit_reason\":\"end_of_data\"");
  }

  @Test
  void runsAStrategyFileWithParameters() throws IOException {
    Path strategy = dir.resolve("cross.strategy");
    Files.writeString(
        strategy,
        """
        param fast = 10 in 2..50
        param slow = 30 in 3..100
        long_entry = crossover(sma(close, fast), sma(close, slow))
        long_exit = crossunder(sma(close, fast), sma(close, slow))
        """);

    CliRun r = crossOfTwoAndThreeAsJson(strategy.toString());

    // The same crossover as the built-in sma_cross above: the same single trade.
    assertThat(r.status).isZero();
    assertThat(r.out).contains("\"trade_count\":1", "\"final_equity\":1166");
  }

  @Test
  void pyramidingComesFromTheFlagElseTheStrategyFile() throws IOException {
    Path strategy = dir.resolve("pyramid.strategy");
    Files.writeString(
        strategy,
        """
        pyramiding = 2
        size = 1
        long_entry = close > close[1]
        long_exit = close < close[1]
        """);
    String[] base = {"--data", data.toString(), "--strategy", strategy.toString(), "--json"};

    // Rises close bars 3, 4 and 5 (12, 16, 20): one unit each at the next opens 12, 16, 20 as the
    // limit allows; the fall of bar 7 sells every lot at bar 8's open, 14, oldest first.
    CliRun fromFile = CliRun.of(base);
    List<String> flagged = new ArrayList<>(List.of(base));
    flagged.addAll(List.of("--pyramiding", "3"));
    CliRun fromFlag = CliRun.of(flagged.toArray(String[]::new));

    assertThat(fromFile.status).as(fromFile.err).isZero();
    // 2 lots: +2 and -2.
    assertThat(fromFile.out).contains("\"trade_count\":2", "\"final_equity\":10000");
    assertThat(fromFlag.status).as(fromFlag.err).isZero();
    // 3 lots: +2, -2 and -6.
    assertThat(fromFlag.out)
        .contains("\"trade_count\":3", "\"final_equity\":9994", "\"entry_price\":20");
  }

  @Test
  void aScaleOutSellsPartOfThePositionAndIsInTheSeries() throws IOException {
    Path strategy = dir.resolve("scale.strategy");
    Files.writeString(
        strategy,
        """
        size = 4
        long_entry = close > close[1] and close[1] == close[2]
        exit_fraction = close == 20 ? 0.5 : na
        long_exit = close < close[1]
        """);

    CliRun r =
        CliRun.of(
            "--data", data.toString(), "--strategy", strategy.toString(), "--json", "--series");

    // 4 units bought at bar 4's open (12); bars 5 and 6 close at 20: half (2) sold at bar 6's open
    // (20), half of the 2 left at bar 7's (20); the fall of bar 7 sells the last unit at 14:
    // 2 x 8 + 8 + 2 = 26 gained, three trades of the one entry.
    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains(
            "\"trade_count\":3",
            "\"final_equity\":10026",
            "\"exit_fraction\":[null,null,null,null,null,0.5,0.5,null,null,null]");
  }

  @Test
  void refusesAPyramidingOutsideOneToAHundred() {
    for (String bad : new String[] {"0", "101", "2.5", "many"}) {
      CliRun r =
          CliRun.of("--data", data.toString(), "--strategy", "sma_cross", "--pyramiding", bad);
      assertThat(r.status).isEqualTo(2);
      assertThat(r.err)
          .contains("--pyramiding is a whole number of entries from 1 to 100, got '" + bad + "'");
    }
  }

  /** The crossover as a file, plotting its fast average and (under an output's name) up bars. */
  private Path plottingStrategy() throws IOException {
    Path strategy = dir.resolve("plots.strategy");
    Files.writeString(
        strategy,
        """
        param fast = 10 in 2..50
        param slow = 30 in 3..100
        f = sma(close, fast)
        long_entry = crossover(f, sma(close, slow))
        long_exit = crossunder(f, sma(close, slow))
        plot("SMA \\"fast\\"", f)
        plot("long_entry", close > open, pane="lower")
        """);
    return strategy;
  }

  @Test
  void seriesAddsEveryOutputAndPlotAlignedToTheBarsToTheJson() throws IOException {
    CliRun r = crossOfTwoAndThreeAsJson(plottingStrategy().toString(), "--series");

    // Closes 10,10,10,12,16,20,20,14,8,5 on the weekdays from 2024-01-01. SMA2 -, 10, 10, 11, 14,
    // 18, 20, 17, 11, 6.5; SMA3 -, -, 10, 10.67, 12.67, 16, 18.67, 18, 14, 9: up at bar 3, down at
    // bar 7. Up bars (close above open, the previous close): 3, 4, 5.
    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains(
            "\"series\":{\"time\":[\"2024-01-01T00:00:00Z\",\"2024-01-02T00:00:00Z\",",
            "\"2024-01-12T00:00:00Z\"]",
            "\"long_entry\":[false,false,false,true,false,false,false,false,false,false]",
            "\"long_exit\":[false,false,false,false,false,false,false,true,false,false]",
            "\"SMA \\\"fast\\\"\":[null,10,10,11,14,18,20,17,11,6.5]",
            "\"long_entry (plot)\":[0,0,0,1,1,1,0,0,0,0]");
    assertThat(crossOfTwoAndThreeAsJson(plottingStrategy().toString()).out)
        .doesNotContain("\"series\"");
  }

  @Test
  void seriesCsvWritesTheSameSeriesAsCsv() throws IOException {
    Path csv = dir.resolve("series.csv");

    CliRun r =
        crossOfTwoAndThreeAsJson(plottingStrategy().toString(), "--series-csv", csv.toString());

    assertThat(r.status).as(r.err).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(11);
    assertThat(lines.get(0))
        .isEqualTo("time,long_entry,long_exit,\"SMA \"\"fast\"\"\",long_entry (plot)");
    assertThat(lines.get(1)).isEqualTo("2024-01-01T00:00:00Z,0,0,,0");
    assertThat(lines.get(4)).isEqualTo("2024-01-04T00:00:00Z,1,0,11,1");
    assertThat(lines.get(10)).isEqualTo("2024-01-12T00:00:00Z,0,0,6.5,0");
  }

  @Test
  void seriesOfABuiltInStrategyAreItsOutputs() {
    CliRun r = crossOfTwoAndThreeAsJson("sma_cross", "--series");

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains("\"long_entry\":[false,false,false,true,false,false,false,false,false,false]");
  }

  @Test
  void seriesNeedsTheJsonReport() {
    CliRun r = CliRun.of("--data", data.toString(), "--strategy", "sma_cross", "--series");

    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).contains("--series adds the series to the --json report");
  }

  @Test
  void reportsCompileErrorsWithTheirPlaces() throws IOException {
    Path strategy = dir.resolve("broken.strategy");
    Files.writeString(strategy, "x = sma(close, true)\nlong_entry = clsoe > 1\n");

    CliRun r = CliRun.of("--data", data.toString(), "--strategy", strategy.toString());

    assertThat(r.status).isEqualTo(2);
    assertThat(r.err)
        .contains(
            "broken.strategy:1:16: sma expects a length, got a bool",
            "broken.strategy:2:14: unknown name 'clsoe'; did you mean 'close'?");
  }

  @Test
  void leverageSizesTheEntryAgainstTwiceTheEquity() {
    CliRun r = crossOfTwoAndThreeAsJson("sma_cross", "--leverage", "2");

    // The same cross as above with 2 x 1,000 to spend at 12: 166 units (cash 1,000 - 1,992 =
    // -992, borrowed); sold at 14: 1,000 + 166 x 2 = 1,332.
    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains(
            "\"quantity\":166",
            "\"final_equity\":1332",
            "\"funding\":0",
            "\"borrow_cost\":0",
            "\"liquidations\":[]");
  }

  @Test
  void closeAtEndPriceOpenClosesAtTheLastBarsOpen() {
    CliRun r =
        crossOfTwoAndThreeAsJson(
            "sma_cross", "--allow-short", "--close-at-end", "--close-at-end-price", "open");

    // Reversed at bar 8's open (14): 1,166 after the long, short 83 (cash 2,328); covered at the
    // last open 8 instead of the last close 5: 2,328 - 664 = 1,664.
    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("\"exit_price\":8,", "\"final_equity\":1664");
  }

  @Test
  void aFundingRateIsChargedOnTheLongAndReported() {
    CliRun r = crossOfTwoAndThreeAsJson("sma_cross", "--funding-rate", "0.001/1d");

    // 83 units from Friday's open to next Thursday's open, a funding time every midnight UTC:
    // Friday's bar holds Friday, Saturday and Sunday (3 x 83 x close 16 x 0.001 = 3.984), Monday
    // and Tuesday one each at 20 (1.66 + 1.66), Wednesday at 14 (1.162): 8.466 in all.
    assertThat(r.status).as(r.err).isZero();
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("\"total_funding\":([0-9.]+)").matcher(r.out);
    assertThat(total.find()).isTrue();
    assertThat(Double.parseDouble(total.group(1)))
        .isCloseTo(8.466, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void explainsBadAccountArguments() {
    CliRun leverage = crossOfTwoAndThreeAsJson("sma_cross", "--leverage", "0.5");
    assertThat(leverage.status).isEqualTo(2);
    assertThat(leverage.err).contains("leverage must be between 1 and 125");
    assertThat(crossOfTwoAndThreeAsJson("sma_cross", "--funding-rate", "0.0001/8x").err)
        .contains("--funding-rate takes RATE or RATE/INTERVAL such as 0.0001/8h");
    assertThat(crossOfTwoAndThreeAsJson("sma_cross", "--maintenance-margin", "1").err)
        .contains("[0, 1)");
    assertThat(crossOfTwoAndThreeAsJson("sma_cross", "--close-at-end-price", "open").err)
        .contains("add --close-at-end");
    assertThat(crossOfTwoAndThreeAsJson("sma_cross", "--close-at-end-price", "mid").err)
        .contains("--close-at-end-price is open or close");
  }

  @Test
  void aBoardTurnsOnTheKrxRulesAndPriceLimitsCanBeSwitchedOff() throws IOException {
    // 10,000, then a day locked at the +30% limit 13,000, then a day that trades from 13,500.
    Path krx = dir.resolve("005930.csv");
    Files.writeString(
        krx,
        """
        Date,Open,High,Low,Close,Volume
        2024-03-04,10000,10000,10000,10000,100
        2024-03-05,13000,13000,13000,13000,100
        2024-03-06,13500,14000,13200,13800,100
        """);
    String[] base = {
      "--data", krx.toString(), "--strategy", "buy_and_hold", "--capital", "1000000", "--json"
    };

    CliRun locked = CliRun.of(concat(base, "--board", "kospi"));
    assertThat(locked.status).as(locked.err).isZero();
    assertThat(locked.out).contains("\"price\":13500", "\"note\":\"limit_locked\"");

    CliRun off = CliRun.of(concat(base, "--board", "kospi", "--price-limits", "off"));
    assertThat(off.status).as(off.err).isZero();
    assertThat(off.out).contains("\"price\":13000").doesNotContain("\"note\"");

    assertThat(CliRun.of(concat(base, "--board", "nyse")).err)
        .contains("unknown board 'nyse': use kospi, kosdaq, konex, etf");
    assertThat(CliRun.of(concat(base, "--price-limits", "on")).err).contains("add --board");
    assertThat(CliRun.of(concat(base, "--board", "kosdaq", "--price-limits", "maybe")).err)
        .contains("--price-limits is on or off");
  }

  @Test
  void explainsBadArguments() {
    assertThat(CliRun.of("--strategy", "sma_cross").err).contains("--data is required");
    assertThat(CliRun.of("--data", data.toString(), "--strategy", "nope").err)
        .contains("Unknown strategy 'nope'; built in: sma_cross");
    assertThat(
            CliRun.of("--data", data.toString(), "--strategy", "sma_cross", "--param", "fats=3")
                .err)
        .contains("sma_cross has no parameter 'fats'");
    assertThat(
            CliRun.of("--data", data.toString(), "--strategy", "sma_cross", "--param", "fast=40")
                .err)
        .contains("fast (40.0) must be less than slow (30.0)");
    assertThat(
            CliRun.of("--data", data.toString(), "--strategy", "sma_cross", "--param", "fast=40")
                .status)
        .isEqualTo(2);
  }

  /**
   * Runs {@code strategy} (a built-in name or a file) on {@link #data} with fast=2, slow=3 and a
   * capital of 1,000, the given flags and {@code --json}.
   */
  private CliRun crossOfTwoAndThreeAsJson(String strategy, String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                data.toString(),
                "--strategy",
                strategy,
                "--param",
                "fast=2",
                "--param",
                "slow=3",
                "--capital",
                "1000"));
    args.addAll(List.of(flags));
    args.add("--json");
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void readsMonthlyBarsLabelledByAnyDayAsTheFirstOfTheirMonth() throws IOException {
    // Month ends, as many sources label monthly bars: 28 to 31 days apart, so monthly.
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
    LocalDate month = LocalDate.of(2023, 1, 1);
    for (int i = 0; i < 12; i++) {
      LocalDate last = month.plusMonths(i).withDayOfMonth(month.plusMonths(i).lengthOfMonth());
      csv.append(last).append(',').append(10 + i).append(',').append(12 + i).append(',');
      csv.append(9 + i).append(',').append(11 + i).append(",100\n");
    }
    Path monthly = dir.resolve("monthly.csv");
    Files.writeString(monthly, csv);

    CliRun r =
        CliRun.of(
            "--data",
            monthly.toString(),
            "--strategy",
            "buy_and_hold",
            "--calendar",
            "stock",
            "--json",
            "--series");

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("\"2023-01-01T00:00:00Z\"", "\"2023-12-01T00:00:00Z\"");
    assertThat(r.out).doesNotContain("2023-01-31");
  }

  @Test
  void refusesTwoRowsInOneMonthWithTheLine() throws IOException {
    Path monthly = dir.resolve("monthly.csv");
    Files.writeString(
        monthly,
        """
        Date,Open,High,Low,Close,Volume
        2023-01-31,10,12,9,11,100
        2023-02-15,11,12,9,11,100
        2023-02-28,11,12,9,11,100
        """);

    CliRun r =
        CliRun.of("--data", monthly.toString(), "--strategy", "buy_and_hold", "--interval", "1M");

    assertThat(r.status).isEqualTo(2);
    assertThat(r.err)
        .contains(
            "line 4: a second row for 2023-02 (the first is on line 3): monthly bars have one row"
                + " per month");
  }

  @Test
  void refusesParametersThatBreakAConstraint() throws IOException {
    Path strategy = dir.resolve("cross.strategy");
    Files.writeString(
        strategy,
        """
        param fast = 2 in 1..20
        param slow = 3 in 1..50
        constraint fast < slow
        long_entry = crossover(sma(close, fast), sma(close, slow))
        long_exit = crossunder(sma(close, fast), sma(close, slow))
        """);
    String[] base = {"--data", data.toString(), "--strategy", strategy.toString()};

    CliRun own = CliRun.of(concat(base, "--param", "fast=3", "--param", "slow=2"));
    assertThat(own.status).isEqualTo(2);
    assertThat(own.err)
        .contains(
            "fast = 3 and slow = 2 break the constraint fast < slow (line 3 of the strategy)");

    CliRun given = CliRun.of(concat(base, "--constraint", "slow<3"));
    assertThat(given.status).isEqualTo(2);
    assertThat(given.err).contains("slow = 3 breaks the constraint slow < 3 (--constraint)");

    CliRun unknown = CliRun.of(concat(base, "--constraint", "fats < slow"));
    assertThat(unknown.err)
        .contains(
            "--constraint: unknown param 'fats' in the constraint fats < slow; did you mean"
                + " 'fast'?");

    CliRun syntax = CliRun.of(concat(base, "--constraint", "fast <"));
    assertThat(syntax.status).isEqualTo(2);
    assertThat(syntax.err)
        .contains(
            "--constraint: column 7: expected a param or a number after the comparison, found the"
                + " end of the line");

    CliRun builtIn =
        CliRun.of(
            "--data", data.toString(), "--strategy", "sma_cross", "--constraint", "fast < slow");
    assertThat(builtIn.err)
        .contains(
            "--constraint applies to strategies in the language (a .strategy file); sma_cross is"
                + " a built-in");

    CliRun ok = CliRun.of(concat(base, "--constraint", "slow <= 3", "--json"));
    assertThat(ok.status).as(ok.err).isZero();
  }

  private static String[] concat(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
