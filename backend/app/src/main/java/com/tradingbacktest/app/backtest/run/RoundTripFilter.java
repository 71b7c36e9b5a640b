package com.tradingbacktest.app.backtest.run;

import java.time.Instant;

/**
 * Which round trips of a run to list; a null component does not filter.
 *
 * @param side long or short
 * @param outcome win (pnl above 0) or loss (pnl below 0); a break-even trade is neither
 * @param from earliest exit time, inclusive
 * @param to latest exit time, inclusive
 * @param symbol a portfolio run's symbol (rows of single-symbol runs have none)
 */
record RoundTripFilter(String side, String outcome, Instant from, Instant to, String symbol) {}
