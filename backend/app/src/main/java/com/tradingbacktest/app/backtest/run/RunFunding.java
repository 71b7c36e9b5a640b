package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.marketdata.FundingSeries;
import com.tradingbacktest.app.marketdata.FundingService;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.Funding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The stored funding rates a run with {@code funding=series} is charged, read for the span of its
 * bars. Bounded: a run reads at most {@link #MAX_RATES} rates over all its symbols (16 bytes each),
 * else it fails with a reason instead of loading them.
 */
@Component
public class RunFunding {

  /** The most funding rates one run reads: 8-hourly funding over 900 symbol-years. */
  static final int MAX_RATES = 1_000_000;

  private final FundingService funding;

  RunFunding(FundingService funding) {
    this.funding = funding;
  }

  /** The stored funding of a single-symbol run's series; none unless its funding is a series. */
  public Funding single(RunSettings settings, String seriesKey, BarSeries bars) {
    if (!"series".equals(settings.accountOrCash().funding()) || bars.size() == 0) {
      return Funding.none();
    }
    return load(seriesKey, bars, MAX_RATES).funding();
  }

  /**
   * Per symbol of a portfolio (in the setup's order), the funding its leg is charged: its stored
   * series (none for a symbol without one) when the account's funding is a series, the fixed rate
   * on every leg when fixed, else none.
   */
  public List<Funding> portfolio(
      RunSettings settings, PortfolioSetup setup, List<BarSeries> universe) {
    RunSettings.Account account = settings.accountOrCash();
    List<Funding> legs = new ArrayList<>(universe.size());
    int budget = MAX_RATES;
    for (int i = 0; i < universe.size(); i++) {
      Funding leg;
      if ("series".equals(account.funding()) && universe.get(i).size() > 0) {
        Loaded loaded = load(setup.symbols().get(i).seriesKey(), universe.get(i), budget);
        leg = loaded.funding();
        budget -= loaded.count();
      } else {
        leg = account.toFunding(Funding.none());
      }
      legs.add(leg);
    }
    return legs;
  }

  /** A series read and how many rates it holds. */
  private record Loaded(Funding funding, int count) {}

  private Loaded load(String seriesKey, BarSeries bars, int budget) {
    long[] times = bars.times();
    Instant from = Instant.ofEpochMilli(times[0]);
    Instant to =
        Instant.ofEpochMilli(times[times.length - 1] + bars.interval().duration().toMillis());
    FundingSeries rates = funding.ratesFor(seriesKey, from, to, budget + 1);
    if (rates.size() > budget) {
      throw new RunFailure(
          "The run would read more than "
              + MAX_RATES
              + " funding rates; run a shorter span or fewer perpetuals.");
    }
    return new Loaded(Funding.series(rates.times(), rates.rates()), rates.size());
  }
}
