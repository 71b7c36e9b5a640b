package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.metrics.BenchmarkStats;
import com.tradingbacktest.engine.portfolio.PortfolioBacktest;
import com.tradingbacktest.engine.portfolio.PortfolioConfig;
import com.tradingbacktest.engine.portfolio.PortfolioFill;
import com.tradingbacktest.engine.portfolio.PortfolioLeg;
import com.tradingbacktest.engine.portfolio.PortfolioNote;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.robust.MonteCarloInput;
import com.tradingbacktest.engine.robust.MonteCarloResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.Signals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The portfolio side of {@code scripts/backtest}: several {@code --data} files (or a portfolio
 * built-in) run as one account, reported as the single-symbol report plus per-symbol parts.
 */
final class PortfolioCli {

  private PortfolioCli() {}

  static int run(BacktestCli.Options options, PrintStream out) throws IOException {
    List<BarSeries> universe = new ArrayList<>();
    Set<String> symbols = new HashSet<>();
    for (int i = 0; i < options.dataFiles.size(); i++) {
      Path file = options.dataFiles.get(i);
      String symbol =
          options.dataSymbols.get(i) != null ? options.dataSymbols.get(i) : baseName(file);
      if (!symbols.add(symbol)) {
        throw new IllegalArgumentException(
            "two --data files are both " + symbol + ": name them with --data SYMBOL=FILE");
      }
      universe.add(BacktestCli.readSeries(file, symbol, options));
    }
    for (String named : options.currencies.keySet()) {
      requireSymbol(symbols, named, "--currency");
    }
    for (String named : options.symbolCosts.keySet()) {
      requireSymbol(symbols, named, "--costs");
    }
    Map<String, BarSeries> fx = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : options.fx.entrySet()) {
      fx.put(
          e.getKey(),
          BacktestCli.readSeries(e.getValue(), e.getKey() + options.baseCurrency, options));
    }

    CompiledStrategy compiled =
        PortfolioStrategy.find(options.strategy) == null ? BacktestCli.compiledFile(options) : null;
    List<PortfolioLeg> legs = legs(options, universe, compiled);
    PortfolioConfig config =
        PortfolioConfig.builder()
            .initialCapital(options.capital)
            .baseCurrency(options.baseCurrency)
            .fx(fx)
            .rebalance(options.rebalance)
            .zone(options.zone)
            .fillMode(options.fill)
            .allowShort(options.allowShort)
            .closeAtEnd(options.closeAtEnd)
            .pyramiding(options.pyramidingFor(compiled))
            .closeAtEndPrice(options.closeAtEndPrice)
            .margin(options.margin)
            .build();
    PortfolioResult result = PortfolioBacktest.run(legs, config);
    MonteCarloResult monteCarlo =
        options.monteCarlo.requested()
            ? options.monteCarlo.run(
                MonteCarloInput.ofPortfolio(
                    options.capital, result.equity(), result.times(), result.trades()),
                options.capital)
            : null;
    BenchmarkStats benchmark =
        options.benchmark == null ? null : benchmark(options, universe, result, config);
    if (options.json) {
      Map<String, Object> report = report(result, legs, config);
      if (benchmark != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        metrics.putAll(benchmark.toMap());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("file", options.benchmark.getFileName().toString());
        about.put("returns", benchmark.returns());
        report.put("benchmark", about);
      }
      if (monteCarlo != null) {
        report.put("monte_carlo", MonteCarloOptions.toJson(monteCarlo));
      }
      out.println(Json.write(report));
    } else {
      printTable(out, options, result, legs, config, benchmark);
      if (monteCarlo != null) {
        MonteCarloOptions.printTable(out, monteCarlo);
      }
    }
    return 0;
  }

  /**
   * The portfolio's equity measured against the closes of {@code --benchmark}, read in the same
   * zone; a year has the bars of the union's calendar (24/7 when any symbol trades around the
   * clock), as the portfolio's own metrics count it.
   */
  private static BenchmarkStats benchmark(
      BacktestCli.Options options,
      List<BarSeries> universe,
      PortfolioResult result,
      PortfolioConfig config)
      throws IOException {
    BarCsvReader.Columns b = BarCsvReader.read(options.benchmark, options.zone);
    MarketCalendar calendar =
        universe.stream().anyMatch(s -> s.calendar() == MarketCalendar.CRYPTO)
            ? MarketCalendar.CRYPTO
            : MarketCalendar.STOCK;
    return BenchmarkStats.compute(
        result.times(),
        result.equity(),
        b.times(),
        b.close(),
        config.initialCapital(),
        calendar.barsPerYear(universe.get(0).interval()),
        config.riskFreeRate());
  }

  /**
   * Each symbol's leg: the portfolio built-in's weights, or its own signals (of the {@code
   * compiled} strategy file, else of the built-in).
   */
  private static List<PortfolioLeg> legs(
      BacktestCli.Options options, List<BarSeries> universe, CompiledStrategy compiled) {
    PortfolioStrategy portfolio = PortfolioStrategy.find(options.strategy);
    double[][] weights = portfolio != null ? portfolio.build(universe, options.params) : null;
    List<PortfolioLeg> legs = new ArrayList<>();
    for (int s = 0; s < universe.size(); s++) {
      BarSeries bars = universe.get(s);
      String currency = options.currencies.getOrDefault(bars.symbol(), options.baseCurrency);
      CostModel costs = options.symbolCosts.getOrDefault(bars.symbol(), options.costs);
      Signals signals = null;
      if (weights == null) {
        signals =
            compiled != null
                ? compiled.signals(bars, options.params)
                : BuiltInStrategy.byId(options.strategy)
                    .build(bars, options.params, options.allowShort);
      }
      legs.add(
          new PortfolioLeg(
              bars.symbol(),
              bars,
              currency,
              costs,
              options.quantityStep,
              signals,
              weights == null ? null : weights[s],
              options.funding,
              options.marketRules));
    }
    return legs;
  }

  static Map<String, Object> report(
      PortfolioResult result, List<PortfolioLeg> legs, PortfolioConfig config) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("metrics", BacktestCli.metrics(result.metrics()));
    List<Map<String, Object>> trades = new ArrayList<>();
    for (PortfolioTrade t : result.trades()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("symbol", t.symbol());
      BacktestCli.trade(m, t.trade());
      m.put("pnl_base", t.pnlInBase());
      trades.add(m);
    }
    report.put("trades", trades);
    List<Map<String, Object>> fills = new ArrayList<>();
    for (PortfolioFill f : result.fills()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("symbol", f.symbol());
      BacktestCli.fill(m, f.fill());
      m.put("fx_rate", f.fxRate());
      fills.add(m);
    }
    report.put("fills", fills);
    report.put("base_currency", config.baseCurrency());
    report.put("rebalance", config.rebalance().toString());
    report.put("turnover", result.turnover());
    report.put("annual_turnover", result.annualTurnover());
    report.put("traded_value", result.tradedValue());
    report.put("symbols", holdings(result, legs));
    List<Map<String, Object>> notes = new ArrayList<>();
    for (PortfolioNote n : result.notes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("time", Instant.ofEpochMilli(n.time()));
      m.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
      m.put("message", n.message());
      notes.add(m);
    }
    report.put("notes", notes);
    report.put("notes_omitted", result.notesOmitted());
    report.put("liquidations", BacktestCli.liquidations(result.liquidations()));
    return report;
  }

  /** Per symbol: its currency, contribution, trade count and final holding. */
  private static List<Map<String, Object>> holdings(
      PortfolioResult result, List<PortfolioLeg> legs) {
    int last = result.times().length - 1;
    double equity = result.finalEquity();
    int[] tradeCount = new int[legs.size()];
    for (PortfolioTrade t : result.trades()) {
      tradeCount[t.leg()]++;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int l = 0; l < legs.size(); l++) {
      PortfolioLeg leg = legs.get(l);
      double quantity = result.quantity()[l][last];
      double price = leg.bars().close()[leg.bars().size() - 1];
      double value = result.finalValue()[l];
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("symbol", leg.symbol());
      m.put("currency", leg.currency());
      m.put("contribution", result.contribution()[l]);
      m.put("trades", tradeCount[l]);
      m.put("final_quantity", quantity);
      m.put("final_price", price);
      m.put("final_value", value);
      m.put("final_weight", value / equity);
      rows.add(m);
    }
    return rows;
  }

  private static void printTable(
      PrintStream out,
      BacktestCli.Options options,
      PortfolioResult result,
      List<PortfolioLeg> legs,
      PortfolioConfig config,
      BenchmarkStats benchmark) {
    out.printf(
        "%s on %d symbols (%s): %d bar times, rebalance %s, base currency %s%n",
        options.strategy,
        legs.size(),
        String.join(", ", result.symbols()),
        result.times().length,
        config.rebalance(),
        config.baseCurrency());
    Map<String, Number> metrics = result.metrics().toMap();
    if (benchmark != null) {
      out.printf("against %s: %d returns%n", options.benchmark.getFileName(), benchmark.returns());
      metrics.putAll(benchmark.toMap());
    }
    BacktestCli.printMetrics(out, metrics);
    out.printf(
        "%-16s  %.6g (%.6g a year)%n", "turnover", result.turnover(), result.annualTurnover());
    out.printf(
        "%n%-12s %-8s %16s %8s %16s %12s%n",
        "symbol", "currency", "contribution", "trades", "final_quantity", "final_weight");
    for (Map<String, Object> row : holdings(result, legs)) {
      out.printf(
          "%-12s %-8s %16.2f %8d %16.6g %12.4f%n",
          row.get("symbol"),
          row.get("currency"),
          (Double) row.get("contribution"),
          (Integer) row.get("trades"),
          (Double) row.get("final_quantity"),
          (Double) row.get("final_weight"));
    }
    for (PortfolioNote note : result.notes()) {
      out.println("note: " + note.message());
    }
    if (result.notesOmitted() > 0) {
      out.println("note: " + result.notesOmitted() + " more notes omitted");
    }
  }

  private static void requireSymbol(Set<String> symbols, String named, String option) {
    if (!symbols.contains(named)) {
      throw new IllegalArgumentException(
          option + " names " + named + ", which is not one of the --data symbols " + symbols);
    }
  }

  /** The file name without its extension: {@code data/005930.csv} is {@code 005930}. */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
