package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.marketdata.DataRange;
import com.tradingbacktest.app.marketdata.Dataset;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import com.tradingbacktest.app.strategy.StrategyLookup;
import com.tradingbacktest.app.strategy.StrategySource;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.ParamSpec;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.CostModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a run request against the strategy, the symbol and the stored data, and resolves every
 * default. All problems are collected and reported together (one 422 listing each field), so a form
 * can show them at once; only code that no longer compiles is reported on its own, as {@code
 * invalid-strategy}.
 */
@Component
public class RunSettingsResolver {

  static final BigDecimal MAX_CAPITAL = new BigDecimal("1e15");

  /** The table keeps 8 decimals: less than a cent of anything is a typing error, not a capital. */
  static final BigDecimal MIN_CAPITAL = new BigDecimal("0.01");

  /**
   * The days a run may span: far wider than any market's history, and well inside what PostgreSQL's
   * dates and the engine's epoch milliseconds hold.
   */
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

  static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

  /** The largest cash amount a cost or a sizing may name: the largest capital. */
  static final double MAX_CASH = 1e15;

  /** The name a strategy given as source with the request goes by. */
  static final String UNSAVED_NAME = "Unsaved strategy";

  /** The most ticks of slippage per fill. */
  static final double MAX_SLIPPAGE_TICKS = 10_000;

  private final StrategyLookup strategies;
  private final MarketDataService marketData;
  private final JsonMapper json;

  RunSettingsResolver(StrategyLookup strategies, MarketDataService marketData, JsonMapper json) {
    this.json = json;
    this.strategies = strategies;
    this.marketData = marketData;
  }

  public ResolvedRun resolve(UUID userId, BacktestRequest request) {
    return resolve(userId, request, strategies.findReadable(userId, request.strategyId()));
  }

  /**
   * Resolves a request that brings its strategy's source instead of naming a saved strategy (a
   * preview of code being edited): the same checks, with {@code code} compiled in place of the
   * saved strategy's; the request's {@code strategy_id} is not read.
   */
  ResolvedRun resolve(UUID userId, BacktestRequest request, String code) {
    return resolve(
        userId, request, Optional.of(new StrategySource(null, userId, UNSAVED_NAME, code)));
  }

  private ResolvedRun resolve(
      UUID userId, BacktestRequest request, Optional<StrategySource> strategy) {
    Map<String, String> errors = new LinkedHashMap<>();

    if (strategy.isEmpty()) {
      errors.put("strategy_id", "no strategy with this id that you can read");
    }
    Dataset dataset = Dataset.parse("dataset", request.dataset());
    Optional<SymbolInfo> symbol = marketData.symbol(userId, request.symbol(), dataset);
    if (symbol.isEmpty()) {
      errors.put(
          "symbol",
          dataset == Dataset.OWN
              ? "you have no upload of '" + request.symbol() + "'; import a CSV of it first"
              : "unknown symbol '" + request.symbol() + "'; GET /api/v1/data/symbols lists them");
    }
    Interval interval = null;
    try {
      interval = Interval.fromCode(request.interval());
    } catch (IllegalArgumentException e) {
      errors.put("interval", "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w");
    }
    boolean startInRange = checkDay("start_date", request.startDate(), errors);
    boolean datesInRange = checkDay("end_date", request.endDate(), errors) && startInRange;
    if (datesInRange && request.endDate().isBefore(request.startDate())) {
      errors.put("end_date", "must not be before start_date");
    } else if (datesInRange && symbol.isPresent() && interval != null) {
      checkData(symbol.get(), interval, request.startDate(), request.endDate(), errors);
    }
    SymbolInfo benchmark = null;
    if (request.benchmark() != null && !request.benchmark().isBlank()) {
      benchmark = resolveBenchmark(userId, request, errors);
      if (benchmark != null && datesInRange && symbol.isPresent() && interval != null) {
        checkBenchmarkData(benchmark, symbol.get().zone(), interval, request, errors);
      }
    }
    BigDecimal capital = request.initialCapital();
    if (capital.signum() <= 0) {
      errors.put("initial_capital", "must be greater than 0");
    } else if (capital.compareTo(MIN_CAPITAL) < 0) {
      errors.put("initial_capital", "must be at least 0.01");
    } else if (capital.compareTo(MAX_CAPITAL) > 0) {
      errors.put("initial_capital", "must be at most 1e15");
    }

    CompiledStrategy compiled = strategy.map(s -> strategies.compile(s.code())).orElse(null);
    Map<String, Double> parameters =
        compiled == null ? Map.of() : resolveParameters(compiled, request.parameters(), errors);
    RunSettings settings = symbol.map(s -> resolveSettings(s, request, errors)).orElse(null);

    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }
    return new ResolvedRun(
        strategy.get(),
        compiled,
        symbol.get(),
        interval,
        request.startDate(),
        request.endDate(),
        capital.stripTrailingZeros(),
        parameters,
        settings,
        benchmark);
  }

  /** The benchmark's series, by the same rules as the run's symbol; null (and an error) if none. */
  private SymbolInfo resolveBenchmark(
      UUID userId, BacktestRequest request, Map<String, String> errors) {
    Dataset dataset = Dataset.parse("benchmark_dataset", request.benchmarkDataset());
    String ticker = request.benchmark().trim();
    Optional<SymbolInfo> benchmark = marketData.symbol(userId, ticker, dataset);
    if (benchmark.isEmpty()) {
      errors.put(
          "benchmark",
          dataset == Dataset.OWN
              ? "you have no upload of '" + ticker + "'; import a CSV of it first"
              : "unknown symbol '" + ticker + "'; GET /api/v1/data/symbols lists them");
      return null;
    }
    return benchmark.get();
  }

  /**
   * The benchmark needs bars of the run's interval inside the run's days (counted in the run
   * symbol's zone, as the worker loads them).
   */
  private void checkBenchmarkData(
      SymbolInfo benchmark,
      ZoneId runZone,
      Interval interval,
      BacktestRequest request,
      Map<String, String> errors) {
    Optional<DataRange> range = marketData.range(benchmark.seriesKey(), interval);
    if (range.isEmpty()) {
      errors.put(
          "benchmark",
          "no "
              + interval.code()
              + " bars are stored for "
              + benchmark.symbol()
              + "; the benchmark needs bars of the run's interval");
      return;
    }
    Instant from = request.startDate().atStartOfDay(runZone).toInstant();
    Instant to = request.endDate().plusDays(1).atStartOfDay(runZone).toInstant();
    if (range.get().lastBar().isBefore(from) || !range.get().firstBar().isBefore(to)) {
      ZoneId zone = benchmark.zone();
      errors.put(
          "benchmark",
          "no "
              + interval.code()
              + " bars of "
              + benchmark.symbol()
              + " between "
              + request.startDate()
              + " and "
              + request.endDate()
              + "; its data covers "
              + range.get().firstBar().atZone(zone).toLocalDate()
              + " to "
              + range.get().lastBar().atZone(zone).toLocalDate());
    }
  }

  private static boolean checkDay(String field, LocalDate day, Map<String, String> errors) {
    if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
      errors.put(field, "must be between " + FIRST_DAY + " and " + LAST_DAY);
      return false;
    }
    return true;
  }

  /**
   * A stored run or optimisation as it was resolved, to run again with {@code parameters} (JSON):
   * its code compiled anew, its series by key (the key came from the user's own resolution, so it
   * is theirs or shared).
   *
   * @throws FieldValidationException when the series is gone
   */
  public ResolvedRun repeat(UUID userId, RunSetup setup, String parameters) {
    SymbolInfo symbol =
        marketData
            .series(setup.seriesKey())
            .orElseThrow(
                () ->
                    new FieldValidationException(
                        "symbol", "the data of " + setup.symbol() + " no longer exists"));
    return new ResolvedRun(
        new StrategySource(setup.strategyId(), userId, setup.strategyName(), setup.strategyCode()),
        strategies.compile(setup.strategyCode()),
        symbol,
        Interval.fromCode(setup.interval()),
        setup.startDate(),
        setup.endDate(),
        setup.initialCapital(),
        json.readValue(parameters, JsonTypes.DOUBLES),
        json.readValue(setup.settings(), RunSettings.class),
        setup.benchmarkSeriesKey() == null
            ? null
            : marketData
                .series(setup.benchmarkSeriesKey())
                .orElseThrow(
                    () ->
                        new FieldValidationException(
                            "benchmark",
                            "the data of the benchmark "
                                + setup.benchmarkSymbol()
                                + " no longer exists")));
  }

  private void checkData(
      SymbolInfo symbol,
      Interval interval,
      LocalDate start,
      LocalDate end,
      Map<String, String> errors) {
    Optional<DataRange> range = marketData.range(symbol.seriesKey(), interval);
    if (range.isEmpty()) {
      errors.put(
          "interval",
          "no "
              + interval.code()
              + " bars are stored for "
              + symbol.symbol()
              + "; import them or pick another interval");
      return;
    }
    ZoneId zone = symbol.zone();
    LocalDate first = range.get().firstBar().atZone(zone).toLocalDate();
    LocalDate last = range.get().lastBar().atZone(zone).toLocalDate();
    if (start.isAfter(last) || end.isBefore(first)) {
      errors.put(
          "start_date",
          "no "
              + interval.code()
              + " bars of "
              + symbol.symbol()
              + " between "
              + start
              + " and "
              + end
              + "; the data covers "
              + first
              + " to "
              + last);
    }
  }

  private static Map<String, Double> resolveParameters(
      CompiledStrategy compiled, Map<String, Double> given, Map<String, String> errors) {
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Double> rest = new LinkedHashMap<>(given == null ? Map.of() : given);
    for (ParamSpec spec : compiled.params()) {
      Double value = rest.remove(spec.name());
      if (value == null) {
        values.put(spec.name(), spec.defaultValue());
        continue;
      }
      String problem = spec.problem(value);
      if (problem != null) {
        errors.put("parameters." + spec.name(), problem);
      }
      values.put(spec.name(), value);
    }
    if (!rest.isEmpty()) {
      String declared =
          compiled.params().isEmpty()
              ? "it declares none"
              : "it declares "
                  + compiled.params().stream()
                      .map(ParamSpec::name)
                      .collect(Collectors.joining(", "));
      errors.put(
          "parameters",
          "unknown parameter"
              + (rest.size() > 1 ? "s " : " ")
              + String.join(", ", rest.keySet())
              + " for this strategy; "
              + declared);
    }
    return values;
  }

  private static RunSettings resolveSettings(
      SymbolInfo symbol, BacktestRequest request, Map<String, String> errors) {
    RunSettings.Costs costs = resolveCosts(symbol, request.costs(), errors);
    RunSettings.Sizing sizing = resolveSizing(request.sizing(), errors);
    double riskFree = request.riskFreeRate() == null ? 0 : request.riskFreeRate();
    if (!Double.isFinite(riskFree) || riskFree <= -1 || riskFree >= 1) {
      errors.put("risk_free_rate", "must be a fraction between -1 and 1 (0.03 = 3%)");
    }
    return new RunSettings(
        request.fill() == null ? "next_open" : request.fill(),
        costs,
        sizing,
        symbol.lotSize().doubleValue(),
        Boolean.TRUE.equals(request.allowShort()),
        Boolean.TRUE.equals(request.closeAtEnd()),
        riskFree,
        symbol.currency(),
        symbol.timeZone());
  }

  /**
   * The preset of the symbol's market unless the request names one; explicit values override it.
   */
  static String marketPreset(SymbolInfo symbol) {
    return switch (symbol.market()) {
      case "KRX" -> "krx";
      case "NASDAQ", "NYSE" -> "us";
      case "UPBIT" -> "upbit";
      case "BINANCE" -> "binance";
      default -> "none";
    };
  }

  private static RunSettings.Costs resolveCosts(
      SymbolInfo symbol, BacktestRequest.CostSettings given, Map<String, String> errors) {
    String preset = given == null || given.preset() == null ? marketPreset(symbol) : given.preset();
    CostModel base;
    try {
      base = CostModel.preset(preset);
    } catch (IllegalArgumentException e) {
      errors.put("costs.preset", "must be none, krx, us, upbit or binance");
      return null;
    }
    double tick = symbol.tickSize().doubleValue();
    if (given == null) {
      return RunSettings.Costs.of(preset, withTick(base, tick));
    }
    try {
      CostModel model =
          new CostModel(
              or(given.commissionRate(), base.commissionRate()),
              or(given.commissionFixed(), base.commissionFixed()),
              or(given.commissionMinimum(), base.commissionMinimum()),
              or(given.sellTaxRate(), base.sellTaxRate()),
              or(given.slippageRate(), base.slippageRate()),
              or(given.slippageTicks(), base.slippageTicks()),
              tick);
      boolean overridden =
          given.commissionRate() != null
              || given.commissionFixed() != null
              || given.commissionMinimum() != null
              || given.sellTaxRate() != null
              || given.slippageRate() != null
              || given.slippageTicks() != null;
      if (model.commissionFixed() > MAX_CASH || model.commissionMinimum() > MAX_CASH) {
        errors.put("costs", "a commission in cash must be at most 1e15");
        return null;
      }
      if (model.slippageTicks() > MAX_SLIPPAGE_TICKS) {
        errors.put("costs.slippage_ticks", "must be at most 10000");
        return null;
      }
      return RunSettings.Costs.of(overridden ? preset + "+custom" : preset, model);
    } catch (IllegalArgumentException e) {
      errors.put("costs", e.getMessage());
      return null;
    }
  }

  private static CostModel withTick(CostModel m, double tick) {
    return new CostModel(
        m.commissionRate(),
        m.commissionFixed(),
        m.commissionMinimum(),
        m.sellTaxRate(),
        m.slippageRate(),
        m.slippageTicks(),
        tick);
  }

  private static RunSettings.Sizing resolveSizing(
      BacktestRequest.SizingSettings given, Map<String, String> errors) {
    RunSettings.Sizing sizing =
        given == null
            ? new RunSettings.Sizing("fraction_of_equity", 1.0)
            : new RunSettings.Sizing(given.type(), given.value());
    try {
      sizing.toModel();
      if (sizing.value() > MAX_CASH) {
        errors.put("sizing.value", "must be at most 1e15");
      }
    } catch (IllegalArgumentException e) {
      errors.put("sizing.value", e.getMessage());
    }
    return sizing;
  }

  private static double or(Double value, double fallback) {
    return value == null ? fallback : value;
  }
}
