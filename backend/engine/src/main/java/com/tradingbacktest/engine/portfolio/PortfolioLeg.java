package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.market.MarketRules;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.sim.CostModel;
import com.tradingbacktest.engine.sim.Funding;
import com.tradingbacktest.engine.sim.Signals;
import java.util.Objects;

/**
 * One symbol of a portfolio: its bars, the currency its prices are quoted in, its market's costs,
 * its quantity step, and what drives it: per-symbol {@link Signals} (entries, exits and protective
 * exits as in a single-symbol run, sized against the shared account), target weights for the
 * rebalancer, or neither (the leg is only held as data, e.g. for a benchmark of the universe).
 *
 * @param symbol the name fills, trades and contributions carry
 * @param bars the symbol's own bars, at least one
 * @param currency the currency of its prices (e.g. "KRW", "USD")
 * @param costs its market's commissions, taxes and slippage (a KRX sell tax applies to this leg
 *     only)
 * @param quantityStep the smallest tradable quantity (1 for stocks, e.g. 1e-8 for crypto)
 * @param signals per-bar orders, or null
 * @param targetWeight the target fraction of the portfolio's equity per bar, aligned to {@code
 *     bars}: NaN means no opinion at that bar; otherwise finite and >= 0. Null when the leg is not
 *     rebalanced. A leg is driven either by weights or by entry signals, not both.
 * @param funding perpetual-futures funding charged on this symbol's positions at its own prices;
 *     {@link Funding#none()} for spot symbols and stocks
 * @param marketRules its exchange's tick table and price limits (KRX); {@link MarketRules#none()}
 *     elsewhere. The bars' own {@link BarSeries#events()} bring its dividends and halts
 */
public record PortfolioLeg(
    String symbol,
    BarSeries bars,
    String currency,
    CostModel costs,
    double quantityStep,
    Signals signals,
    double[] targetWeight,
    Funding funding,
    MarketRules marketRules) {

  public PortfolioLeg {
    Objects.requireNonNull(marketRules, "marketRules");
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(bars, "bars");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(costs, "costs");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("a portfolio symbol needs a name");
    }
    if (currency.isBlank()) {
      throw new IllegalArgumentException(symbol + ": the currency must not be blank");
    }
    if (bars.size() == 0) {
      throw new IllegalArgumentException(symbol + " has no bars");
    }
    if (!(quantityStep > 0) || !Double.isFinite(quantityStep)) {
      throw new IllegalArgumentException(
          symbol + ": quantity step must be > 0, got " + quantityStep);
    }
    int n = bars.size();
    if (signals != null) {
      checkLength(symbol, n, signals.longEntry(), signals.longExit(), signals.shortEntry());
      checkLength(symbol, n, signals.shortExit(), signals.longEntryStop(), signals.size());
      checkLength(symbol, n, signals.longEntryLimit(), signals.shortEntryStop());
      checkLength(symbol, n, signals.shortEntryLimit(), signals.stopLoss(), signals.takeProfit());
      checkLength(symbol, n, signals.trailingStop(), signals.exitFraction());
    }
    if (targetWeight != null) {
      if (targetWeight.length != n) {
        throw new IllegalArgumentException(
            symbol + ": " + targetWeight.length + " target weights for " + n + " bars");
      }
      for (int i = 0; i < n; i++) {
        double w = targetWeight[i];
        if (!Double.isNaN(w) && !(w >= 0 && Double.isFinite(w))) {
          throw new IllegalArgumentException(
              symbol + ": target weight at bar " + i + " is " + w + "; weights are >= 0 (or NaN)");
        }
      }
      if (signals != null && signals.hasEntries()) {
        throw new IllegalArgumentException(
            symbol + " has both entry signals and target weights: a leg is driven by one of them");
      }
    }
  }

  /** A leg in the base currency driven by signals. */
  public static PortfolioLeg withSignals(
      BarSeries bars, String currency, CostModel costs, double quantityStep, Signals signals) {
    return new PortfolioLeg(
        bars.symbol(),
        bars,
        currency,
        costs,
        quantityStep,
        signals,
        null,
        Funding.none(),
        MarketRules.none());
  }

  /** A leg driven by target weights. */
  public static PortfolioLeg withWeights(
      BarSeries bars, String currency, CostModel costs, double quantityStep, double[] weights) {
    return new PortfolioLeg(
        bars.symbol(),
        bars,
        currency,
        costs,
        quantityStep,
        null,
        weights,
        Funding.none(),
        MarketRules.none());
  }

  /** This leg with {@code funding} charged on its positions. */
  public PortfolioLeg withFunding(Funding funding) {
    return new PortfolioLeg(
        symbol, bars, currency, costs, quantityStep, signals, targetWeight, funding, marketRules);
  }

  /** This leg trading under {@code rules} (a KRX board's tick table and price limits). */
  public PortfolioLeg withMarketRules(MarketRules rules) {
    return new PortfolioLeg(
        symbol, bars, currency, costs, quantityStep, signals, targetWeight, funding, rules);
  }

  private static void checkLength(String symbol, int n, Object... columns) {
    for (Object column : columns) {
      if (column != null && java.lang.reflect.Array.getLength(column) != n) {
        throw new IllegalArgumentException(
            symbol
                + ": a signal column has "
                + java.lang.reflect.Array.getLength(column)
                + " values for "
                + n
                + " bars");
      }
    }
  }
}
