package com.tradingbacktest.engine.prices;

import java.time.LocalDate;

/**
 * A one-day price jump that looks like a split no action explains.
 *
 * @param date the local date of the bar after the jump (the likely ex-date)
 * @param barIndex that bar's index in the series
 * @param ratio the split it looks like, new shares per old share: 2 for a 2-for-1, 0.1 for a
 *     1-for-10 reverse split
 * @param priceRatio the observed price before over the price after (close before over this bar's
 *     open, or over its close when the open does not show it)
 */
public record SuspectedSplit(LocalDate date, int barIndex, double ratio, double priceRatio) {}
