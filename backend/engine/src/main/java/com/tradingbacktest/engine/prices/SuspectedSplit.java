package com.tradingbacktest.engine.prices;

import java.time.LocalDate;

/**
 * A one-day price move that looks like a split no known action explains.
 *
 * @param date the day of the bar after the jump (the would-be ex-date), in the series' zone
 * @param barIndex that bar's index
 * @param ratio the whole-number ratio it is near (2 for 2-for-1, 0.5 for a 1-for-2 reverse split)
 * @param priceRatio the previous close over this bar's close
 */
public record SuspectedSplit(LocalDate date, int barIndex, double ratio, double priceRatio) {}
