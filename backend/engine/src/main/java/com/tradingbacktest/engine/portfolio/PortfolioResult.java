package com.tradingbacktest.engine.portfolio;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.sim.Liquidation;
import java.util.List;

/**
 * A finished portfolio run. Per-step arrays follow {@link #times()}, the union of every symbol's
 * bar times; per-symbol arrays follow the legs' order. Arrays are handed out without copying: do
 * not modify them.
 *
 * @param symbols the legs' symbols, in the order of the legs
 * @param times the union of the legs' bar times (epoch ms, ascending)
 * @param equity cash plus every position marked at its last close, in the base currency, per time
 * @param cash the account's cash in the base currency, per time
 * @param quantity {@code quantity[leg][step]}: signed units held at each time's close
 * @param value {@code value[leg][step]}: that position at its last close and the FX rate of the
 *     time, in the base currency (signed); over {@code equity[step]} it is the symbol's weight
 * @param fills every execution, in order
 * @param trades closed round trips, in exit order
 * @param openTrades positions still open after their symbol's last bar, valued at its last close
 * @param contribution per leg, its pnl in the base currency: what it paid and received (costs,
 *     funding, borrow fees and its share of the interest included, each at the FX rate of its
 *     moment) plus its final position at its last close and the last FX rate; the contributions add
 *     up to {@code finalEquity - initialCapital}, less any interest charged while nothing was held
 * @param finalValue per leg, its final position at its last close and the last FX rate, in the base
 *     currency (signed: negative when short)
 * @param tradedValue the sum of |traded value| of every fill, in the base currency
 * @param turnover {@code tradedValue / mean equity}
 * @param annualTurnover {@code turnover} per year of the run's calendar time (NaN over no time)
 * @param rejectedOrders signal entries skipped because the cash did not afford one quantity step
 * @param commissions commissions and taxes of all fills, in the base currency
 * @param notes what the run did unasked (weights or buys scaled down), at most {@value
 *     PortfolioBacktest#MAX_NOTES}
 * @param notesOmitted notes beyond that bound, counted but not kept
 * @param liquidations every liquidation of the account, in order (each is also a note)
 * @param metrics the statistics of docs/METRICS.md over the portfolio's equity; buy-and-hold is an
 *     equal-weight buy and hold of the legs
 */
public record PortfolioResult(
    List<String> symbols,
    long[] times,
    double[] equity,
    double[] cash,
    double[][] quantity,
    double[][] value,
    List<PortfolioFill> fills,
    List<PortfolioTrade> trades,
    List<PortfolioTrade> openTrades,
    double[] contribution,
    double[] finalValue,
    double tradedValue,
    double turnover,
    double annualTurnover,
    int rejectedOrders,
    double commissions,
    List<PortfolioNote> notes,
    int notesOmitted,
    List<Liquidation> liquidations,
    PerformanceMetrics metrics) {

  public double finalEquity() {
    return equity[equity.length - 1];
  }
}
