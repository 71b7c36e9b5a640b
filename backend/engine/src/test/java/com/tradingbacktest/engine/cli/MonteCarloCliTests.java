package com.tradingbacktest.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonteCarloCliTests {

  @TempDir Path dir;

  Path data;
  Path other;

  /** 81 days of a wave: SMA(2) / SMA(3) crosses trade it about a dozen times. */
  @BeforeEach
  void writeData() throws IOException {
    data = write("wave.csv", 0);
    other = write("other.csv", 1.5);
  }

  private Path write(String name, double phase) throws IOException {
    StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
    LocalDate day = LocalDate.of(2024, 1, 1);
    double previous = 0;
    for (int i = 0; i <= 80; i++) {
      double close = Math.round((100 + 10 * Math.sin(i / 3.0 + phase) + i * 0.2) * 100) / 100.0;
      double open = i == 0 ? close : previous;
      csv.append(day)
          .append(',')
          .append(open)
          .append(',')
          .append(Math.max(open, close))
          .append(',')
          .append(Math.min(open, close))
          .append(',')
          .append(close)
          .append(",100\n");
      previous = close;
      day = day.plusDays(1);
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  private CliRun cross(String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                data.toString(),
                "--strategy",
                "sma_cross",
                "--param",
                "fast=2",
                "--param",
                "slow=3",
                "--close-at-end"));
    args.addAll(List.of(flags));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void addsTheAnalysisToTheJsonWithTheApisFieldNames() {
    CliRun r = cross("--monte-carlo", "shuffle:200:42", "--json");

    assertThat(r.status).as(r.err).isZero();
    String mc = r.out.substring(r.out.indexOf("\"monte_carlo\":"));
    assertThat(mc)
        .startsWith(
            "\"monte_carlo\":{\"method\":\"shuffle\",\"paths\":200,\"seed\":42,"
                + "\"block_length\":null,\"ruin_equity\":5000,\"steps\":")
        .contains(
            "\"step_unit\":\"trade\"",
            "\"final_equity\":{\"p5\":",
            "\"max_drawdown\":{\"p5\":",
            "\"cagr\":{\"p5\":",
            "\"longest_drawdown\":{\"p5\":",
            "\"probability_of_ruin\":0",
            "\"original\":{\"final_equity\":",
            "\"bands\":{\"step\":[0,",
            "\"histograms\":{\"final_equity\":{\"edges\":[",
            "\"max_drawdown\":{\"edges\":[");
    // A shuffle ends every path where the run ended: flat between trades and at the end, the
    // compounded trade returns are the run's final equity.
    double runFinal = number(r.out, "\"final_equity\":([-0-9.E]+)");
    double median =
        number(mc, "\"final_equity\":\\{\"p5\":[-0-9.E]+,\"p25\":[-0-9.E]+,\"p50\":([-0-9.E]+)");
    assertThat(median).isCloseTo(runFinal, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void theSameSeedPrintsTheSameAnalysisAndTheDefaultSeedIsZero() {
    CliRun once = cross("--monte-carlo", "bootstrap:300", "--json");
    CliRun again = cross("--monte-carlo", "bootstrap:300:0", "--json");
    CliRun other = cross("--monte-carlo", "bootstrap:300:1", "--json");

    assertThat(once.out).contains("\"seed\":0").isEqualTo(again.out);
    assertThat(other.out).isNotEqualTo(once.out);
  }

  @Test
  void aBlockBootstrapResamplesBarsInBlocksOfTheSquareRoot() {
    CliRun r = cross("--monte-carlo", "block_bootstrap:100:3", "--ruin-equity", "9000", "--json");

    assertThat(r.status).as(r.err).isZero();
    // 81 bars, 80 bar returns: blocks of ceil(sqrt(80)) = 9.
    assertThat(r.out)
        .contains(
            "\"method\":\"block_bootstrap\",\"paths\":100,\"seed\":3,\"block_length\":9,"
                + "\"ruin_equity\":9000,\"steps\":80,\"step_unit\":\"bar\"");
  }

  @Test
  void printsATableWithoutJson() {
    CliRun r = cross("--monte-carlo", "shuffle:100:7");

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains("Monte Carlo: shuffle, 100 paths of ")
        .contains("trades, seed 7")
        .containsPattern("final_equity +[0-9.]+ +[0-9.]+ +[0-9.]+")
        .contains("longest_drawdown")
        .contains("probability of ruin (equity <= 5000): 0");
  }

  @Test
  void resamplesAPortfolioRunToo() {
    CliRun r =
        CliRun.of(
            "--data",
            data.toString(),
            "--data",
            other.toString(),
            "--strategy",
            "sma_cross",
            "--param",
            "fast=2",
            "--param",
            "slow=3",
            "--monte-carlo",
            "bootstrap:50:1",
            "--json");

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("\"monte_carlo\":{\"method\":\"bootstrap\",\"paths\":50,\"seed\":1");
  }

  @Test
  void explainsBadArguments() {
    assertThat(cross("--monte-carlo", "shuffle").err)
        .contains("--monte-carlo is METHOD:PATHS[:SEED] (e.g. shuffle:1000:42), got 'shuffle'");
    assertThat(cross("--monte-carlo", "jackknife:10").err)
        .contains("unknown Monte Carlo method 'jackknife'; use one of shuffle, bootstrap");
    assertThat(cross("--monte-carlo", "shuffle:0").err)
        .contains("--monte-carlo paths must be between 1 and 100000, got 0");
    assertThat(cross("--monte-carlo", "shuffle:ten").err).contains("with whole numbers");
    assertThat(cross("--ruin-equity", "500").err)
        .contains("--ruin-equity sets the ruin level of --monte-carlo");
    assertThat(cross("--monte-carlo", "shuffle:10", "--ruin-equity", "-1").err)
        .contains("--ruin-equity must be 0 or more");
    CliRun noTrades =
        CliRun.of(
            "--data",
            data.toString(),
            "--strategy",
            "sma_cross",
            "--param",
            "fast=2",
            "--param",
            "slow=3",
            "--commission",
            "0",
            "--capital",
            "1",
            "--monte-carlo",
            "shuffle:10");
    assertThat(noTrades.status).isEqualTo(2);
    assertThat(noTrades.err).contains("the run has no closed trades to shuffle");
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in %s", regex, text).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
