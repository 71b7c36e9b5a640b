package com.tradingbacktest.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/backtest} with several {@code --data}: one account over every symbol. */
class PortfolioCliTests {

  static final String[] DATES = {
    "2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02", "2024-03-01"
  };

  @TempDir Path dir;

  Path a;
  Path b;

  /** The two symbols of the rebalancer's worked example (RebalancerTests). */
  @BeforeEach
  void writeData() throws IOException {
    a = write("A.csv", new double[][] {{100, 100}, {110, 120}, {120, 125}, {130, 130}, {140, 150}});
    b = write("B.csv", new double[][] {{50, 50}, {40, 45}, {45, 40}, {40, 44}, {44, 50}});
  }

  private Path write(String name, double[][] prices) throws IOException {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
    for (int i = 0; i < DATES.length; i++) {
      double open = prices[i][0];
      double close = prices[i][1];
      csv.append(DATES[i])
          .append(',')
          .append(open)
          .append(',')
          .append(Math.max(open, close))
          .append(',')
          .append(Math.min(open, close))
          .append(',')
          .append(close)
          .append(",100\n");
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void equalWeightOverTwoFilesGivesTheWorkedExampleWithPerSymbolParts() {
    CliRun r =
        CliRun.of(
            "--data", a.toString(), "--data", b.toString(), "--strategy", "equal_weight", "--json");

    assertThat(r.status).as(r.err).isZero();
    // RebalancerTests.equalWeightMonthlyInWholeUnits: 13,080 at the end, A 41 and B 136 held.
    assertThat(r.out)
        .startsWith("{\"metrics\":{")
        .contains("\"final_equity\":13080")
        .contains("{\"symbol\":\"A\",\"time\":\"2024-01-31T00:00:00Z\",\"type\":\"buy\"")
        .contains("{\"symbol\":\"A\",\"side\":\"long\",\"quantity\":4,")
        .contains("\"exit_reason\":\"rebalance\"")
        .contains("\"base_currency\":\"KRW\",\"rebalance\":\"monthly\"")
        .contains(
            "{\"symbol\":\"A\",\"currency\":\"KRW\",\"contribution\":1720,\"trades\":1,"
                + "\"final_quantity\":41,\"final_price\":150,\"final_value\":6150")
        .contains(
            "{\"symbol\":\"B\",\"currency\":\"KRW\",\"contribution\":1360,\"trades\":0,"
                + "\"final_quantity\":136,\"final_price\":50,\"final_value\":6800")
        .contains("\"notes\":[],\"notes_omitted\":0");
  }

  @Test
  void theAccountOptionsApplyToThePortfolioAndItsSymbols() {
    CliRun r =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            "buy_and_hold",
            "--fill",
            "close",
            "--leverage",
            "2",
            "--funding-rate",
            "0.001/1d",
            "--json");

    // A buys first with 2 x 10,000 at its first close 100: 200 units, all the buying power (B's
    // entry is rejected). Funding every midnight UTC from the next bar on: 200 x 120 x 0.001 = 24,
    // 200 x 125 x 0.001 = 25, 2024-02-02 to 03-01 28 times 200 x 130 x 0.001 = 728, the last bar
    // one day of 200 x 150 x 0.001 = 30: 807.
    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains("{\"symbol\":\"A\",\"time\":\"2024-01-30T00:00:00Z\",\"type\":\"buy\"")
        .contains("\"quantity\":200")
        .contains("\"liquidations\":[]");
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("\"total_funding\":([0-9.]+)").matcher(r.out);
    assertThat(total.find()).isTrue();
    assertThat(Double.parseDouble(total.group(1)))
        .isCloseTo(807, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void benchmarkMeasuresThePortfolioAgainstAnotherFileInTheJsonAndTheTable() {
    // A's closes go 100 -> 150 over the five days: four returns, a benchmark return of 50%.
    CliRun json =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            "equal_weight",
            "--benchmark",
            a.toString(),
            "--json");

    assertThat(json.status).as(json.err).isZero();
    assertThat(json.out)
        .contains("\"final_equity\":13080")
        .contains("\"benchmark_return\":0.5")
        .contains("\"beta\":")
        .contains("\"information_ratio\":")
        .contains("\"benchmark\":{\"file\":\"A.csv\",\"returns\":4}");

    CliRun table =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            "equal_weight",
            "--benchmark",
            a.toString());
    assertThat(table.status).as(table.err).isZero();
    assertThat(table.out).contains("against A.csv: 4 returns").contains("benchmark_return");

    CliRun missing =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            "equal_weight",
            "--benchmark",
            dir.resolve("nope.csv").toString());
    assertThat(missing.status).isEqualTo(2);
    assertThat(missing.err).contains("no such file");
  }

  @Test
  void symbolsAreNamedWithSymbolEqualsFileAndTheTableListsThem() {
    CliRun r =
        CliRun.of(
            "--data",
            "AAA=" + a,
            "--data",
            "BBB=" + b,
            "--strategy",
            "equal_weight",
            "--rebalance",
            "quarterly");

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains("equal_weight on 2 symbols (AAA, BBB): 5 bar times, rebalance quarterly")
        .contains("final_equity")
        .contains("turnover")
        .containsPattern("AAA +KRW +[0-9.]+ +0 +45");
  }

  @Test
  void aSignalStrategyTradesEachSymbolOnItsOwnSignalsInOneAccount() {
    CliRun r =
        CliRun.of(
            "--data", a.toString(), "--data", b.toString(), "--strategy", "buy_and_hold", "--json");

    assertThat(r.status).as(r.err).isZero();
    // A's entry at 01-31's open takes all the cash (floor(10,000 / 110) = 90 for 9,900); B's
    // entry finds 100 left: 2 at 40.
    assertThat(r.out)
        .contains(
            "{\"symbol\":\"A\",\"time\":\"2024-01-31T00:00:00Z\",\"type\":\"buy\",\"price\":110")
        .contains("\"quantity\":90")
        .contains(
            "{\"symbol\":\"B\",\"time\":\"2024-01-31T00:00:00Z\",\"type\":\"buy\",\"price\":40")
        .contains("\"final_equity\":" + (100 - 80 + 90 * 150 + 2 * 50));
  }

  @Test
  void aStrategyFileRunsOnEverySymbolLikeTheBuiltIn() throws IOException {
    Path strategy = dir.resolve("hold.strategy");
    // True on the first bar only, like the built-in buy_and_hold.
    Files.writeString(strategy, "long_entry = nz(close[1], 0) == 0\n");

    CliRun file =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            strategy.toString(),
            "--json");
    CliRun builtIn =
        CliRun.of(
            "--data", a.toString(), "--data", b.toString(), "--strategy", "buy_and_hold", "--json");
    assertThat(file.status).as(file.err).isZero();
    assertThat(file.out).isEqualTo(builtIn.out);
  }

  @Test
  void pyramidingAppliesToEverySymbolFromTheFileOrTheFlag() throws IOException {
    Path strategy = dir.resolve("pyramid.strategy");
    Files.writeString(
        strategy,
        """
        pyramiding = 2
        size = 1
        long_entry = close > close[1]
        """);

    // A rises from its second bar on: a unit at the opens of bars 2 and 3, then the limit of 2;
    // B rises on bar 3 only: a unit at bar 4's open.
    CliRun fromFile =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            strategy.toString(),
            "--json");
    CliRun flagged =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            strategy.toString(),
            "--pyramiding",
            "1",
            "--json");

    assertThat(fromFile.status).as(fromFile.err).isZero();
    assertThat(fromFile.out)
        .contains("{\"symbol\":\"A\",\"currency\":\"KRW\",\"contribution\":")
        .containsPattern("\"symbol\":\"A\",[^}]*\"final_quantity\":2,")
        .containsPattern("\"symbol\":\"B\",[^}]*\"final_quantity\":1,");
    assertThat(flagged.status).as(flagged.err).isZero();
    assertThat(flagged.out).containsPattern("\"symbol\":\"A\",[^}]*\"final_quantity\":1,");
  }

  @Test
  void aUsdSymbolNeedsAnFxSeriesAndUsesIt() throws IOException {
    CliRun missing =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            "equal_weight",
            "--currency",
            "B=USD");
    assertThat(missing.status).isEqualTo(2);
    assertThat(missing.err).contains("no FX series for USD: a portfolio in KRW needs");

    Path fx = write("USDKRW.csv", new double[][] {{2, 2}, {2, 2}, {2, 2}, {2, 2}, {2, 2}});
    CliRun r =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            "equal_weight",
            "--currency",
            "B=USD",
            "--fx",
            "USD=" + fx,
            "--json");
    assertThat(r.status).as(r.err).isZero();
    // B costs twice as much in KRW: floor(5,000 / 2 / 40) = 62 at 01-31's open.
    assertThat(r.out)
        .contains(
            "{\"symbol\":\"B\",\"time\":\"2024-01-31T00:00:00Z\",\"type\":\"buy\",\"price\":40,"
                + "\"quantity\":62,\"commission\":0,\"tax\":0,\"fx_rate\":2}")
        .contains("\"currency\":\"USD\"");
  }

  @Test
  void perSymbolCostsChargeTheKrxTaxOnTheKrxSymbolOnly() {
    CliRun r =
        CliRun.of(
            "--data",
            a.toString(),
            "--data",
            b.toString(),
            "--strategy",
            "equal_weight",
            "--costs",
            "A=krx",
            "--json");
    assertThat(r.status).as(r.err).isZero();
    // A's sale of 4 at 130 in February pays 0.2% tax: 1.04.
    assertThat(r.out)
        .contains("\"type\":\"sell\",\"price\":130,\"quantity\":4,")
        .contains("\"tax\":1.04");
    assertThat(r.out)
        .doesNotContain("\"symbol\":\"B\",\"time\":\"2024-02-02T00:00:00Z\",\"type\":\"sell\"");
  }

  @Test
  void oneDataFileKeepsTheSingleSymbolReport() {
    CliRun r = CliRun.of("--data", a.toString(), "--strategy", "buy_and_hold", "--json");
    assertThat(r.status).isZero();
    assertThat(r.out).doesNotContain("\"symbol\"").doesNotContain("\"symbols\"");
  }

  @Test
  void explainsBadPortfolioArguments() {
    assertThat(
            CliRun.of("--data", a.toString(), "--data", a.toString(), "--strategy", "equal_weight")
                .err)
        .contains("two --data files are both A: name them with --data SYMBOL=FILE");
    assertThat(
            CliRun.of(
                    "--data",
                    a.toString(),
                    "--data",
                    b.toString(),
                    "--strategy",
                    "equal_weight",
                    "--currency",
                    "C=USD")
                .err)
        .contains("--currency names C, which is not one of the --data symbols");
    assertThat(
            CliRun.of(
                    "--data",
                    a.toString(),
                    "--data",
                    b.toString(),
                    "--strategy",
                    "equal_weight",
                    "--rebalance",
                    "yearly")
                .err)
        .contains("rebalance must be every_bar, weekly, monthly, quarterly or drift:<band>");
    assertThat(
            CliRun.of(
                    "--data",
                    a.toString(),
                    "--data",
                    b.toString(),
                    "--strategy",
                    "momentum_rotation",
                    "--param",
                    "rebalance=1")
                .err)
        .contains("momentum_rotation has no parameter 'rebalance'; it takes");
    assertThat(
            CliRun.of(
                    "--data",
                    a.toString(),
                    "--data",
                    b.toString(),
                    "--strategy",
                    "sma_cross",
                    "--json",
                    "--series")
                .err)
        .contains("--series and --series-csv export one symbol's series");
  }
}
