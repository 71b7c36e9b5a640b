package com.tradingbacktest.engine.metrics;

import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.MarketCalendar;
import com.tradingbacktest.engine.sim.Trade;
import java.time.ZoneId;
import java.util.List;

/**
 * What the metrics are computed from: one value per bar for equity (marked at the close), the bars'
 * closes (for buy-and-hold) and whether a position was open at that close, plus the closed trades.
 *
 * @param times bar open times, epoch ms, ascending
 * @param equity cash plus position value at each bar's close
 * @param close the bars' closing prices
 * @param inMarket true where a position was open at the bar's close
 * @param trades closed round trips, in exit order
 * @param commissions total commissions and taxes paid
 * @param initialCapital the starting cash (> 0)
 * @param calendar stocks or crypto: annualisation
 * @param interval the bar interval: annualisation
 * @param zone the market's time zone: months and years are counted in it
 * @param riskFreeRate annual risk-free rate as a fraction (0.03 = 3%)
 */
public record MetricsInput(
    long[] times,
    double[] equity,
    double[] close,
    boolean[] inMarket,
    List<Trade> trades,
    double commissions,
    double initialCapital,
    MarketCalendar calendar,
    Interval interval,
    ZoneId zone,
    double riskFreeRate) {}
