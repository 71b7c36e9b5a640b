package com.tradingbacktest.engine.cli;

import com.tradingbacktest.engine.Backtest;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.Evaluation;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.ParamConstraint;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.metrics.BenchmarkStats;
import com.tradingbacktest.engine.robust.MonteCarloInput;
import com.tradingbacktest.engine.robust.MonteCarloResult;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.BacktestConfig;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.EndPrice;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.FillMode;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Liquidation;
import com.tradingbacktest.engine.sim.Margin;
import com.tradingbacktest.engine.sim.Signals;
import com.tradingbacktest.engine.sim.Trade;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scripts/backtest}: runs a built-in strategy over a CSV of bars and prints the metrics.
 *
 * <pre>
 * backtest --data FILE.csv --strategy NAME [--param name=value]... [--capital 10000]
 *          [--commission 0.002 | --costs krx|us|upbit|binance] [--fill next_open|close]
 *          [--allow-short] [--close-at-end [--close-at-end-price open|close]]
 *          [--leverage 1] [--maintenance-margin 0] [--borrow-rate 0] [--short-borrow-fee 0]
 *          [--funding-rate RATE[/8h]] [--pyramiding 1] [--quantity-step 1] [--calendar stock|crypto]
 *          [--interval 1d] [--zone UTC] [--json [--series]] [--series-csv FILE]
 *          [--benchmark FILE.csv] [--board kospi|kosdaq|konex|etf [--price-limits on|off]]
 *          [--actions FILE.csv] [--price-basis raw|split_adjusted]
 *          [--adjust split_adjusted|raw|total_return] [--dividends cash|none]
 *          [--monte-carlo METHOD:PATHS[:SEED] [--ruin-equity AMOUNT]]
 *          [--optimize name=from:to:step... [--objective NAME] [--require 'metric op value']...
 *           [--top 10] [--out-of-sample 0.3|DATE] [--cscv-partitions 16]
 *           [--walk-forward rolling:N|anchored:N [--train-test-ratio 3] [--gap 0]]]
 * </pre>
 *
 * Exit status: 0 on success, 2 for bad arguments or data, 1 for anything else.
 */
public final class BacktestCli {

  private BacktestCli() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("backtest: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    if (options.help) {
      out.println(Options.USAGE);
      return 0;
    }
    if (options.isPortfolio()) {
      try {
        return PortfolioCli.run(options, out);
      } catch (IllegalArgumentException | java.io.IOException e) {
        err.println("backtest: " + e.getMessage());
        return 2;
      }
    }
    options.prices.warnings = err;
    try {
      BarSeries bars =
          readSeries(
              options.data,
              options.dataSymbols.get(0) != null
                  ? options.dataSymbols.get(0)
                  : options.data.getFileName().toString(),
              options);
      CompiledStrategy compiled = compiledFile(options);
      if (options.optimize.active()) {
        if (compiled == null) {
          throw new IllegalArgumentException(
              "--optimize searches the params of a strategy in the language (a .strategy file); "
                  + options.strategy
                  + " is a built-in");
        }
        OptimizeCli.run(
            options.optimize,
            options.params,
            options.constraints,
            compiled,
            bars,
            config(options, compiled),
            options.monteCarlo,
            options.json,
            out);
        return 0;
      }
      Evaluation evaluation = evaluate(options, bars, compiled);
      Signals signals = evaluation.signals();
      BacktestConfig config = config(options, compiled);
      BacktestResult result = Backtest.run(bars, signals, config);
      MonteCarloResult monteCarlo =
          options.monteCarlo.requested()
              ? options.monteCarlo.run(
                  MonteCarloInput.of(
                      options.capital,
                      result.simulation().equity(),
                      bars.times(),
                      result.simulation().trades()),
                  options.capital)
              : null;
      BenchmarkStats benchmark =
          options.benchmark == null ? null : benchmark(options, bars, result, config);
      SeriesExport series =
          options.series || options.seriesCsv != null
              ? new SeriesExport(bars, signals, evaluation.plots())
              : null;
      if (options.seriesCsv != null) {
        series.writeCsv(options.seriesCsv);
      }
      if (options.json) {
        Map<String, Object> report = report(result);
        report.put("adjustment", options.prices.report());
        if (benchmark != null) {
          @SuppressWarnings("unchecked")
          Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
          metrics.putAll(benchmark.toMap());
          Map<String, Object> about = new LinkedHashMap<>();
          about.put("file", options.benchmark.getFileName().toString());
          about.put("returns", benchmark.returns());
          report.put("benchmark", about);
        }
        if (options.series) {
          report.put("series", series.toJson());
        }
        if (monteCarlo != null) {
          report.put("monte_carlo", MonteCarloOptions.toJson(monteCarlo));
        }
        out.println(Json.write(report));
      } else {
        printTable(out, bars, options, result, benchmark);
        if (monteCarlo != null) {
          MonteCarloOptions.printTable(out, monteCarlo);
        }
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("backtest: " + e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      err.println("backtest: " + e.getMessage());
      return 2;
    }
  }

  /** The run's account and execution from the options. */
  private static BacktestConfig config(Options options, CompiledStrategy compiled) {
    return BacktestConfig.builder()
        .initialCapital(options.capital)
        .costs(options.costs)
        .fillMode(options.fill)
        .allowShort(options.allowShort)
        .closeAtEnd(options.closeAtEnd)
        .pyramiding(options.pyramidingFor(compiled))
        .closeAtEndPrice(options.closeAtEndPrice)
        .margin(options.margin)
        .funding(options.funding)
        .quantityStep(options.quantityStep)
        .marketRules(options.marketRules)
        .build();
  }

  /** The run measured against the bars of {@code --benchmark}, read in the same zone. */
  private static BenchmarkStats benchmark(
      Options options, BarSeries bars, BacktestResult result, BacktestConfig config)
      throws java.io.IOException {
    BarCsvReader.Columns b = BarCsvReader.read(options.benchmark, options.zone);
    return BenchmarkStats.compute(
        bars.times(),
        result.simulation().equity(),
        b.times(),
        b.close(),
        config.initialCapital(),
        bars.calendar().barsPerYear(bars.interval()),
        config.riskFreeRate());
  }

  /**
   * The strategy file in the strategy language compiled, or null when {@code --strategy} names a
   * built-in.
   *
   * @throws IllegalArgumentException when the file does not compile, listing every error
   */
  static CompiledStrategy compiledFile(Options options) throws java.io.IOException {
    Path file = Path.of(options.strategy);
    if (!Files.isRegularFile(file)) {
      requireLanguageForConstraints(options);
      return null;
    }
    String source;
    try {
      source = Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(source);
    if (!compilation.ok()) {
      StringBuilder message = new StringBuilder(file + " does not compile:");
      compilation
          .errors()
          .forEach(e -> message.append("\n  ").append(file.getFileName()).append(':').append(e));
      throw new IllegalArgumentException(message.toString());
    }
    if (options.optimize.active()) {
      // A search skips the combinations that break a constraint instead of refusing the run.
      String unknown = compilation.strategy().unknownParamIn(options.constraints);
      if (unknown != null) {
        throw new IllegalArgumentException("--constraint: " + unknown);
      }
    } else {
      checkConstraints(compilation.strategy(), options);
    }
    return compilation.strategy();
  }

  /**
   * The compiled strategy file's signals, else a built-in strategy's (which plots nothing). The
   * plots are computed only when a series export asks for them.
   */
  private static Evaluation evaluate(Options options, BarSeries bars, CompiledStrategy compiled) {
    if (compiled == null) {
      return new Evaluation(
          BuiltInStrategy.byId(options.strategy).build(bars, options.params, options.allowShort),
          List.of());
    }
    if (options.series || options.seriesCsv != null) {
      return compiled.evaluate(bars, options.params, EvaluationLimits.defaults());
    }
    return new Evaluation(compiled.signals(bars, options.params), List.of());
  }

  /**
   * The run's parameters meet the strategy's {@code constraint}s and every {@code --constraint}
   * (which name only declared params): a run is one combination, and one that breaks a constraint
   * is refused as an optimisation would skip it.
   *
   * @throws IllegalArgumentException naming the unknown param or the broken constraint
   */
  static void checkConstraints(CompiledStrategy strategy, Options options) {
    String unknown = strategy.unknownParamIn(options.constraints);
    if (unknown != null) {
      throw new IllegalArgumentException("--constraint: " + unknown);
    }
    strategy
        .brokenConstraint(options.params, options.constraints)
        .ifPresent(
            broken -> {
              Map<String, Double> values = new LinkedHashMap<>();
              strategy.params().forEach(p -> values.put(p.name(), p.defaultValue()));
              values.putAll(options.params);
              throw new IllegalArgumentException(
                  broken.brokenBy(values)
                      + (broken.line() > 0
                          ? " (line " + broken.line() + " of the strategy)"
                          : " (--constraint)"));
            });
  }

  /** Built-in strategies declare no params in the language, so constraints cannot name them. */
  static void requireLanguageForConstraints(Options options) {
    if (!options.constraints.isEmpty()) {
      throw new IllegalArgumentException(
          "--constraint applies to strategies in the language (a .strategy file); "
              + options.strategy
              + " is a built-in");
    }
  }

  /**
   * A CSV turned into a validated series named {@code symbol}, in the prices {@code --adjust} asks
   * for ({@link PriceOptions}).
   */
  static BarSeries readSeries(Path file, String symbol, Options options)
      throws java.io.IOException {
    BarCsvReader.Columns c = readColumns(file, options);
    Interval interval = options.interval != null ? options.interval : detectInterval(c.times());
    MarketCalendar calendar =
        options.calendar != null ? options.calendar : detectCalendar(c.times(), options.zone);
    BarSeries stored =
        BarSeries.of(
            symbol,
            interval,
            calendar,
            options.zone,
            c.times(),
            c.open(),
            c.high(),
            c.low(),
            c.close(),
            c.volume());
    return options.prices.apply(stored, c, file);
  }

  static Map<String, Object> report(BacktestResult result) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("metrics", metrics(result.metrics()));
    List<Map<String, Object>> trades = new ArrayList<>();
    for (Trade t : result.simulation().trades()) {
      trades.add(trade(new LinkedHashMap<>(), t));
    }
    report.put("trades", trades);
    List<Map<String, Object>> fills = new ArrayList<>();
    for (Fill f : result.simulation().fills()) {
      fills.add(fill(new LinkedHashMap<>(), f));
    }
    report.put("fills", fills);
    report.put("liquidations", liquidations(result.simulation().liquidations()));
    return report;
  }

  /** The liquidations for the report (docs/ENGINE.md, "Margin, borrowing and funding"). */
  static List<Map<String, Object>> liquidations(List<Liquidation> liquidations) {
    List<Map<String, Object>> out = new ArrayList<>(liquidations.size());
    for (Liquidation l : liquidations) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("time", Instant.ofEpochMilli(l.time()));
      m.put("margin_call", l.marginCall());
      m.put("gap", l.gap());
      m.put("equity_after", l.equityAfter());
      m.put("stopped", l.stopped());
      m.put("message", l.message());
      out.add(m);
    }
    return out;
  }

  /** The metrics for the report: every scalar, start and end as instants. */
  static Map<String, Object> metrics(com.tradingbacktest.engine.metrics.PerformanceMetrics m) {
    Map<String, Object> metrics = new LinkedHashMap<>(m.toMap());
    metrics.computeIfPresent("start", (k, v) -> Instant.ofEpochMilli((Long) v));
    metrics.computeIfPresent("end", (k, v) -> Instant.ofEpochMilli((Long) v));
    return metrics;
  }

  /** A round trip's report fields, added to {@code m}. */
  static Map<String, Object> trade(Map<String, Object> m, Trade t) {
    m.put("side", t.side().name().toLowerCase(Locale.ROOT));
    m.put("quantity", t.quantity());
    m.put("entry_time", Instant.ofEpochMilli(t.entryTime()));
    m.put("entry_price", t.entryPrice());
    m.put("exit_time", Instant.ofEpochMilli(t.exitTime()));
    m.put("exit_price", t.exitPrice());
    m.put("pnl", t.pnl());
    m.put("return", t.returnPct());
    m.put("bars_held", t.barsHeld());
    m.put("mae", t.mae());
    m.put("mfe", t.mfe());
    m.put("costs", t.costs());
    m.put("funding", t.funding());
    m.put("borrow_cost", t.borrowCost());
    m.put("dividends", t.dividends());
    m.put("exit_reason", t.exitReason().name().toLowerCase(Locale.ROOT));
    return m;
  }

  /** A fill's report fields, added to {@code m}. */
  static Map<String, Object> fill(Map<String, Object> m, Fill f) {
    m.put("time", Instant.ofEpochMilli(f.time()));
    m.put("type", f.buy() ? "buy" : "sell");
    m.put("price", f.price());
    m.put("quantity", f.quantity());
    m.put("commission", f.commission());
    m.put("tax", f.tax());
    if (f.note() != null) {
      m.put("note", f.note().code());
    }
    return m;
  }

  private static void printTable(
      PrintStream out,
      BarSeries bars,
      Options options,
      BacktestResult result,
      BenchmarkStats benchmark) {
    out.printf(
        "%s on %s: %d bars of %s, %s calendar, %s%n",
        options.strategy,
        bars.symbol(),
        bars.size(),
        bars.interval(),
        bars.calendar().name().toLowerCase(Locale.ROOT),
        bars.zone());
    Map<String, Number> metrics = result.metrics().toMap();
    if (benchmark != null) {
      out.printf("against %s: %d returns%n", options.benchmark.getFileName(), benchmark.returns());
      metrics.putAll(benchmark.toMap());
    }
    printMetrics(out, metrics);
    for (Liquidation l : result.simulation().liquidations()) {
      out.println(l.message());
    }
  }

  static void printMetrics(PrintStream out, Map<String, Number> metrics) {
    int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(10);
    metrics.forEach(
        (name, value) -> {
          String text;
          if ((name.equals("start") || name.equals("end")) && value instanceof Long ms) {
            text = Instant.ofEpochMilli(ms).toString();
          } else if (value instanceof Double d) {
            text = String.format("%.6g", d);
          } else {
            text = String.valueOf(value);
          }
          out.printf("%-" + width + "s  %s%n", name, text);
        });
  }

  /**
   * A CSV's columns; monthly bars (given with {@code --interval 1M} or detected) are relabelled at
   * their month's open, so a file labelled by the last trading day of each month reads the same as
   * one labelled by the 1st.
   */
  static BarCsvReader.Columns readColumns(Path file, Options options) throws java.io.IOException {
    if (options.interval == Interval.MN1) {
      return BarCsvReader.read(file, options.zone, true);
    }
    BarCsvReader.Columns c = BarCsvReader.read(file, options.zone);
    if (options.interval == null && detectInterval(c.times()) == Interval.MN1) {
      return BarCsvReader.read(file, options.zone, true);
    }
    return c;
  }

  /**
   * The most common gap between bars, rounded to the nearest supported interval; 28 to 31 days is a
   * month.
   */
  static Interval detectInterval(long[] times) {
    if (times.length < 2) {
      return Interval.D1;
    }
    long[] gaps = new long[times.length - 1];
    for (int i = 1; i < times.length; i++) {
      gaps[i - 1] = times[i] - times[i - 1];
    }
    Arrays.sort(gaps);
    long median = gaps[gaps.length / 2];
    long day = Duration.ofDays(1).toMillis();
    // Months labelled by their last trading day are 27 to 33 days apart.
    if (median >= 27 * day && median <= 33 * day) {
      return Interval.MN1;
    }
    if (median > Interval.W1.duration().toMillis() * 2) {
      throw new IllegalArgumentException(
          "the bars are about "
              + median / day
              + " days apart; supported intervals are 1m to 1w and 1M (a month)");
    }
    Interval best = Interval.M1;
    for (Interval candidate : Interval.values()) {
      if (candidate == Interval.MN1) {
        continue;
      }
      if (Math.abs(candidate.duration().toMillis() - median)
          < Math.abs(best.duration().toMillis() - median)) {
        best = candidate;
      }
    }
    return best;
  }

  /** Crypto when more than 1% of the bars fall on a weekend, else stocks. */
  static MarketCalendar detectCalendar(long[] times, ZoneId zone) {
    long weekend =
        Arrays.stream(times)
            .mapToObj(t -> Instant.ofEpochMilli(t).atZone(zone).getDayOfWeek())
            .filter(d -> d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY)
            .count();
    return weekend > times.length / 100 ? MarketCalendar.CRYPTO : MarketCalendar.STOCK;
  }

  /** The parsed command line. */
  static final class Options {
    static final String USAGE =
        """
        usage: backtest --data [SYMBOL=]FILE.csv... --strategy NAME [--param name=value]...
                        [--constraint 'fast < slow']... [--capital 10000]
                        [--commission 0.002 | --costs [SYMBOL=]none|krx|us|upbit|binance]...
                        [--per-share-fee 0.005 [--per-share-fee-cap 1] [--per-share-fee-buys]] [--fill next_open|close]
                        [--allow-short] [--close-at-end [--close-at-end-price open|close]]
                        [--leverage 1] [--maintenance-margin 0] [--borrow-rate 0] [--short-borrow-fee 0]
                        [--funding-rate RATE[/8h]] [--pyramiding 1] [--quantity-step 1] [--calendar stock|crypto]
                        [--interval 1m|5m|15m|1h|4h|1d|1w|1M] [--zone UTC] [--json [--series]]
                        [--series-csv FILE] [--benchmark FILE.csv] [--rebalance monthly]
                        [--base-currency KRW] [--currency SYMBOL=USD]... [--fx USD=FILE.csv]...
                        [--board kospi|kosdaq|konex|etf [--price-limits on|off]]
                        [--actions FILE.csv] [--price-basis raw|split_adjusted]
                        [--adjust split_adjusted|raw|total_return] [--dividends cash|none]
                        [--optimize name=from:to:step... [--objective sharpe_ratio] [--require 'trade_count >= 5']...
                         [--top 10] [--out-of-sample 0.3|DATE] [--cscv-partitions 16]
                         [--walk-forward rolling:N|anchored:N [--train-test-ratio 3] [--gap 0]]]
        NAME is a strategy file in the strategy language (docs/STRATEGY_LANGUAGE.md) or a built-in:
                    sma_cross (fast, slow), ema_cross (fast, slow), rsi_reversion (length, lower, upper),
                    volatility_breakout (k), buy_and_hold;
                    portfolio built-ins: equal_weight, momentum_rotation (top, lookback, skip)
        several --data run one account over every symbol (the symbol is the file's base name, or
                    SYMBOL=FILE): a signal strategy trades each symbol on its own signals, a portfolio
                    built-in rebalances to its weights on the --rebalance schedule (every_bar, weekly,
                    monthly, quarterly, drift:0.05); --currency names a symbol's currency when it is
                    not the --base-currency, and --fx a series quoting one unit of it in the base
        --pyramiding  the most entries a position holds in one direction, 1 to 100: an entry signal in
                      the direction of the open position adds a lot until that many are open (it
                      overrides the strategy file's pyramiding setting; default that, else 1)
        --close-at-end-price  open closes what is open at the last bar's open (backtesting.py's
                      finalize_trades), close (the default) at its close
        --leverage    the gross value of the positions may reach this multiple of the equity (1 to
                      125; 1 = a cash account); a long beyond the cash borrows it
        --maintenance-margin  a fraction of the positions' value: when the equity falls to it,
                      everything is liquidated (0 = only when the equity reaches zero)
        --borrow-rate annual interest on borrowed cash (0.08 = 8%), per calendar day
        --short-borrow-fee  annual fee on the value of short positions, per calendar day held
        --funding-rate  perpetual funding, RATE every INTERVAL (0.0001/8h; the interval defaults to
                      8h, at 00:00, 08:00 and 16:00 UTC): a long pays a positive rate, a short
                      receives it; with several --data it applies to every symbol
        --constraint  a condition the parameters must meet (a param or number, < <= > >= == or !=, a
                      param or number); with the strategy's own constraints, a run whose parameters
                      break one is refused
        --series      adds "series" to the --json report: "time" (the bars' ISO times), then every
                      output the strategy sets (long_entry, ...; bools true/false) and every plot(...)
                      under its title, each an array aligned to the bars, null where na (warm-up)
        --series-csv  writes the same series to FILE as CSV: time, then one column per series
                      (bools 1/0, na empty)
        --benchmark   measures the run against the closes of another CSV (alpha, beta, correlation,
                      tracking_error, information_ratio, up_capture, down_capture, benchmark_return
                      in the metrics; docs/METRICS.md)
        """
            + KrxOptions.USAGE
            + "\n"
            + PriceOptions.USAGE
            + "\n"
            + MonteCarloOptions.USAGE
            + "\n"
            + OptimizeOptions.USAGE;

    Path data;

    /** Every --data file, and its symbol when given as SYMBOL=FILE (else null). */
    final java.util.List<Path> dataFiles = new ArrayList<>();

    final java.util.List<String> dataSymbols = new ArrayList<>();

    /** --actions, --price-basis, --adjust, --dividends. */
    final PriceOptions prices = new PriceOptions();

    String strategy;
    com.tradingbacktest.engine.portfolio.Rebalance rebalance =
        com.tradingbacktest.engine.portfolio.Rebalance.MONTHLY;
    String baseCurrency = "KRW";
    final Map<String, String> currencies = new LinkedHashMap<>();
    final Map<String, Path> fx = new LinkedHashMap<>();
    final Map<String, CostModel> symbolCosts = new LinkedHashMap<>();
    boolean portfolioOptions;
    final Map<String, Double> params = new LinkedHashMap<>();

    /** Every --constraint: conditions the run's parameters must meet, as in an optimisation. */
    final List<ParamConstraint> constraints = new ArrayList<>();

    double capital = 10_000;
    CostModel costs = CostModel.none();

    /** --per-share-fee, --per-share-fee-cap, --per-share-fee-buys: added to every cost model. */
    double perShareFee;

    double perShareFeeCap = Double.POSITIVE_INFINITY;
    boolean perShareFeeOnBuys;
    FillMode fill = FillMode.NEXT_OPEN;
    boolean allowShort;
    boolean closeAtEnd;

    /** --pyramiding; null when not given (the strategy's setting, else 1). */
    Integer pyramiding;

    EndPrice closeAtEndPrice = EndPrice.CLOSE;
    double leverage = 1;
    double maintenanceMargin;
    double borrowRate;
    double shortBorrowFee;
    Margin margin = Margin.none();
    Funding funding = Funding.none();
    boolean json;
    boolean series;
    Path seriesCsv;
    Path benchmark;
    boolean help;
    double quantityStep = 1;
    MarketCalendar calendar;
    Interval interval;
    ZoneId zone = ZoneId.of("UTC");
    final KrxOptions krx = new KrxOptions();

    /** --monte-carlo and --ruin-equity. */
    final MonteCarloOptions monteCarlo = new MonteCarloOptions();

    /** --optimize and the options that refine it. */
    final OptimizeOptions optimize = new OptimizeOptions();

    /** --board and --price-limits as rules (checked once all options are read). */
    MarketRules marketRules = MarketRules.none();

    /** Adds the per-share fee options to the run's costs and every symbol's. */
    private void applyPerShareFee() {
      if (perShareFee == 0 && perShareFeeCap == Double.POSITIVE_INFINITY && !perShareFeeOnBuys) {
        return;
      }
      try {
        costs = costs.withPerShareFee(perShareFee, perShareFeeCap, perShareFeeOnBuys);
        symbolCosts.replaceAll(
            (symbol, c) -> c.withPerShareFee(perShareFee, perShareFeeCap, perShareFeeOnBuys));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--per-share-fee, --per-share-fee-cap: " + e.getMessage(), e);
      }
    }

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--data" -> {
            String text = value(args, ++i, arg);
            int eq = text.indexOf('=');
            boolean named = eq > 0 && !Files.isRegularFile(Path.of(text));
            o.dataSymbols.add(named ? text.substring(0, eq).trim() : null);
            o.dataFiles.add(Path.of(named ? text.substring(eq + 1) : text));
          }
          case "--rebalance" -> {
            o.rebalance =
                com.tradingbacktest.engine.portfolio.Rebalance.parse(value(args, ++i, arg));
            o.portfolioOptions = true;
          }
          case "--base-currency" -> {
            o.baseCurrency = currency(value(args, ++i, arg), arg);
            o.portfolioOptions = true;
          }
          case "--currency" -> {
            String[] kv = pair(value(args, ++i, arg), arg, "SYMBOL=CURRENCY");
            o.currencies.put(kv[0], currency(kv[1], arg));
            o.portfolioOptions = true;
          }
          case "--fx" -> {
            String[] kv = pair(value(args, ++i, arg), arg, "CURRENCY=FILE");
            o.fx.put(currency(kv[0], arg), Path.of(kv[1]));
            o.portfolioOptions = true;
          }
          case "--strategy" -> o.strategy = value(args, ++i, arg);
          case "--constraint" -> {
            try {
              o.constraints.add(ParamConstraint.parse(value(args, ++i, arg)));
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("--constraint: " + e.getMessage(), e);
            }
          }
          case "--param" -> {
            String kv = value(args, ++i, arg);
            int eq = kv.indexOf('=');
            if (eq <= 0) {
              throw new IllegalArgumentException("--param takes name=value, got '" + kv + "'");
            }
            o.params.put(
                kv.substring(0, eq).trim(),
                number(kv.substring(eq + 1), "--param " + kv.substring(0, eq)));
          }
          case "--capital" -> o.capital = number(value(args, ++i, arg), arg);
          case "--commission" ->
              o.costs = CostModel.ofCommissionRate(number(value(args, ++i, arg), arg));
          case "--costs" -> {
            String text = value(args, ++i, arg);
            int eq = text.indexOf('=');
            if (eq > 0) {
              o.symbolCosts.put(
                  text.substring(0, eq).trim(), CostModel.preset(text.substring(eq + 1)));
            } else {
              o.costs = CostModel.preset(text);
            }
          }
          case "--per-share-fee" -> o.perShareFee = number(value(args, ++i, arg), arg);
          case "--per-share-fee-cap" -> o.perShareFeeCap = number(value(args, ++i, arg), arg);
          case "--per-share-fee-buys" -> o.perShareFeeOnBuys = true;
          case "--fill" ->
              o.fill =
                  switch (value(args, ++i, arg)) {
                    case "next_open" -> FillMode.NEXT_OPEN;
                    case "close" -> FillMode.CLOSE;
                    default -> throw new IllegalArgumentException("--fill is next_open or close");
                  };
          case "--allow-short" -> o.allowShort = true;
          case "--close-at-end" -> o.closeAtEnd = true;
          case "--pyramiding" -> o.pyramiding = pyramiding(value(args, ++i, arg));
          case "--close-at-end-price" ->
              o.closeAtEndPrice =
                  switch (value(args, ++i, arg)) {
                    case "open" -> EndPrice.OPEN;
                    case "close" -> EndPrice.CLOSE;
                    default ->
                        throw new IllegalArgumentException("--close-at-end-price is open or close");
                  };
          case "--leverage" -> o.leverage = number(value(args, ++i, arg), arg);
          case "--maintenance-margin" -> o.maintenanceMargin = number(value(args, ++i, arg), arg);
          case "--borrow-rate" -> o.borrowRate = number(value(args, ++i, arg), arg);
          case "--short-borrow-fee" -> o.shortBorrowFee = number(value(args, ++i, arg), arg);
          case "--funding-rate" -> o.funding = fundingRate(value(args, ++i, arg));
          case "--json" -> o.json = true;
          case "--series" -> o.series = true;
          case "--series-csv" -> o.seriesCsv = Path.of(value(args, ++i, arg));
          case "--benchmark" -> o.benchmark = Path.of(value(args, ++i, arg));
          case "--quantity-step" -> o.quantityStep = number(value(args, ++i, arg), arg);
          case "--calendar" ->
              o.calendar = MarketCalendar.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT));
          case "--interval" -> o.interval = Interval.fromCode(value(args, ++i, arg));
          case "--zone" -> o.zone = ZoneId.of(value(args, ++i, arg));
          case "--actions", "--price-basis", "--adjust", "--dividends" ->
              o.prices.set(arg, value(args, ++i, arg));
          case "-h", "--help" -> o.help = true;
          default -> {
            if (KrxOptions.handles(arg)) {
              o.krx.set(arg, value(args, ++i, arg));
            } else if (MonteCarloOptions.handles(arg)) {
              o.monteCarlo.set(arg, value(args, ++i, arg));
            } else if (OptimizeOptions.handles(arg)) {
              o.optimize.set(arg, value(args, ++i, arg));
            } else {
              throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
          }
        }
      }
      try {
        o.margin = new Margin(o.leverage, o.maintenanceMargin, o.borrowRate, o.shortBorrowFee);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--leverage, --maintenance-margin, --borrow-rate, --short-borrow-fee: "
                + e.getMessage(),
            e);
      }
      o.applyPerShareFee();
      o.marketRules = o.krx.rules();
      o.monteCarlo.check();
      if (o.closeAtEndPrice == EndPrice.OPEN && !o.closeAtEnd) {
        throw new IllegalArgumentException(
            "--close-at-end-price says where --close-at-end closes: add --close-at-end");
      }
      if (!o.help) {
        if (o.dataFiles.isEmpty()) {
          throw new IllegalArgumentException("--data is required");
        }
        for (Path file : o.dataFiles) {
          if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
          }
        }
        for (Path file : o.fx.values()) {
          if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
          }
        }
        o.data = o.dataFiles.get(0);
        o.prices.check(o.dataFiles.size());
        if (o.strategy == null) {
          throw new IllegalArgumentException("--strategy is required");
        }
        if (o.isPortfolio() && (o.series || o.seriesCsv != null)) {
          throw new IllegalArgumentException(
              "--series and --series-csv export one symbol's series: use them with one --data");
        }
        if (o.benchmark != null && !Files.isRegularFile(o.benchmark)) {
          throw new IllegalArgumentException("no such file: " + o.benchmark);
        }
        o.optimize.check();
        if (o.optimize.active()
            && (o.isPortfolio() || o.series || o.seriesCsv != null || o.benchmark != null)) {
          throw new IllegalArgumentException(
              "--optimize searches one --data file's single run: leave out the portfolio options,"
                  + " --series, --series-csv and --benchmark");
        }
        if (o.series && !o.json) {
          throw new IllegalArgumentException(
              "--series adds the series to the --json report: add --json, or use --series-csv FILE");
        }
      }
      return o;
    }

    /**
     * A portfolio run: several --data, a portfolio built-in, or a portfolio option (currencies, FX,
     * rebalance schedule).
     */
    boolean isPortfolio() {
      return dataFiles.size() > 1
          || PortfolioStrategy.find(strategy) != null
          || portfolioOptions
          || !symbolCosts.isEmpty();
    }

    /** The run's pyramiding: --pyramiding, else the strategy file's setting, else 1. */
    int pyramidingFor(CompiledStrategy compiled) {
      if (pyramiding != null) {
        return pyramiding;
      }
      return compiled != null ? compiled.pyramiding().orElse(1) : 1;
    }

    private static int pyramiding(String text) {
      String accepted =
          "--pyramiding is a whole number of entries from 1 to "
              + BacktestConfig.MAX_PYRAMIDING
              + ", got '"
              + text
              + "'";
      int n;
      try {
        n = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(accepted, e);
      }
      if (n < 1 || n > BacktestConfig.MAX_PYRAMIDING) {
        throw new IllegalArgumentException(accepted);
      }
      return n;
    }

    /** {@code RATE} or {@code RATE/INTERVAL} (INTERVAL a number and m, h or d; 8h by default). */
    static Funding fundingRate(String text) {
      int slash = text.indexOf('/');
      double rate = number(slash < 0 ? text : text.substring(0, slash), "--funding-rate");
      java.time.Duration interval = java.time.Duration.ofHours(8);
      if (slash >= 0) {
        String every = text.substring(slash + 1).trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("(\\d{1,4})([mhd])").matcher(every);
        if (!m.matches()) {
          throw new IllegalArgumentException(
              "--funding-rate takes RATE or RATE/INTERVAL such as 0.0001/8h, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        interval =
            switch (m.group(2)) {
              case "m" -> java.time.Duration.ofMinutes(amount);
              case "h" -> java.time.Duration.ofHours(amount);
              default -> java.time.Duration.ofDays(amount);
            };
      }
      try {
        return Funding.fixed(rate, interval);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--funding-rate: " + e.getMessage(), e);
      }
    }

    private static String[] pair(String text, String option, String form) {
      int eq = text.indexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw new IllegalArgumentException(option + " takes " + form + ", got '" + text + "'");
      }
      return new String[] {text.substring(0, eq).trim(), text.substring(eq + 1).trim()};
    }

    private static String currency(String text, String option) {
      String code = text.trim().toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z0-9]{2,10}")) {
        throw new IllegalArgumentException(
            option + ": a currency is a code such as KRW or USD, got '" + text + "'");
      }
      return code;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static double number(String text, String option) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a number, got '" + text + "'");
      }
    }
  }
}
