package com.tradingbacktest.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's --actions, --price-basis, --adjust and --dividends. */
class PriceOptionsTests {

  @TempDir Path dir;

  /** A broker's raw export: a 2-for-1 split goes ex on 2024-01-04 and nothing says so. */
  Path raw;

  @BeforeEach
  void writeData() throws IOException {
    raw = dir.resolve("raw.csv");
    Files.writeString(
        raw,
        """
        Date,Open,High,Low,Close,Volume
        2024-01-02,100,100,100,100,10
        2024-01-03,102,102,102,102,10
        2024-01-04,51,51,51,51,20
        2024-01-05,52,52,52,52,20
        """);
  }

  @Test
  void aSplitNobodyListedIsWarnedAboutAndSeenAsACrash() {
    CliRun r = CliRun.of("--data", raw.toString(), "--strategy", "buy_and_hold", "--json");

    assertThat(r.status).isZero();
    assertThat(r.err)
        .contains(
            "backtest: warning: raw.csv: the price moves by 2.000 on 2024-01-04 (bar 2), like a"
                + " split of 2-for-1 that no action lists");
    assertThat(r.out)
        .contains(
            "\"adjustment\":{\"price_basis\":\"raw\",\"adjustment\":\"split_adjusted\","
                + "\"dividends\":\"cash\",\"actions\":\"none\",\"splits\":0,\"cash_dividends\":0,"
                + "\"halts\":0,\"suspected_splits\":[{\"date\":\"2024-01-04\",\"ratio\":2}]}")
        .contains("\"buy_and_hold_return\":-0.48");
  }

  @Test
  void listedItIsAdjustedAwayAndNotWarnedAbout() throws IOException {
    Path actions = dir.resolve("actions.csv");
    Files.writeString(actions, "date,type,value,end_date\n2024-01-04,split,2:1,\n");

    CliRun adjusted =
        CliRun.of(
            "--data",
            raw.toString(),
            "--strategy",
            "buy_and_hold",
            "--actions",
            actions.toString(),
            "--json");
    CliRun asTraded =
        CliRun.of(
            "--data",
            raw.toString(),
            "--strategy",
            "buy_and_hold",
            "--actions",
            actions.toString(),
            "--adjust",
            "raw",
            "--json");

    assertThat(adjusted.status).isZero();
    assertThat(adjusted.err).isEmpty();
    // Split-adjusted closes 50, 51, 51, 52: up 4%.
    assertThat(adjusted.out)
        .contains("\"buy_and_hold_return\":0.04")
        .contains("\"actions\":\"actions.csv\",\"splits\":1");
    assertThat(asTraded.out).contains("\"buy_and_hold_return\":-0.48");
  }

  @Test
  void anAdjCloseColumnGivesTheActionsWhenNoFileDoes() throws IOException {
    Path yahoo = dir.resolve("broker.csv");
    Files.writeString(
        yahoo,
        """
        Date,Open,High,Low,Close,Adj Close,Volume
        2024-01-02,100,100,100,100,49.00,10
        2024-01-03,102,102,102,102,49.98,10
        2024-01-04,51,51,51,51,49.98,20
        2024-01-05,50,50,50,50,49.00,20
        2024-01-08,49,49,49,49,49.00,20
        """);

    CliRun r =
        CliRun.of(
            "--data",
            yahoo.toString(),
            "--strategy",
            "buy_and_hold",
            "--adjust",
            "total_return",
            "--json");

    assertThat(r.status).isZero();
    assertThat(r.err)
        .isEqualTo(
            "backtest: broker.csv: no --actions, so the Adj Close column gives 1 split(s) and 1"
                + " dividend(s)"
                + System.lineSeparator());
    // Total-return closes are the Adj Close: 49 -> 49.
    assertThat(r.out)
        .contains("\"buy_and_hold_return\":0,")
        .contains(
            "\"adjustment\":\"total_return\",\"dividends\":\"none\",\"actions\":\"adj_close\"");
  }

  @Test
  void refusesContradictoryOrUnknownChoices() throws IOException {
    assertThat(
            CliRun.of(
                    "--data",
                    raw.toString(),
                    "--strategy",
                    "buy_and_hold",
                    "--adjust",
                    "total_return",
                    "--dividends",
                    "cash")
                .err)
        .contains("--dividends cash with --adjust total_return would count every dividend twice");
    assertThat(
            CliRun.of(
                    "--data", raw.toString(), "--strategy", "buy_and_hold", "--adjust", "adjusted")
                .err)
        .contains(
            "--adjust: unknown price basis 'adjusted': expected one of raw, split_adjusted,"
                + " total_return");
    assertThat(
            CliRun.of(
                    "--data",
                    raw.toString(),
                    "--strategy",
                    "buy_and_hold",
                    "--price-basis",
                    "total_return")
                .err)
        .contains("--price-basis: data is stored raw or split_adjusted");
    assertThat(
            CliRun.of("--data", raw.toString(), "--strategy", "buy_and_hold", "--dividends", "yes")
                .err)
        .contains("--dividends: cash or none, got 'yes'");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "date,type,value\n2024-01-04,split,2\n2024-01-05,bonus,1\n");
    CliRun badActions =
        CliRun.of(
            "--data", raw.toString(), "--strategy", "buy_and_hold", "--actions", bad.toString());
    assertThat(badActions.status).isEqualTo(2);
    assertThat(badActions.err).contains("bad.csv: line 3: unknown type 'bonus'");
    CliRun two =
        CliRun.of(
            "--data",
            raw.toString(),
            "--data",
            "B=" + raw,
            "--strategy",
            "buy_and_hold",
            "--actions",
            bad.toString());
    assertThat(two.status).isEqualTo(2);
    assertThat(two.err).contains("--actions lists one symbol's actions: use it with one --data");
  }

  @Test
  void aHaltedColumnAndTheActionsHaltsBothFlagBars() throws IOException {
    Path file = dir.resolve("halted.csv");
    Files.writeString(
        file,
        """
        Date,Open,High,Low,Close,Volume,Halted
        2024-01-02,100,100,100,100,10,N
        2024-01-03,100,100,100,100,0,Y
        2024-01-04,100,100,100,100,10,N
        2024-01-05,100,100,100,100,0,N
        """);
    Path actions = dir.resolve("actions.csv");
    Files.writeString(actions, "date,type,value,end_date\n2024-01-05,halt,,\n");
    PriceOptions prices = new PriceOptions();
    prices.set("--actions", actions.toString());
    BarCsvReader.Columns c = BarCsvReader.read(file, ZoneOffset.UTC);
    BarSeries bars =
        BarSeries.of(
            "X",
            Interval.D1,
            MarketCalendar.STOCK,
            ZoneOffset.UTC,
            c.times(),
            c.open(),
            c.high(),
            c.low(),
            c.close(),
            c.volume());

    BarSeries read = prices.apply(bars, c, file);

    assertThat(c.adjClose()).isNull();
    assertThat(read.events().halted()).containsExactly(false, true, false, true);
    assertThat(prices.report()).containsEntry("halts", 1).containsEntry("actions", "actions.csv");
  }
}
