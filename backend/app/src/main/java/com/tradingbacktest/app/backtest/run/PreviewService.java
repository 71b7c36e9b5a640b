package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunLimits;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.marketdata.MarketDataService;
import com.tradingbacktest.engine.lang.EvaluationLimits;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.BacktestCancelledException;
import com.tradingbacktest.engine.sim.Fill;
import com.tradingbacktest.engine.sim.RunTimeLimitException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Previews: a backtest computed in the request that asks for it and answered at once, with nothing
 * stored (docs/ARCHITECTURE.md, "Previews"). Resolved and executed exactly as a stored run is
 * ({@link RunSettingsResolver}, {@link RunExecution}), so keeping one (POST /api/v1/backtests with
 * the same request) gives the same numbers.
 */
@Service
class PreviewService {

  private final RunSettingsResolver resolver;
  private final MarketDataService marketData;
  private final PreviewGate gate;
  private final PreviewSettings settings;
  private final RunLimits limits;
  private final RunFunding funding;
  private final RunPrices runPrices;

  PreviewService(
      RunSettingsResolver resolver,
      MarketDataService marketData,
      PreviewGate gate,
      PreviewSettings settings,
      RunLimits limits,
      RunFunding funding,
      RunPrices runPrices) {
    this.funding = funding;
    this.runPrices = runPrices;
    this.resolver = resolver;
    this.marketData = marketData;
    this.gate = gate;
    this.settings = settings;
    this.limits = limits;
  }

  PreviewResponse preview(UUID userId, PreviewRequest request) {
    ResolvedRun run = resolve(userId, request);
    try (PreviewGate.Ticket ticket = gate.enter(userId)) {
      // The time limit counts from the slot, as a run's from its claim: loading is part of it.
      EvaluationLimits budget = limits.start(ticket, settings.timeLimit());
      RunPrices.Priced priced =
          runPrices.read(
              run.symbol().seriesKey(),
              run.interval(),
              marketData.loadDays(
                  run.symbol().seriesKey(), run.interval(), run.startDate(), run.endDate()),
              run.settings().prices());
      BarSeries bars = priced.bars();
      if (bars.size() == 0) {
        throw RunFailure.noBars(
            run.symbol().symbol(), run.interval().code(), run.startDate(), run.endDate());
      }
      RunPrices.Priced pricedBenchmark =
          run.benchmark() == null
              ? null
              : runPrices.benchmark(
                  run.benchmark().seriesKey(),
                  run.interval(),
                  BenchmarkBars.load(
                          marketData,
                          run.benchmark().symbol(),
                          run.benchmark().seriesKey(),
                          run.interval(),
                          run.startDate(),
                          run.endDate(),
                          bars.zone(),
                          limits.memoryBytes())
                      .bars(),
                  run.settings().prices());
      RunExecution.Benchmark benchmark =
          pricedBenchmark == null
              ? null
              : new RunExecution.Benchmark(run.benchmark().symbol(), pricedBenchmark.bars());
      budget.control().checkpoint(0); // replaced, or out of time, while loading
      long started = System.nanoTime();
      RunExecution execution =
          RunExecution.of(
              run.compiled(),
              bars,
              run.parameters(),
              run.settings(),
              funding.single(run.settings(), run.symbol().seriesKey(), bars),
              run.initialCapital(),
              benchmark,
              budget,
              () -> {});
      RunResult result = execution.summary(request.pointBudget());
      double engineMs = (System.nanoTime() - started) / 1e6;
      // A newer preview that came while this one finished wins all the same: the client waits
      // for that one, and an answer to this would only race it.
      ticket.checkpoint(bars.size());
      List<Fill> fills = execution.result().simulation().fills();
      gate.count("completed");
      return new PreviewResponse(
          result,
          PreviewResponse.latestFills(fills),
          fills.size() > PreviewResponse.MAX_FILLS,
          run.parameters(),
          run.settings(),
          PlotSeriesResponse.of(
              bars.times(),
              execution.plots(),
              Long.MIN_VALUE,
              Long.MAX_VALUE,
              request.pointBudget()),
          engineMs,
          RunPrices.fingerprint(priced, pricedBenchmark));
    } catch (BacktestCancelledException e) {
      gate.count("superseded");
      throw new PreviewProblems.Superseded();
    } catch (RunTimeLimitException e) {
      gate.count("time_limit");
      throw new PreviewProblems.TimeLimit(
          RunLimits.timeLimitReason("The preview", settings.timeLimit()));
    } catch (RunFailure e) {
      gate.count("failed");
      throw new PreviewProblems.Failed(e.getMessage());
    }
  }

  /**
   * The request checked and resolved as a run's, with its strategy saved ({@code strategy_id}) or
   * given ({@code code}): exactly one of the two.
   */
  private ResolvedRun resolve(UUID userId, PreviewRequest request) {
    if (request.strategyId() == null && request.code() == null) {
      throw new FieldValidationException(
          "strategy_id", "is required unless code is given (exactly one of them)");
    }
    if (request.strategyId() != null && request.code() != null) {
      throw new FieldValidationException(
          "code", "must not be given with strategy_id (exactly one of them)");
    }
    BacktestRequest runRequest = request.toRunRequest();
    ResolvedRun run =
        request.code() != null
            ? resolver.resolve(userId, runRequest, request.code())
            : resolver.resolve(userId, runRequest);
    if (run.isPortfolio()) {
      // A preview draws one symbol's trades on its chart; a weight strategy trades a portfolio.
      throw new FieldValidationException(
          request.code() != null ? "code" : "strategy_id",
          "a strategy with weight sets target weights for a portfolio and cannot be previewed on"
              + " one symbol; run it as a backtest over its symbols");
    }
    return run;
  }
}
