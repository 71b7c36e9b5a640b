package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.series.BarColumns;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Simulation;
import com.tradingbacktest.engine.sim.Trade;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pyramiding setting and the exit_fraction output, from source to trades. */
class PyramidingLanguageTests {

  private static final String ENTRY = "\nlong_entry = close > open";

  @Test
  void readsThePyramidingSetting() {
    CompiledStrategy with = compile("pyramiding = 3" + ENTRY);
    CompiledStrategy without = compile("long_entry = close > open");

    assertThat(with.pyramiding()).hasValue(3);
    assertThat(without.pyramiding()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      pyramiding = 0                    | 1 | 14 | pyramiding is a whole number of entries from 1 to 100, as in pyramiding = 3; got 0
      pyramiding = 2.5                  | 1 | 14 | pyramiding is a whole number of entries from 1 to 100, as in pyramiding = 3; got 2.5
      pyramiding = 101                  | 1 | 14 | pyramiding is a whole number of entries from 1 to 100, as in pyramiding = 3; got 101
      pyramiding = 50%                  | 1 | 14 | pyramiding is a whole number of entries from 1 to 100, as in pyramiding = 3
      pyramiding = close                | 1 | 14 | pyramiding is a whole number of entries from 1 to 100, as in pyramiding = 3
      param pyramiding = 2              | 1 | 7  | 'pyramiding' is a setting (pyramiding = 3) and cannot be a param; choose another name
      x = pyramiding + 1                | 1 | 5  | pyramiding is a setting (pyramiding = 3), not a value an expression can use
      exit_fraction = 1.5               | 1 | 17 | exit_fraction is the part of the position to close, above 0 and at most 1 (a third = 0.33, all = 1), got 1.5
      exit_fraction = 0                 | 1 | 17 | exit_fraction is the part of the position to close, above 0 and at most 1 (a third = 0.33, all = 1), got 0
      exit_fraction = close > open ? 0.5 : 2 | 1 | 38 | exit_fraction is the part of the position to close, above 0 and at most 1 (a third = 0.33, all = 1), got 2
      exit_fraction = close > open      | 1 | 17 | exit_fraction must be a number, got a bool series
      """)
  void reportsBadSettingsAndFractionsWhereTheyAre(
      String source, int line, int column, String message) {
    List<Diagnostic> errors = StrategyCompiler.compile(source + ENTRY).errors();

    assertThat(errors).as("errors of %s", source).isNotEmpty();
    assertThat(errors.get(0).message()).isEqualTo(message);
    assertThat(errors.get(0).line()).isEqualTo(line);
    assertThat(errors.get(0).column()).isEqualTo(column);
  }

  @Test
  void reportsAFractionParamWhoseRangeReachesZeroAtTheOutput() {
    List<Diagnostic> errors =
        StrategyCompiler.compile("param part = 0.5 in 0..1\nexit_fraction = part" + ENTRY).errors();

    assertThat(errors)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.column()).isEqualTo(17);
              assertThat(d.message()).endsWith("got param part with range 0..1");
            });
  }

  @Test
  void reportsASecondPyramidingAndPyramidingBesideWeight() {
    assertThat(StrategyCompiler.compile("pyramiding = 2\npyramiding = 3" + ENTRY).errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.message()).isEqualTo("pyramiding is already set on line 1; set it once");
            });
    assertThat(StrategyCompiler.compile("pyramiding = 2\nweight = 0.5").errors())
        .extracting(Diagnostic::message)
        .contains(
            "pyramiding adds entries to a position opened by entry signals, but weight positions"
                + " follow their target weights; remove pyramiding");
  }

  @Test
  void theCatalogueListsTheSettingAndTheOutput() {
    assertThat(LanguageCatalogue.settings())
        .filteredOn(s -> s.name().equals("pyramiding"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.values()).containsExactly("1..100");
              assertThat(StrategyCompiler.compile(s.example() + ENTRY).errors()).isEmpty();
              assertThat(s.descriptionKo()).isNotBlank();
            });
    assertThat(LanguageCatalogue.outputs())
        .extracting(LanguageCatalogue.OutputSpec::name)
        .contains("exit_fraction");
  }

  @Test
  void aStrategyScalesInAndOutFromSource() {
    // Rising closes 10..18: enter on every up bar (3 lots at most), scale out a half when the
    // close first reaches 15, exit at 17. Next-open fills, 1 unit per lot.
    String source =
        """
        pyramiding = 3
        size = 1
        long_entry = close > close[1]
        exit_fraction = crossover(close, 14.5) ? 0.5 : na
        long_exit = close >= 17
        """;
    BarSeries bars = rising(10, 11, 12, 13, 14, 15, 16, 17, 18);
    CompiledStrategy strategy = compile(source);
    Signals signals = strategy.signals(bars, Map.of());
    assertThat(signals.exitFraction()).hasSize(9);

    BacktestConfig config =
        BacktestConfig.builder().pyramiding(strategy.pyramiding().orElse(1)).build();
    Simulation sim = Backtest.run(bars, signals, config).simulation();

    // Entries of bars 1-3 fill at the opens of 2-4 (12, 13, 14); the entry of bar 4 is the 4th.
    // Bar 5 (close 15) scales out half of 3 = 1 unit at bar 6's open 16: the lot from 12; bar 6
    // adds a lot again at 17 (bar 7); bar 7 (close 17) exits: lots from 13, 14 and 17 at 18.
    assertThat(sim.position()).containsExactly(0, 0, 1, 2, 3, 3, 2, 3, 0);
    assertThat(sim.trades())
        .extracting(Trade::entryPrice, Trade::exitPrice)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(12.0, 16.0),
            org.assertj.core.groups.Tuple.tuple(13.0, 18.0),
            org.assertj.core.groups.Tuple.tuple(14.0, 18.0),
            org.assertj.core.groups.Tuple.tuple(17.0, 18.0));
  }

  /** Bars that open at their own close minus nothing: open = close = the price. */
  private static BarSeries rising(double... prices) {
    BarColumns b = new BarColumns(prices.length);
    long day = 86_400_000L;
    for (int i = 0; i < prices.length; i++) {
      b.bar(i, 1_704_067_200_000L + i * day, prices[i], prices[i], prices[i], prices[i], 1000);
    }
    return b.build("UP", Interval.D1, MarketCalendar.CRYPTO, ZoneOffset.UTC);
  }

  private static CompiledStrategy compile(String source) {
    StrategyCompiler.Compilation c = StrategyCompiler.compile(source);
    assertThat(c.errors()).isEmpty();
    return c.strategy();
  }
}
