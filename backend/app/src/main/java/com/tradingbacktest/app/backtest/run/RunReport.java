package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.EquityChart;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A completed run as one self-contained HTML document: its title, settings, every metric, equity
 * and drawdown as inline SVG, monthly returns, its trades (the first {@link #MAX_TRADES}) and the
 * code it ran. No script, no stylesheet or image from elsewhere, no link out: it opens offline,
 * prints on its own print styles, and every text a user wrote is escaped.
 */
final class RunReport {

  /** The most trades a report lists; it says so when a run has more. */
  static final int MAX_TRADES = 5_000;

  /** What a report shows of a run. */
  record Content(
      String name,
      String strategyName,
      String strategyCode,
      String notes,
      List<String> symbols,
      String interval,
      String period,
      java.math.BigDecimal initialCapital,
      Map<String, Double> parameters,
      RunSettings settings,
      String benchmark,
      Instant completedAt,
      RunResult result,
      List<RoundTripView> trades,
      long tradeCount) {}

  private RunReport() {}

  static String render(Content run, ReportFormat f, Instant now) {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html><html lang=\"")
        .append(f.korean() ? "ko" : "en")
        .append(
            "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,")
        .append(" initial-scale=1\"><title>")
        .append(escape(f.text("title", run.name())))
        .append("</title><style>")
        .append(css(f.korean()))
        .append("</style></head><body><main>");
    html.append("<header><p class=\"eyebrow\">")
        .append(
            escape(f.text("subtitle", f.date(run.completedAt() == null ? now : run.completedAt()))))
        .append("</p><h1>")
        .append(escape(run.name()))
        .append("</h1><p class=\"sub\">")
        .append(escape(strategy(run, f)))
        .append(" · ")
        .append(escape(String.join(", ", run.symbols())))
        .append(" · ")
        .append(escape(run.interval()))
        .append(" · ")
        .append(escape(run.period()))
        .append("</p></header>");
    if (run.notes() != null && !run.notes().isBlank()) {
      section(html, f.text("section.notes"));
      html.append("<p class=\"notes\">").append(escape(run.notes())).append("</p></section>");
    }
    settings(html, run, f);
    metrics(html, run.result(), f);
    charts(html, run.result().equity(), f);
    monthly(html, run.result(), f);
    trades(html, run, f);
    section(html, f.text("section.code"));
    if (run.strategyCode() == null || run.strategyCode().isBlank()) {
      html.append("<p>").append(escape(f.text("code.none"))).append("</p>");
    } else {
      html.append("<pre class=\"code\">").append(escape(run.strategyCode())).append("</pre>");
    }
    html.append("</section><footer>")
        .append(escape(f.text("generated", f.dateTime(now))))
        .append("</footer></main></body></html>");
    return html.toString();
  }

  private static String strategy(Content run, ReportFormat f) {
    return run.strategyName() == null ? f.text("deletedStrategy") : run.strategyName();
  }

  private static void section(StringBuilder html, String title) {
    html.append("<section><h2>").append(escape(title)).append("</h2>");
  }

  private static void settings(StringBuilder html, Content run, ReportFormat f) {
    section(html, f.text("section.settings"));
    html.append("<table class=\"facts\"><tbody>");
    row(html, f.text("setting.strategy"), strategy(run, f));
    row(html, f.text("setting.symbols"), String.join(", ", run.symbols()));
    row(html, f.text("setting.interval"), run.interval());
    row(html, f.text("setting.period"), run.period());
    row(html, f.text("setting.capital"), f.money(run.initialCapital().doubleValue()));
    row(html, f.text("setting.currency"), run.settings().currency());
    StringBuilder parameters = new StringBuilder();
    new TreeMap<>(run.parameters())
        .forEach(
            (name, value) ->
                parameters
                    .append(parameters.isEmpty() ? "" : ", ")
                    .append(name)
                    .append(" = ")
                    .append(f.number(value, 0, 6)));
    row(
        html,
        f.text("setting.parameters"),
        parameters.isEmpty() ? f.text("setting.none") : parameters.toString());
    RunSettings.Costs costs = run.settings().costs();
    if (costs != null) {
      row(
          html,
          f.text("setting.costs"),
          f.text(
              "costs.line",
              f.percent(costs.commissionRate()),
              f.percent(costs.sellTaxRate()),
              f.percent(costs.slippageRate()),
              costs.preset() == null ? "-" : costs.preset()));
    }
    row(
        html,
        f.text("setting.benchmark"),
        run.benchmark() == null ? f.text("setting.none") : run.benchmark());
    if (run.completedAt() != null) {
      row(html, f.text("setting.completed"), f.dateTime(run.completedAt()));
    }
    html.append("</tbody></table></section>");
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th scope=\"row\">")
        .append(escape(label))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>");
  }

  private static void metrics(StringBuilder html, RunResult result, ReportFormat f) {
    section(html, f.text("section.metrics"));
    html.append("<table class=\"metrics\"><tbody>");
    result
        .metrics()
        .forEach(
            (name, value) ->
                html.append("<tr><th scope=\"row\">")
                    .append(escape(f.metricName(name)))
                    .append("</th><td class=\"num")
                    .append(tone(name, value))
                    .append("\">")
                    .append(escape(f.metric(name, value)))
                    .append("</td></tr>"));
    html.append("</tbody></table></section>");
  }

  /** Returns and profits are coloured by their sign; other metrics are not. */
  private static String tone(String name, Number value) {
    if (value == null
        || !Double.isFinite(value.doubleValue())
        || !(name.endsWith("return") || name.equals("cagr") || name.startsWith("net_profit"))) {
      return "";
    }
    double v = value.doubleValue();
    return v > 0 ? " gain" : v < 0 ? " loss" : "";
  }

  private static void charts(StringBuilder html, EquityChart equity, ReportFormat f) {
    if (equity == null || equity.time() == null) {
      return;
    }
    section(html, f.text("section.equity"));
    html.append("<p class=\"legend\"><span class=\"key equity\"></span>")
        .append(escape(f.text("legend.equity")))
        .append(" <span class=\"key hold\"></span>")
        .append(escape(f.text("legend.buyAndHold")))
        .append("</p>")
        .append(
            ReportSvg.chart(
                f.text("section.equity"),
                equity.time(),
                new double[][] {equity.equity(), equity.buyAndHold()},
                new String[] {"line-equity", "line-hold"},
                false,
                f::money,
                f))
        .append("</section>");
    section(html, f.text("section.drawdown"));
    html.append(
            ReportSvg.chart(
                f.text("section.drawdown"),
                equity.time(),
                new double[][] {equity.drawdown()},
                new String[] {"area-drawdown"},
                true,
                v -> f.percent(v),
                f))
        .append("</section>");
  }

  private static void monthly(StringBuilder html, RunResult result, ReportFormat f) {
    if (result.monthlyReturns() == null || result.monthlyReturns().isEmpty()) {
      return;
    }
    section(html, f.text("section.monthly"));
    Map<Integer, Double[]> years = new TreeMap<>();
    result
        .monthlyReturns()
        .forEach(
            m -> years.computeIfAbsent(m.year(), y -> new Double[12])[m.month() - 1] = m.value());
    Map<Integer, Double> yearly = new TreeMap<>();
    if (result.yearlyReturns() != null) {
      result.yearlyReturns().forEach(y -> yearly.put(y.year(), y.value()));
    }
    html.append("<div class=\"wide\"><table class=\"grid\"><thead><tr><th>")
        .append(escape(f.text("month.year")))
        .append("</th>");
    for (int m = 1; m <= 12; m++) {
      html.append("<th>")
          .append(
              f.korean()
                  ? m + "월"
                  : java.time.Month.of(m)
                      .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US))
          .append("</th>");
    }
    html.append("<th>").append(escape(f.text("month.total"))).append("</th></tr></thead><tbody>");
    years.forEach(
        (year, months) -> {
          html.append("<tr><th scope=\"row\">").append(year).append("</th>");
          for (Double value : months) {
            cell(html, value, f);
          }
          cell(html, yearly.get(year), f);
          html.append("</tr>");
        });
    html.append("</tbody></table></div></section>");
  }

  private static void cell(StringBuilder html, Double value, ReportFormat f) {
    if (value == null || !Double.isFinite(value)) {
      html.append("<td class=\"num\">—</td>");
      return;
    }
    html.append("<td class=\"num")
        .append(value > 0 ? " gain" : value < 0 ? " loss" : "")
        .append("\">")
        .append(escape(f.percent(value)))
        .append("</td>");
  }

  private static void trades(StringBuilder html, Content run, ReportFormat f) {
    section(html, f.text("section.trades"));
    if (run.trades().isEmpty()) {
      html.append("<p>").append(escape(f.text("trades.none"))).append("</p></section>");
      return;
    }
    if (run.tradeCount() > run.trades().size()) {
      html.append("<p class=\"cut\">")
          .append(
              escape(
                  f.text(
                      "trades.cut",
                      f.number(run.trades().size(), 0, 0),
                      f.number((double) run.tradeCount(), 0, 0))))
          .append("</p>");
    }
    boolean portfolio = run.symbols().size() > 1;
    double tick = run.settings().costs() == null ? 0 : run.settings().costs().tickSize();
    html.append("<div class=\"wide\"><table class=\"trades\"><thead><tr>");
    for (String key :
        portfolio
            ? List.of(
                "number",
                "symbol",
                "side",
                "entry",
                "entryPrice",
                "exit",
                "exitPrice",
                "quantity",
                "pnl",
                "return")
            : List.of(
                "number",
                "side",
                "entry",
                "entryPrice",
                "exit",
                "exitPrice",
                "quantity",
                "pnl",
                "return")) {
      html.append("<th>").append(escape(f.text("trade." + key))).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (RoundTripView t : run.trades()) {
      html.append("<tr><td class=\"num\">").append(t.number()).append("</td>");
      if (portfolio) {
        html.append("<td>").append(escape(t.symbol())).append("</td>");
      }
      html.append("<td>")
          .append(escape(f.text("short".equals(t.side()) ? "side.short" : "side.long")))
          .append("</td><td>")
          .append(escape(f.dateTime(t.entryTime())))
          .append("</td><td class=\"num\">")
          .append(escape(f.price(t.entryPrice(), tick)))
          .append("</td><td>")
          .append(escape(f.dateTime(t.exitTime())))
          .append("</td><td class=\"num\">")
          .append(escape(f.price(t.exitPrice(), tick)))
          .append("</td><td class=\"num\">")
          .append(escape(f.number(t.quantity(), 0, 8)))
          .append("</td><td class=\"num")
          .append(t.pnl() > 0 ? " gain" : t.pnl() < 0 ? " loss" : "")
          .append("\">")
          .append(escape(f.money(t.pnl())))
          .append("</td><td class=\"num")
          .append(t.returnPct() > 0 ? " gain" : t.returnPct() < 0 ? " loss" : "")
          .append("\">")
          .append(escape(f.percent(t.returnPct())))
          .append("</td></tr>");
    }
    html.append("</tbody></table></div></section>");
  }

  /** Text made safe for HTML content and attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The page's styles: light on screen and paper; up and down in the reader's convention (Korean:
   * up red, down blue).
   */
  private static String css(boolean korean) {
    String gain = korean ? "#c62828" : "#1b7f3b";
    String loss = korean ? "#1565c0" : "#c62828";
    return ":root{--gain:"
        + gain
        + ";--loss:"
        + loss
        + ";--muted:#5f6672;--line:#dfe3ea}"
        + "*{box-sizing:border-box}"
        + "body{margin:0;font:14px/1.5 system-ui,-apple-system,'Segoe UI','Apple SD Gothic Neo',"
        + "'Malgun Gothic',sans-serif;color:#1c2028;background:#fff}"
        + "main{max-width:1080px;margin:0 auto;padding:32px 24px}"
        + (korean ? "body{word-break:keep-all}" : "")
        + "h1{font-size:26px;margin:4px 0}h2{font-size:18px;margin:0 0 12px}"
        + ".eyebrow,.sub,footer,.cut,.legend{color:var(--muted)}.sub{margin:0}"
        + "section{margin-top:28px}"
        + "table{border-collapse:collapse;width:100%}th,td{padding:5px 8px;border-bottom:1px solid var(--line);"
        + "text-align:left;vertical-align:top}thead th{background:#f4f6f9;font-weight:600}"
        + ".facts th,.metrics th{width:40%;font-weight:500;color:var(--muted)}"
        + ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
        + ".gain{color:var(--gain)}.loss{color:var(--loss)}"
        + ".wide{overflow-x:auto}.grid td,.grid th{text-align:right}.grid th:first-child{text-align:left}"
        + ".notes{white-space:pre-wrap}"
        + ".code{white-space:pre-wrap;word-break:break-all;background:#f4f6f9;padding:12px;"
        + "border-radius:6px;font:12px/1.5 ui-monospace,Menlo,Consolas,monospace}"
        + ".chart{width:100%;height:260px;display:block}"
        + "line.grid{stroke:var(--line);stroke-width:1}"
        + ".axis{font-size:11px;fill:var(--muted)}"
        + ".line-equity{stroke:#2563eb;stroke-width:1.6;vector-effect:non-scaling-stroke}"
        + ".line-hold{stroke:#9aa3af;stroke-width:1.2;stroke-dasharray:4 3;vector-effect:non-scaling-stroke}"
        + ".area-drawdown{fill:var(--loss);fill-opacity:.25;stroke:var(--loss);stroke-width:1;"
        + "vector-effect:non-scaling-stroke}"
        + ".key{display:inline-block;width:14px;height:3px;vertical-align:middle;margin:0 4px 0 10px}"
        + ".key.equity{background:#2563eb}.key.hold{background:#9aa3af}"
        + "footer{margin-top:32px;font-size:12px}"
        + "@media print{@page{margin:14mm}main{max-width:none;padding:0}body{font-size:11px}"
        + "section{break-inside:auto}h2{break-after:avoid}tr,.chart,pre{break-inside:avoid}"
        + "thead{display:table-header-group}.wide{overflow:visible}"
        + "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";
  }
}
