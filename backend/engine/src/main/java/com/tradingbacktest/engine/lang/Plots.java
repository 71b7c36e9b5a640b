package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.lang.FunctionSpec.Arg;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code plot} statement: its catalogue entry and its rules. A plot is not a built-in of the
 * expression language (it has no value); the {@link Compiler} checks its arguments with the same
 * {@link CallChecker} as any call and records it as a {@link Declared} plot.
 */
final class Plots {

  static final String NAME = "plot";

  static final List<String> STYLES = List.of("line", "step", "histogram");

  static final List<String> PANES = List.of("price", "lower");

  /** A colour as the web app draws it: {@code #rrggbb}. */
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  static final FunctionSpec SPEC =
      new FunctionSpec(
          NAME,
          "plot",
          List.of(
              new Arg("title", "string", null, null, null, List.of(), false),
              new Arg("series", "number or bool series", null, null),
              new Arg("color", "string", null, null, null, List.of(), true),
              new Arg("style", "string", null, null, "line", STYLES, false),
              new Arg("pane", "string", null, null, "price", PANES, false)),
          "none",
          List.of(),
          "Draws a series on the result's chart: over the candles (pane=\"price\") or in a pane"
              + " below them (pane=\"lower\", for oscillators). A statement of its own; the title is"
              + " unique, color is \"#rrggbb\" (omitted: the chart picks one), style is \"line\","
              + " \"step\" or \"histogram\"; a bool series plots as 1 and 0. At most 16 per"
              + " strategy.",
          "결과 차트에 시리즈를 그립니다: 캔들 위(pane=\"price\") 또는 그 아래 별도 창(pane=\"lower\","
              + " 오실레이터용). 한 줄에 단독으로 쓰는 문장이며, 제목은 서로 달라야 하고, color는"
              + " \"#rrggbb\"(생략하면 차트가 고름), style은 \"line\", \"step\", \"histogram\" 중"
              + " 하나입니다. 참/거짓 시리즈는 1과 0으로 그려집니다. 전략당 최대 16개.",
          "plot(\"SMA fast\", sma(close, 10), color=\"#1f77b4\")");

  /**
   * A plot as compiled.
   *
   * @param color {@code #rrggbb} in lower case, or null
   * @param series the plotted node: a number or bool, series or constant
   */
  record Declared(String title, String color, String style, String pane, Node series) {}

  private Plots() {}

  /** Whether {@code text} is a colour a plot accepts: {@code #rrggbb}. */
  static boolean isColor(String text) {
    return COLOR.matcher(text).matches();
  }
}
