package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.CostRules;
import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.marketdata.CorporateActionsService;
import com.tradingbacktest.app.marketdata.DataRange;
import com.tradingbacktest.app.marketdata.Dataset;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.app.marketdata.SymbolInfo;
import com.tradingbacktest.app.strategy.StrategyLookup;
import com.tradingbacktest.app.strategy.StrategySource;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.ParamSpec;
import com.tradingbacktest.engine.portfolio.Rebalance;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.CostModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  static final double MAX_CASH = CostRules.MAX_CASH;

  /** The name a strategy given as source with the request goes by. */
  static final String UNSAVED_NAME = "Unsaved strategy";

  /** The most ticks of slippage per fill. */
  static final double MAX_SLIPPAGE_TICKS = CostRules.MAX_SLIPPAGE_TICKS;

  /** The largest per-share fee a run accepts, in cash per unit. */
  static final double MAX_PER_SHARE_FEE = 1_000;

  private final StrategyLookup strategies;
  private final MarketDataService marketData;
  private final JsonMapper json;
  private final AccountResolver accounts;
  private final CorporateActionsService corporateActions;

  RunSettingsResolver(
      StrategyLookup strategies,
      MarketDataService marketData,
      JsonMapper json,
      AccountResolver accounts,
      CorporateActionsService corporateActions) {
    this.corporateActions = corporateActions;
    this.json = json;
    this.accounts = accounts;
    this.strategies = strategies;
    this.marketData = marketData;
  }

  public ResolvedRun resolve(UUID userId, BacktestRequest request) {
    return resolve(userId, request, strategies.findRunnable(userId, request.strategyId()));
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
    boolean hasSymbol = request.symbol() != null && !request.symbol().isBlank();
    List<SymbolInfo> universe = null; // the resolved symbols of a request naming symbols
    Optional<SymbolInfo> symbol = Optional.empty();
    if (request.symbols() != null && hasSymbol) {
      errors.put("symbols", "give symbol or symbols, not both");
    } else if (request.symbols() != null) {
      universe = resolveUniverse(userId, request.symbols(), dataset, errors);
      symbol = universe == null ? Optional.empty() : Optional.of(universe.get(0));
    } else if (!hasSymbol) {
      errors.put("symbol", "is required (or symbols, for a portfolio)");
    } else {
      symbol = marketData.symbol(userId, request.symbol(), dataset);
      if (symbol.isEmpty()) {
        errors.put(
            "symbol",
            dataset == Dataset.OWN
                ? "you have no upload of '" + request.symbol() + "'; import a CSV of it first"
                : "unknown symbol '" + request.symbol() + "'; GET /api/v1/data/symbols lists them");
      }
    }
    Interval interval = null;
    try {
      interval = Interval.fromCode(request.interval());
    } catch (IllegalArgumentException e) {
      errors.put(
          "interval",
          "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w, 1M (1M is a month, 1m a minute)");
    }
    ZoneId runZone = symbol.map(SymbolInfo::zone).orElse(null);
    if (request.timeZone() != null) {
      try {
        runZone = ZoneId.of(request.timeZone());
      } catch (java.time.DateTimeException e) {
        errors.put(
            "time_zone",
            "unknown time zone '" + request.timeZone() + "'; use an IANA name such as Asia/Seoul");
        runZone = null;
      }
    }
    boolean startInRange = checkDay("start_date", request.startDate(), errors);
    boolean datesInRange = checkDay("end_date", request.endDate(), errors) && startInRange;
    if (datesInRange && request.endDate().isBefore(request.startDate())) {
      errors.put("end_date", "must not be before start_date");
    } else if (datesInRange && universe != null && interval != null) {
      checkUniverseData(universe, interval, request.startDate(), request.endDate(), errors);
    } else if (datesInRange && symbol.isPresent() && interval != null) {
      checkData(symbol.get(), interval, request.startDate(), request.endDate(), errors);
    }
    SymbolInfo benchmark = null;
    if (request.benchmark() != null && !request.benchmark().isBlank()) {
      benchmark = resolveBenchmark(userId, request, errors);
      if (benchmark != null && datesInRange && runZone != null && interval != null) {
        checkBenchmarkData(benchmark, runZone, interval, request, errors);
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
    RunSettings.Account account = null;
    if (symbol.isPresent() && !errors.containsKey("initial_capital")) {
      account =
          accounts.resolve(
              universe != null ? universe : List.of(symbol.get()),
              request.account(),
              compiled == null ? OptionalInt.empty() : compiled.pyramiding(),
              capital.doubleValue(),
              errors);
    }
    RunSettings.Account resolvedAccount = account;
    RunSettings.Prices prices = null;
    if (symbol.isPresent()) {
      List<SymbolInfo> members = universe != null ? universe : List.of(symbol.get());
      PriceBasis basis =
          interval == null
              ? PriceBasis.RAW
              : corporateActions.basis(symbol.get().seriesKey(), interval);
      prices =
          PriceSettings.resolve(
              request.prices(), members.stream().map(SymbolInfo::board).toList(), basis, errors);
    }
    RunSettings.Prices resolvedPrices = prices;
    RunSettings settings =
        symbol
            .map(s -> resolveSettings(s, request, resolvedAccount, resolvedPrices, errors))
            .orElse(null);
    PortfolioSetup portfolio = null;
    if (symbol.isPresent()) {
      List<SymbolInfo> members = universe != null ? universe : List.of(symbol.get());
      boolean weighted = compiled != null && compiled.hasWeight();
      String base =
          request.baseCurrency() != null ? request.baseCurrency() : symbol.get().currency();
      // One symbol in its own currency with entry/exit outputs is exactly today's run; anything
      // else is a portfolio (a universe of one included).
      if (members.size() > 1 || weighted || !base.equals(symbol.get().currency())) {
        portfolio = resolvePortfolio(userId, members, request, base, runZone, interval, errors);
      } else {
        if (request.fx() != null && !request.fx().isEmpty()) {
          errors.put(
              "fx",
              "a run of one symbol in its own currency converts nothing; set base_currency to"
                  + " run it in another currency");
        }
        if (runZone != null && !runZone.equals(symbol.get().zone())) {
          errors.put(
              "time_zone",
              "a run of one symbol counts its days in the symbol's zone ("
                  + symbol.get().timeZone()
                  + "); time_zone applies to portfolio runs");
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new FieldValidationException(errors);
    }
    if (portfolio != null) {
      settings = settings.inCurrency(portfolio.baseCurrency(), portfolio.timeZone());
    }
    LocalDate[] span = dataSpan(universe != null ? universe : List.of(symbol.get()), interval);
    return new ResolvedRun(
        strategy.get(),
        compiled,
        symbol.get(),
        interval,
        span == null || span[0].isBefore(request.startDate()) ? request.startDate() : span[0],
        span == null || span[1].isAfter(request.endDate()) ? request.endDate() : span[1],
        capital.stripTrailingZeros(),
        parameters,
        settings,
        benchmark,
        portfolio,
        request.startDate(),
        request.endDate());
  }

  /**
   * The first and last day any of {@code members} has bars of {@code interval}, each in its own
   * zone (a portfolio's span is the union of its symbols'); null when none has any. A run's dates
   * are clipped to it, so that its header states the days it actually covers.
   */
  private LocalDate[] dataSpan(List<SymbolInfo> members, Interval interval) {
    Map<String, DataRange> ranges =
        marketData.ranges(members.stream().map(SymbolInfo::seriesKey).toList(), interval);
    LocalDate first = null;
    LocalDate last = null;
    for (SymbolInfo s : members) {
      DataRange range = ranges.get(s.seriesKey());
      if (range == null) {
        continue;
      }
      LocalDate from = range.firstBar().atZone(s.zone()).toLocalDate();
      LocalDate to = range.lastBar().atZone(s.zone()).toLocalDate();
      first = first == null || from.isBefore(first) ? from : first;
      last = last == null || to.isAfter(last) ? to : last;
    }
    return first == null ? null : new LocalDate[] {first, last};
  }

  /** The most unknown or unusable tickers a message names; the rest are counted. */
  static final int MAX_NAMED = 20;

  /**
   * The series of each of {@code tickers} (in order), read in one or two queries; null (and an
   * error naming the unknown ones) when any is unknown or listed twice.
   */
  private List<SymbolInfo> resolveUniverse(
      UUID userId, List<String> tickers, Dataset dataset, Map<String, String> errors) {
    List<String> names = tickers.stream().map(String::trim).toList();
    Set<String> seen = new HashSet<>();
    List<String> twice = names.stream().filter(t -> !seen.add(t)).distinct().toList();
    if (!twice.isEmpty()) {
      errors.put("symbols", "lists " + named(twice) + " more than once");
      return null;
    }
    Map<String, SymbolInfo> found = marketData.symbols(userId, names, dataset);
    List<String> unknown = names.stream().filter(t -> !found.containsKey(t)).toList();
    if (!unknown.isEmpty()) {
      errors.put(
          "symbols",
          dataset == Dataset.OWN
              ? "you have no upload of " + named(unknown) + "; import a CSV of each first"
              : "unknown symbol"
                  + (unknown.size() > 1 ? "s " : " ")
                  + named(unknown)
                  + "; GET /api/v1/data/symbols lists them");
      return null;
    }
    return names.stream().map(found::get).toList();
  }

  /** A currency code, as symbols store them. */
  private static final java.util.regex.Pattern CURRENCY =
      java.util.regex.Pattern.compile("[A-Z][A-Z0-9]{1,9}");

  /** A name from the request as a message quotes it: at most 40 characters. */
  private static String clip(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  /** Up to {@link #MAX_NAMED} names, then how many more. */
  static String named(List<String> names) {
    String shown = String.join(", ", names.subList(0, Math.min(MAX_NAMED, names.size())));
    return names.size() > MAX_NAMED
        ? shown + " and " + (names.size() - MAX_NAMED) + " more"
        : shown;
  }

  /** Every symbol of a universe needs bars of the interval within the run's days. */
  private void checkUniverseData(
      List<SymbolInfo> universe,
      Interval interval,
      LocalDate start,
      LocalDate end,
      Map<String, String> errors) {
    if (universe.size() == 1) {
      checkData(universe.get(0), interval, start, end, errors);
      return;
    }
    Map<String, DataRange> ranges =
        marketData.ranges(universe.stream().map(SymbolInfo::seriesKey).toList(), interval);
    List<String> without = new ArrayList<>();
    for (SymbolInfo s : universe) {
      DataRange range = ranges.get(s.seriesKey());
      if (range == null
          || range.lastBar().atZone(s.zone()).toLocalDate().isBefore(start)
          || range.firstBar().atZone(s.zone()).toLocalDate().isAfter(end)) {
        without.add(s.symbol());
      }
    }
    if (!without.isEmpty()) {
      errors.put(
          "symbols",
          "no "
              + interval.code()
              + " bars of "
              + named(without)
              + " between "
              + start
              + " and "
              + end
              + "; import them, or leave them out");
    }
  }

  /**
   * A portfolio's universe with each symbol's costs, its FX series, base currency, schedule and
   * zone; null (with errors) when something does not fit.
   */
  private PortfolioSetup resolvePortfolio(
      UUID userId,
      List<SymbolInfo> members,
      BacktestRequest request,
      String base,
      ZoneId zone,
      Interval interval,
      Map<String, String> errors) {
    List<PortfolioSetup.Member> resolved = new ArrayList<>();
    Set<String> foreign = new TreeSet<>();
    for (SymbolInfo s : members) {
      RunSettings.Costs costs = resolveCosts(s, request.costs(), errors);
      resolved.add(
          new PortfolioSetup.Member(
              s.symbol(),
              s.seriesKey(),
              s.market(),
              s.currency(),
              costs,
              s.lotSize().doubleValue(),
              s.board()));
      if (!s.currency().equals(base)) {
        foreign.add(s.currency());
      }
    }
    Map<String, String> fxTickers = request.fx() == null ? Map.of() : request.fx();
    List<PortfolioSetup.FxSource> fx = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(fxTickers).entrySet()) {
      String currency = e.getKey();
      if (currency == null || !CURRENCY.matcher(currency).matches()) {
        errors.put(
            "fx",
            "names currencies by their codes (e.g. {\"USD\": \"USDKRW\"}); got '"
                + clip(String.valueOf(currency))
                + "'");
        continue;
      }
      String field = "fx." + currency;
      if (!foreign.contains(currency)) {
        errors.put(
            field,
            currency.equals(base)
                ? currency + " is the base currency; it needs no FX series"
                : "no symbol of the portfolio is quoted in " + currency);
        continue;
      }
      String ticker = e.getValue() == null ? "" : e.getValue().trim();
      Optional<SymbolInfo> series = marketData.symbol(userId, ticker, null);
      if (series.isEmpty()) {
        errors.put(
            field, "unknown symbol '" + clip(ticker) + "'; GET /api/v1/data/symbols lists them");
      } else if (interval != null
          && marketData.range(series.get().seriesKey(), interval).isEmpty()) {
        errors.put(
            field,
            "no "
                + interval.code()
                + " bars are stored for "
                + ticker
                + "; the FX series needs"
                + " bars of the run's interval");
      } else {
        fx.add(new PortfolioSetup.FxSource(currency, ticker, series.get().seriesKey()));
      }
    }
    Set<String> missing = new TreeSet<>(foreign);
    missing.removeAll(fxTickers.keySet());
    if (!missing.isEmpty()) {
      errors.merge(
          "fx",
          "no FX series for "
              + String.join(", ", missing)
              + ": a portfolio in "
              + base
              + " needs, per foreign currency, a stored series quoting one unit of it in "
              + base
              + " (e.g. fx: {\""
              + missing.iterator().next()
              + "\": \""
              + missing.iterator().next()
              + base
              + "\"})",
          (earlier, later) -> earlier + "; " + later);
    }
    String rebalance = null;
    if (request.rebalance() != null) {
      try {
        rebalance = Rebalance.parse(request.rebalance()).toString();
      } catch (IllegalArgumentException e) {
        errors.put("rebalance", e.getMessage());
      }
    }
    if (zone == null) {
      return null;
    }
    return new PortfolioSetup(resolved, fx, base, rebalance, zone.getId());
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
    PortfolioSetup portfolio =
        setup.portfolio() == null ? null : json.readValue(setup.portfolio(), PortfolioSetup.class);
    return new ResolvedRun(
        new StrategySource(
            setup.strategyId(),
            userId,
            setup.strategyName(),
            setup.strategyCode(),
            setup.strategyVersion()),
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
                                + " no longer exists")),
        portfolio,
        setup.startDate(),
        setup.endDate());
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
    if (errors.keySet().stream().noneMatch(f -> f.startsWith("parameters"))) {
      compiled
          .brokenConstraint(values, List.of())
          .ifPresent(
              c ->
                  errors.put(
                      "parameters",
                      c.brokenBy(values) + " (line " + c.line() + " of the strategy)"));
    }
    return values;
  }

  private static RunSettings resolveSettings(
      SymbolInfo symbol,
      BacktestRequest request,
      RunSettings.Account account,
      RunSettings.Prices prices,
      Map<String, String> errors) {
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
        symbol.timeZone(),
        account,
        prices);
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
      return RunSettings.Costs.of(preset, base.withTickSize(tick));
    }
    if (!perShareFeeFits(given, errors)) {
      return null;
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
              tick,
              or(given.perShareFee(), base.perShareFee()),
              or(given.perShareFeeCap(), base.perShareFeeCap()),
              given.perShareFeeSides() == null
                  ? base.perShareFeeOnBuys()
                  : "both".equals(given.perShareFeeSides()),
              base.sellFees());
      boolean overridden =
          given.commissionRate() != null
              || given.commissionFixed() != null
              || given.commissionMinimum() != null
              || given.sellTaxRate() != null
              || given.slippageRate() != null
              || given.slippageTicks() != null
              || given.perShareFee() != null
              || given.perShareFeeCap() != null
              || given.perShareFeeSides() != null;
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

  /**
   * The per-share fee's own bounds, as field errors: a fee of at most {@value #MAX_PER_SHARE_FEE}
   * per unit, a cap above 0 and at most 1e15, and a cap only with a fee.
   */
  private static boolean perShareFeeFits(
      BacktestRequest.CostSettings given, Map<String, String> errors) {
    Double fee = given.perShareFee();
    Double cap = given.perShareFeeCap();
    if (fee != null && !(fee >= 0 && fee <= MAX_PER_SHARE_FEE)) {
      errors.put("costs.per_share_fee", "must be between 0 and " + (int) MAX_PER_SHARE_FEE);
    }
    if (cap != null && !(cap > 0 && cap <= MAX_CASH)) {
      errors.put("costs.per_share_fee_cap", "must be above 0 and at most 1e15");
    }
    if ((cap != null || given.perShareFeeSides() != null) && (fee == null || fee == 0)) {
      errors.put("costs.per_share_fee", "is required with a cap or sides");
    }
    return !errors.containsKey("costs.per_share_fee")
        && !errors.containsKey("costs.per_share_fee_cap");
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
