package com.tradingbacktest.engine.lang;

import com.tradingbacktest.engine.sim.BacktestConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The language as data: every built-in function, price and time series, output, keyword and limit.
 * Served at {@code GET /api/v1/strategies/language} for the editor's completion and hover docs, and
 * the source of truth docs/STRATEGY_LANGUAGE.md is checked against.
 */
public final class LanguageCatalogue {

  /** A named series (price or time part) a strategy can read. */
  public record Variable(String name, String category, String description, String descriptionKo) {}

  /** A name a strategy assigns to drive the engine. */
  public record OutputSpec(String name, String type, boolean intrabar, String description) {}

  private LanguageCatalogue() {}

  /**
   * A statement that configures the run rather than computes a series: {@code name = value}.
   *
   * @param values the values it accepts, as written in code ({@code drift(band)} with a band)
   */
  public record Setting(
      String name, List<String> values, String example, String description, String descriptionKo) {

    public Setting {
      values = List.copyOf(values);
    }
  }

  /**
   * Every built-in function, then the cross-sectional ones (category {@code cross-sectional}), then
   * {@code plot} (a statement, whose result is {@code none}).
   */
  public static List<FunctionSpec> functions() {
    List<FunctionSpec> all = new ArrayList<>(Builtins.specs());
    all.addAll(CrossSection.specs());
    all.add(Plots.SPEC);
    return List.copyOf(all);
  }

  public static List<Variable> variables() {
    List<Variable> v = new ArrayList<>();
    v.add(new Variable("open", "price", "The bar's opening price.", "봉의 시가."));
    v.add(new Variable("high", "price", "The bar's highest price.", "봉의 고가."));
    v.add(new Variable("low", "price", "The bar's lowest price.", "봉의 저가."));
    v.add(new Variable("close", "price", "The bar's closing price.", "봉의 종가."));
    v.add(new Variable("volume", "price", "The bar's traded volume.", "봉의 거래량."));
    v.add(new Variable("hl2", "price", "(high + low) / 2.", "(고가 + 저가) / 2."));
    v.add(
        new Variable(
            "hlc3",
            "price",
            "(high + low + close) / 3, the typical price.",
            "(고가 + 저가 + 종가) / 3, 전형가격."));
    v.add(
        new Variable(
            "ohlc4", "price", "(open + high + low + close) / 4.", "(시가 + 고가 + 저가 + 종가) / 4."));
    v.add(
        new Variable(
            "year",
            "time",
            "Year of the bar's open, in the market's time zone.",
            "봉 시작 시각의 연도 (시장 시간대)."));
    v.add(new Variable("month", "time", "Month 1-12.", "월 1-12."));
    v.add(new Variable("dayofmonth", "time", "Day of the month 1-31.", "일 1-31."));
    v.add(
        new Variable(
            "dayofweek",
            "time",
            "Day of the week, Monday = 1 ... Sunday = 7.",
            "요일, 월요일 = 1 ... 일요일 = 7."));
    v.add(new Variable("hour", "time", "Hour 0-23.", "시 0-23."));
    v.add(new Variable("minute", "time", "Minute 0-59.", "분 0-59."));
    PositionState.ALL
        .values()
        .forEach(
            s -> v.add(new Variable(s.name(), "position", s.description(), s.descriptionKo())));
    return List.copyOf(v);
  }

  public static List<OutputSpec> outputs() {
    return Outputs.ALL.values().stream()
        .map(
            o ->
                new OutputSpec(
                    o.name(),
                    o.type() == Node.Type.BOOL ? "bool" : "number",
                    o.intrabar(),
                    o.description()))
        .toList();
  }

  /**
   * The settings: {@code rebalance}, the schedule of the weight output, and {@code pyramiding}, the
   * most entries in one direction.
   */
  public static List<Setting> settings() {
    List<String> values = new ArrayList<>(Settings.CALENDAR);
    values.add(Settings.DRIFT + "(band)");
    return List.of(
        new Setting(
            Settings.REBALANCE,
            values,
            "rebalance = monthly",
            "When the portfolio trades towards the weight output: at the close of the first bar of"
                + " each week, month or quarter (and of the very first bar), on every bar, or with"
                + " drift(5%) whenever a held weight is 5 percentage points off its target."
                + " Monthly when omitted; a run's own rebalance overrides it.",
            "포트폴리오가 weight 출력으로 리밸런싱하는 시점: 매주, 매월, 매분기 첫 봉의 종가(및 맨 첫 봉),"
                + " 매 봉, 또는 drift(5%)처럼 보유 비중이 목표에서 5%p 이상 벗어날 때. 생략하면 매월;"
                + " 실행 요청의 rebalance가 우선합니다."),
        new Setting(
            Settings.PYRAMIDING,
            List.of("1.." + BacktestConfig.MAX_PYRAMIDING),
            "pyramiding = 3",
            "The most entries a position holds in one direction: with more than 1, an entry"
                + " signal in the direction of the open position adds a lot, sized like an entry,"
                + " until that many are open; exit_fraction and exits close the oldest lots first."
                + " 1 when omitted; a run's own pyramiding overrides it.",
            "한 방향으로 보유할 수 있는 최대 진입 횟수: 1보다 크면 보유 중인 포지션과 같은 방향의 진입"
                + " 신호가 진입과 같은 방식으로 수량을 정해 로트를 추가하며, 그 수에 이를 때까지 추가합니다;"
                + " exit_fraction과 청산은 가장 오래된 로트부터 닫습니다. 생략하면 1; 실행 요청의"
                + " pyramiding이 우선합니다."));
  }

  public static List<String> keywords() {
    return List.of("param", "in", "step", "and", "or", "not", "true", "false", "na");
  }

  public static Map<String, Long> limits() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("max_source_chars", (long) Limits.MAX_SOURCE_CHARS);
    m.put("max_statements", (long) Limits.MAX_STATEMENTS);
    m.put("max_nesting", (long) Limits.MAX_NESTING);
    m.put("max_lookback", (long) Limits.MAX_LOOKBACK);
    m.put("max_params", (long) Limits.MAX_PARAMS);
    m.put("max_text_chars", (long) Limits.MAX_TEXT_CHARS);
    m.put("max_plots", (long) Limits.MAX_PLOTS);
    m.put("max_plot_title_chars", (long) Limits.MAX_PLOT_TITLE_CHARS);
    m.put("max_cross_nesting", (long) Limits.MAX_CROSS_NESTING);
    m.put("max_universe_symbols", (long) Limits.MAX_UNIVERSE_SYMBOLS);
    return m;
  }
}
