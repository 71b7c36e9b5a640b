package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.BacktestResult;
import com.tradingbacktest.engine.lang.CompiledStrategy;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.portfolio.PortfolioResult;
import com.tradingbacktest.engine.portfolio.PortfolioTrade;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.sim.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A completed run executed again from what it stored (the snapshot of its strategy, settings and
 * parameters, on the bars of its range), for analyses that need its full equity curve and round
 * trips, which the run itself keeps only as an overview and pages. Single and portfolio runs alike;
 * the benchmark is left out (nothing here measures against it).
 */
@Component
public class RunReplay {

  /** Equal final equities differ by at most this fraction (the same code on the same bars). */
  private static final double SAME_EQUITY = 1e-9;

  private final BacktestRepository runs;
  private final MarketDataService marketData;
  private final RunPrices runPrices;
  private final RunFunding funding;
  private final JsonMapper json;

  RunReplay(
      BacktestRepository runs,
      MarketDataService marketData,
      RunPrices runPrices,
      RunFunding funding,
      JsonMapper json) {
    this.runs = runs;
    this.marketData = marketData;
    this.runPrices = runPrices;
    this.funding = funding;
    this.json = json;
  }

  /**
   * A run's curve and round trips, executed again.
   *
   * @param initialCapital its starting equity
   * @param times the times its equity was marked at (a portfolio's: the union of its symbols')
   * @param equity the equity at each
   * @param trades its closed round trips in exit order; a portfolio's with their P&amp;L in the
   *     base currency and their bar indices counted on {@code times}
   */
  public record Replayed(
      double initialCapital, long[] times, double[] equity, List<Trade> trades) {}

  /**
   * Executes run {@code id} again and checks that it ends where it ended when stored.
   *
   * @throws IllegalArgumentException when the run is gone or not completed, its strategy no longer
   *     compiles, it fails on the bars now stored, or it no longer ends with the stored final
   *     equity (the bars changed since)
   * @throws com.tradingbacktest.engine.sim.BacktestCancelledException when the limits' control
   *     cancels
   * @throws com.tradingbacktest.engine.sim.RunTimeLimitException past the limits' deadline
   */
  public Replayed replay(UUID id, EvaluationLimits limits) {
    BacktestRow row =
        runs.findForRun(id).orElseThrow(() -> new IllegalArgumentException("the run is gone"));
    if (row.result() == null) {
      throw new IllegalArgumentException("the run has no result");
    }
    StrategyCompiler.Compilation compilation = StrategyCompiler.compile(row.strategyCode());
    if (!compilation.ok()) {
      throw new IllegalArgumentException(
          "the run's strategy no longer compiles: " + compilation.errors().get(0).message());
    }
    CompiledStrategy strategy = compilation.strategy();
    RunSettings settings = json.readValue(row.settings(), RunSettings.class);
    Map<String, Double> parameters = json.readValue(row.parameters(), JsonTypes.DOUBLES);
    Interval interval = Interval.fromCode(row.interval());
    Replayed replayed;
    try {
      replayed =
          row.isPortfolio()
              ? portfolio(row, strategy, settings, parameters, interval, limits)
              : single(row, strategy, settings, parameters, interval, limits);
    } catch (RunFailure e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Number stored = json.readValue(row.result(), RunResult.class).metrics().get("final_equity");
    double now =
        replayed.equity().length == 0
            ? Double.NaN
            : replayed.equity()[replayed.equity().length - 1];
    if (stored == null
        || !(Math.abs(now - stored.doubleValue())
            <= SAME_EQUITY * Math.max(1, Math.abs(stored.doubleValue())))) {
      throw new IllegalArgumentException("the data changed since this run: rerun it first");
    }
    return replayed;
  }

  private Replayed single(
      BacktestRow row,
      CompiledStrategy strategy,
      RunSettings settings,
      Map<String, Double> parameters,
      Interval interval,
      EvaluationLimits limits) {
    BarSeries bars =
        runPrices
            .read(
                row.seriesKey(),
                interval,
                marketData.loadDays(row.seriesKey(), interval, row.startDate(), row.endDate()),
                settings.prices())
            .bars();
    if (bars.size() == 0) {
      throw RunFailure.noBars(row.symbol(), row.interval(), row.startDate(), row.endDate());
    }
    BacktestResult result =
        RunExecution.of(
                strategy,
                bars,
                parameters,
                settings,
                funding.single(settings, row.seriesKey(), bars),
                row.initialCapital(),
                null,
                limits,
                () -> {})
            .result();
    return new Replayed(
        row.initialCapital().doubleValue(),
        bars.times(),
        result.simulation().equity(),
        result.simulation().trades());
  }

  private Replayed portfolio(
      BacktestRow row,
      CompiledStrategy strategy,
      RunSettings settings,
      Map<String, Double> parameters,
      Interval interval,
      EvaluationLimits limits) {
    PortfolioSetup setup = json.readValue(row.portfolio(), PortfolioSetup.class);
    PortfolioBars bars =
        PortfolioSweep.load(
            marketData,
            runPrices,
            settings.prices(),
            setup,
            interval,
            row.startDate(),
            row.endDate(),
            limits.maxBytes());
    PortfolioResult result =
        PortfolioExecution.of(
                strategy,
                bars.universe(),
                setup,
                bars.fx(),
                funding.portfolio(settings, setup, bars.universe()),
                parameters,
                settings,
                row.initialCapital(),
                null,
                limits,
                () -> {})
            .result();
    long[] times = result.times();
    List<Trade> trades = new ArrayList<>(result.trades().size());
    for (PortfolioTrade p : result.trades()) {
      trades.add(inBase(p, times));
    }
    trades.sort(Comparator.comparingLong(Trade::exitTime).thenComparingInt(Trade::exitIndex));
    return new Replayed(row.initialCapital().doubleValue(), times, result.equity(), trades);
  }

  /**
   * A leg's round trip as the account saw it: its P&amp;L in the base currency, its bars counted on
   * the portfolio's times.
   */
  private static Trade inBase(PortfolioTrade p, long[] times) {
    Trade t = p.trade();
    return new Trade(
        t.side(),
        t.quantity(),
        index(times, t.entryTime()),
        t.entryTime(),
        t.entryPrice(),
        index(times, t.exitTime()),
        t.exitTime(),
        t.exitPrice(),
        p.pnlInBase(),
        t.returnPct(),
        t.costs(),
        t.mae(),
        t.mfe(),
        t.exitReason(),
        t.funding(),
        t.borrowCost(),
        t.dividends());
  }

  /** The index of {@code time} among {@code times}, or of the last time before it. */
  private static int index(long[] times, long time) {
    int i = Arrays.binarySearch(times, time);
    return i >= 0 ? i : Math.max(0, -i - 2);
  }
}
