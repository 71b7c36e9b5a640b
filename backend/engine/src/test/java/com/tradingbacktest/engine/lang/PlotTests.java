package com.tradingbacktest.engine.lang;

import static com.tradingbacktest.engine.lang.Strategies.closes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.RunControl;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text literals, call statements and {@code plot}: what compiles, what is refused, what it draws.
 */
class PlotTests {

  private static final String ENTRY = "\nlong_entry = close > open";
  private static final EvaluationLimits LIMITS =
      new EvaluationLimits(Long.MAX_VALUE, RunControl.NONE);

  private static List<Diagnostic> errors(String source) {
    return StrategyCompiler.compile(source).errors();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // texts
        Arguments.of(
            "x = \"text\"",
            1,
            5,
            "a text cannot be assigned to a name; write it where"
                + " it is used, as in plot(\"title\", x)"),
        Arguments.of("x = 'text'", 1, 5, "write text in double quotes: \"like this\""),
        Arguments.of(
            "x = \"a\" + 1", 1, 5, "'+' needs numbers on both sides, got a text on the" + " left"),
        Arguments.of(
            "x = sma(\"close\", 3)",
            1,
            9,
            "sma expects a number series for source, got" + " a text"),
        Arguments.of("x = sma(close, \"3\")", 1, 16, "sma expects a length, got a text"),
        Arguments.of(
            "x = \"a\" == \"a\"",
            1,
            5,
            "'==' compares numbers or true/false values, not" + " texts"),
        Arguments.of(
            "x = close > open ? \"a\" : \"b\"",
            1,
            5,
            "the branches of 'condition ? a :" + " b' must be numbers or true/false values"),
        Arguments.of("x = \"a\"[1]", 1, 5, "a text has no history: [n] applies to series"),
        Arguments.of("x = not \"a\"", 1, 5, "'not' needs a true/false value, got a text"),
        Arguments.of("x = \"abc", 1, 5, "this text has no closing \""),
        Arguments.of(
            "plot(\"a\\n\", close)",
            1,
            8,
            "unknown escape in a text: only \\\" (a quote)"
                + " and \\\\ (a backslash) are allowed"),
        Arguments.of(
            "plot(\"" + "x".repeat(101) + "\", close)",
            1,
            6,
            "a text may have at most" + " 100 characters; this one has 101"),
        // call statements
        Arguments.of(
            "sma(close, 3)",
            1,
            1,
            "only plot(...) can stand alone; assign the value to" + " a name, as in x = sma(...)"),
        Arguments.of("plto(\"a\", close)", 1, 1, "unknown function 'plto'; did you mean 'plot'?"),
        Arguments.of(
            "sma(close, 3) > 1",
            1,
            1,
            "a statement is name = expression or a call such"
                + " as plot(...), but this line computes a value it does not keep; assign it to a"
                + " name"),
        Arguments.of(
            "x = plot(\"a\", close)",
            1,
            5,
            "plot(...) draws a series and has no value:" + " write it on a line of its own"),
        Arguments.of(
            "plot = 1",
            1,
            1,
            "'plot' is a built-in function and cannot be assigned;" + " choose another name"),
        // plot's arguments
        Arguments.of(
            "plot(close, close)",
            1,
            6,
            "plot expects a text in double quotes for" + " title, got a number series"),
        Arguments.of(
            "plot(\"a\", \"b\")",
            1,
            11,
            "plot expects a number or true/false series for" + " series, got a text"),
        Arguments.of(
            "plot(\"a\")",
            1,
            1,
            "plot needs a series for series: plot(title, series,"
                + " color, style=\"line\", pane=\"price\")"),
        Arguments.of(
            "plot(\"a\", macd(close))",
            1,
            11,
            "macd has several outputs: use .macd," + " .signal or .histogram"),
        Arguments.of(
            "plot(\"a\", close, colour=\"#ff0000\")",
            1,
            18,
            "plot has no argument"
                + " 'colour'; its arguments are title, series, color, style, pane"),
        Arguments.of(
            "plot(\"a\", close, color=\"red\")",
            1,
            24,
            "plot color must be \"#rrggbb\"" + " (six hex digits, e.g. \"#1f77b4\"), got \"red\""),
        Arguments.of(
            "plot(\"a\", close, color=1)",
            1,
            24,
            "plot expects a text in double quotes" + " for color, got a number"),
        Arguments.of(
            "plot(\"a\", close, style=\"dots\")",
            1,
            24,
            "plot style must be one of" + " \"line\", \"step\", \"histogram\", got \"dots\""),
        Arguments.of(
            "plot(\"a\", close, pane=\"upper\")",
            1,
            23,
            "plot pane must be one of" + " \"price\", \"lower\", got \"upper\""),
        Arguments.of(
            "plot(\"\", close)",
            1,
            6,
            "a plot's title has 1 to 40 characters and is not" + " blank; this one has 0"),
        Arguments.of(
            "plot(\"" + "t".repeat(41) + "\", close)",
            1,
            6,
            "a plot's title has 1 to 40" + " characters and is not blank; this one has 41"),
        Arguments.of(
            "plot(\" a\", close)", 1, 6, "a plot's title cannot start or end with a space"),
        Arguments.of(
            "plot(\"SMA(10, 20)\", close)",
            1,
            6,
            "a plot's title cannot contain a comma: the API and the CLI name plots in"
                + " comma-separated lists"),
        Arguments.of(
            "plot(\"a\", close)\nplot(\"a\", open)",
            2,
            6,
            "a plot titled \"a\" is" + " already drawn on line 1; give each plot its own title"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refuses(String source, int line, int column, String message) {
    List<Diagnostic> errors = errors(source + ENTRY);

    assertThat(errors).as("errors of %s", source).isNotEmpty();
    assertThat(errors.get(0).message()).isEqualTo(message);
    assertThat(errors.get(0).line()).isEqualTo(line);
    assertThat(errors.get(0).column()).isEqualTo(column);
  }

  @Test
  void refusesMoreThanSixteenPlots() {
    StringBuilder source = new StringBuilder();
    for (int i = 1; i <= Limits.MAX_PLOTS + 1; i++) {
      source.append("plot(\"p").append(i).append("\", close)\n");
    }

    List<Diagnostic> errors = errors(source + ENTRY);

    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(Limits.MAX_PLOTS + 1);
              assertThat(e.message())
                  .isEqualTo("a strategy may draw at most 16 plots; this is plot 17");
            });
    assertThat(errors(source.substring(0, source.lastIndexOf("plot(")) + ENTRY)).isEmpty();
  }

  @Test
  void aMissingParenthesisBeforeAPlotIsReportedOnItsOwnLine() {
    List<Diagnostic> errors = errors("x = sma(close, 3\nplot(\"x\", close)" + ENTRY);

    assertThat(errors).extracting(Diagnostic::line).containsExactly(1);
  }

  @Test
  void plotsTheSeriesComputedDirectly() {
    // closes 10 12 11 15 14: sma(close, 3) = na, na, 11, 12.667, 13.333
    BarSeries bars = closes(10, 12, 11, 15, 14);
    CompiledStrategy s =
        Strategies.compile(
            """
            f = sma(close, 3)
            plot("SMA 3", f, color="#1F77B4")
            plot("up", close > open, style="histogram", pane="lower")
            plot("level", 12, style="step")
            long_entry = crossover(close, f)
            """);

    Evaluation e = s.evaluate(bars, Map.of(), LIMITS);

    assertThat(s.plotTitles()).containsExactly("SMA 3", "up", "level");
    Plot sma = e.plots().get(0);
    assertThat(sma.color()).isEqualTo("#1f77b4");
    assertThat(sma.style()).isEqualTo("line");
    assertThat(sma.pane()).isEqualTo("price");
    assertThat(sma.values()[0]).isNaN();
    assertThat(sma.values()[1]).isNaN();
    assertThat(sma.values()[2]).isCloseTo(11, within(1e-12));
    assertThat(sma.values()[3]).isCloseTo(38.0 / 3, within(1e-12));
    assertThat(sma.values()[4]).isCloseTo(40.0 / 3, within(1e-12));
    Plot up = e.plots().get(1);
    assertThat(up.color()).isNull();
    assertThat(up.style()).isEqualTo("histogram");
    assertThat(up.pane()).isEqualTo("lower");
    // open = previous close: up on bars 1 and 3 (bar 0 opens at its close)
    assertThat(up.values()).containsExactly(0, 1, 0, 1, 0);
    assertThat(e.plots().get(2).values()).containsExactly(12, 12, 12, 12, 12);
    assertThat(e.plots().get(2).style()).isEqualTo("step");
    // the signals are those of the plain evaluation
    assertThat(e.signals().longEntry()).containsExactly(s.signals(bars, Map.of()).longEntry());
  }

  @Test
  void plotsGetTheirOwnColumnsSoTheBarsCannotBeChangedThroughThem() {
    BarSeries bars = closes(10, 12, 11);
    CompiledStrategy s = Strategies.compile("plot(\"close\", close)" + ENTRY);

    double[] plotted = s.evaluate(bars, Map.of(), LIMITS).plots().get(0).values();
    plotted[0] = -1;

    assertThat(bars.close()[0]).isEqualTo(10);
  }

  @Test
  void textsKeepTheirEscapes() {
    CompiledStrategy s = Strategies.compile("plot(\"say \\\"hi\\\" \\\\ 2\", close)" + ENTRY);

    assertThat(s.plotTitles()).containsExactly("say \"hi\" \\ 2");
  }

  @Test
  void aSweepNeverComputesNorCountsThePlots() {
    // The plotted series is only plotted: the signals-only evaluation needs less memory and never
    // computes it (a plot over the memory limit does not stop a sweep).
    CompiledStrategy s =
        Strategies.compile("plot(\"slow\", sma(close, 5) + ema(close, 5))" + ENTRY);
    BarSeries bars = closes(10, 12, 11, 15, 14, 13, 12);

    long withPlots = s.bytesPerBar(true);
    long withoutPlots = s.bytesPerBar(false);

    assertThat(withPlots - withoutPlots)
        // sma, ema, their sum and one call's work array (the signals alone call nothing); the plot
        .isEqualTo(4 * 8 + MemoryEstimate.PLOT_BYTES_PER_BAR);
    assertThat(s.memoryNeeded(bars.size())).isEqualTo(withPlots * bars.size());
    EvaluationLimits tight = new EvaluationLimits(withoutPlots * bars.size(), RunControl.NONE);
    assertThat(s.evaluator(bars, tight).signals(Map.of()).longEntry()).isNotNull();
    assertThatThrownBy(() -> s.evaluate(bars, Map.of(), tight))
        .isInstanceOf(StrategyEvaluationException.class)
        .hasMessageContaining("the limit per run");
  }

  @Test
  void theCatalogueListsPlotWithItsNamedArguments() {
    FunctionSpec plot =
        LanguageCatalogue.functions().stream()
            .filter(f -> f.name().equals("plot"))
            .findFirst()
            .orElseThrow();

    assertThat(plot.signature())
        .isEqualTo("plot(title, series, color, style=\"line\", pane=\"price\")");
    assertThat(plot.result()).isEqualTo("none");
    assertThat(plot.params())
        .extracting(FunctionSpec.Arg::name)
        .containsExactly("title", "series", "color", "style", "pane");
    assertThat(plot.params().get(2).required()).isFalse();
    assertThat(plot.params().get(3).choices()).containsExactly("line", "step", "histogram");
    assertThat(plot.params().get(4).choices()).containsExactly("price", "lower");
    assertThat(LanguageCatalogue.limits()).containsEntry("max_plots", 16L);
  }
}
