package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.engine.portfolio.Rebalance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The portfolio side of the language at compile time: the rebalance setting in each of its forms,
 * the weight output's rules and the cross-sectional functions' arguments, every error at its place.
 */
class PortfolioCompileTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      rebalance = monthly        | monthly
      rebalance = weekly         | weekly
      rebalance = quarterly      | quarterly
      rebalance = every_bar      | every_bar
      rebalance = drift(5%)      | drift:0.05
      rebalance = drift(0.1)     | drift:0.1
      rebalance = "drift:0.02"   | drift:0.02
      rebalance = "Weekly"       | weekly
      `# no setting`             | monthly
      """)
  void readsTheRebalanceSetting(String setting, String schedule) {
    CompiledStrategy s = Strategies.compile(setting + "\nweight = 0.5");

    assertThat(s.hasWeight()).isTrue();
    assertThat(s.rebalance()).contains(Rebalance.parse(schedule));
  }

  @Test
  void aStrategyWithoutWeightHasNoSchedule() {
    assertThat(Strategies.compile("long_entry = close > open").rebalance()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      rebalance = mothly\\nweight = 0.5               | 1 | 13 | unknown schedule 'mothly'; did you mean 'monthly'? rebalance is every_bar, weekly, monthly, quarterly or drift(band), as in rebalance = monthly or rebalance = drift(5%)
      rebalance = yearly\\nweight = 0.5               | 1 | 13 | unknown schedule 'yearly'; rebalance is every_bar, weekly, monthly, quarterly or drift(band), as in rebalance = monthly or rebalance = drift(5%)
      rebalance = drift\\nweight = 0.5                | 1 | 13 | drift needs a band, as in rebalance = drift(5%)
      rebalance = drift(150%)\\nweight = 0.5          | 1 | 19 | the drift band is a fraction above 0 and below 1 (5% = 0.05), got 1.5
      rebalance = drift(band=5%)\\nweight = 0.5       | 1 | 13 | drift takes one band as a literal number, as in rebalance = drift(5%)
      rebalance = drift(close)\\nweight = 0.5         | 1 | 13 | drift takes one band as a literal number, as in rebalance = drift(5%)
      rebalance = "hourly"\\nweight = 0.5             | 1 | 13 | rebalance must be every_bar, weekly, monthly, quarterly or drift:<band>, got 'hourly'
      rebalance = "drift:x"\\nweight = 0.5            | 1 | 13 | drift band must be a number, got 'x'
      rebalance = 5\\nweight = 0.5                    | 1 | 13 | rebalance is every_bar, weekly, monthly, quarterly or drift(band), as in rebalance = monthly or rebalance = drift(5%)
      rebalance = monthly\\nrebalance = weekly\\nweight = 0.5 | 2 | 1 | rebalance is already set on line 1; set it once
      rebalance = monthly\\nlong_entry = close > open | 1 | 1 | rebalance schedules the weight output, but this strategy assigns no weight; assign weight (e.g. weight = 1 / universe_size()) or remove rebalance
      param rebalance = 1\\nweight = 0.5              | 1 | 7 | 'rebalance' is a setting (rebalance = monthly) and cannot be a param; choose another name
      x = rebalance + 1\\nweight = 0.5                | 1 | 5 | rebalance is a setting (rebalance = monthly), not a value an expression can use
      weight = 1.5                                    | 1 | 10 | weight must be from 0 to 1 (a fraction of equity, 25% = 0.25), got 1.5
      weight = close > open ? 0.5 : -10%              | 1 | 31 | weight must be from 0 to 1 (a fraction of equity, 25% = 0.25), got -0.1
      param w = 0.5 in 0..2\\nweight = w              | 2 | 10 | weight must be from 0 to 1 (a fraction of equity, 25% = 0.25), got param w with range 0..2
      weight = close > open                           | 1 | 10 | weight must be a number, got a bool series
      weight = 0.5\\nlong_entry = close > open        | 1 | 10 | weight sets target weights for the rebalancer and cannot be combined with long_entry (line 2): use either weight or entry/exit outputs
      weight = 0.5\\nstop_loss = 5%                   | 1 | 10 | weight sets target weights for the rebalancer and cannot be combined with stop_loss (line 2): use either weight or entry/exit outputs
      weight = rank(close > open)                     | 1 | 15 | rank expects a number series for source, got a bool series
      weight = top(close, 3) ? 1 : 0                  | 1 | 14 | top expects a length (a whole number or a param), got a series that changes from bar to bar
      weight = top(0, close) ? 1 : 0                  | 1 | 14 | top n must be at least 1, got 0
      weight = count_cs(close) / 10                   | 1 | 19 | count_cs expects a true/false condition for condition, got a number series
      weight = universe_size(close)                   | 1 | 10 | universe_size takes 0 arguments, got 1
      weight = 1 / universe_size                      | 1 | 14 | 'universe_size' is a function: call it like universe_size()
      rank = 1\\nweight = 0.5                         | 1 | 1 | 'rank' is a built-in function and cannot be assigned; choose another name
      weight = rnak(close) / 10                       | 1 | 10 | unknown function 'rnak'; did you mean 'rank'?
      weight = rank(rank(rank(rank(rank(close))))) / 10 | 1 | 10 | cross-sectional functions (rank, top, zscore_cs, ...) may be nested at most 4 deep, each one inside the argument of another; this one is level 5
      """)
  void reports(String source, int line, int column, String message) {
    List<Diagnostic> errors = StrategyCompiler.compile(source.replace("\\n", "\n")).errors();

    assertThat(errors).as("errors of %s", source).isNotEmpty();
    assertThat(errors.get(0).message()).isEqualTo(message);
    assertThat(errors.get(0).line()).isEqualTo(line);
    assertThat(errors.get(0).column()).isEqualTo(column);
  }

  @Test
  void crossSectionalFunctionsMayNestFourDeepAndBeUsedLikeAnySeries() {
    CompiledStrategy s =
        Strategies.compile(
            """
            param n = 3 in 1..50
            x = roc(close, 20)
            z = zscore_cs(rank(zscore_cs(x)))
            long_entry = rank(z) <= n and top(n, x)[1] and sma(rank(x), 5) < 3
            long_exit = bottom(n, x)
            """);

    assertThat(s.isCrossSectional()).isTrue();
    assertThat(s.hasWeight()).isFalse();
  }

  @Test
  void anIntrabarOrderMayUseACrossSectionalValueOfTheOpenButNotOfTheClose() {
    assertThat(
            StrategyCompiler.compile("long_entry_stop = rank(open) == 1 ? open * 1.01 : na")
                .errors())
        .isEmpty();
    assertThat(
            StrategyCompiler.compile("long_entry_stop = rank(close) == 1 ? open * 1.01 : na")
                .errors())
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("it uses close of the current bar");
  }

  @Test
  void theCatalogueListsTheCrossSectionalFunctionsTheWeightOutputAndTheSetting() {
    assertThat(LanguageCatalogue.functions())
        .filteredOn(f -> f.category().equals("cross-sectional"))
        .extracting(FunctionSpec::name)
        .containsExactly(
            "rank", "top", "bottom", "zscore_cs", "sum_cs", "count_cs", "universe_size");
    assertThat(LanguageCatalogue.functions())
        .filteredOn(f -> f.category().equals("cross-sectional"))
        .allSatisfy(
            f -> {
              assertThat(f.descriptionKo()).isNotBlank();
              assertThat(StrategyCompiler.compile(f.example()).errors())
                  .as("example of %s", f.name())
                  .isEmpty();
            });
    assertThat(LanguageCatalogue.outputs())
        .extracting(LanguageCatalogue.OutputSpec::name)
        .contains("weight");
    assertThat(LanguageCatalogue.settings())
        .filteredOn(setting -> setting.name().equals("rebalance"))
        .singleElement()
        .satisfies(
            setting -> {
              assertThat(setting.name()).isEqualTo("rebalance");
              assertThat(setting.values())
                  .containsExactly("every_bar", "weekly", "monthly", "quarterly", "drift(band)");
              assertThat(setting.descriptionKo()).isNotBlank();
            });
  }
}
