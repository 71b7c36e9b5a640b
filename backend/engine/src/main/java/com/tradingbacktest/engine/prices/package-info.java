/**
 * Prices a long-term investor can trust: the {@link com.tradingbacktest.engine.prices.PriceBasis}
 * bars are stored in, {@link com.tradingbacktest.engine.prices.CorporateActions} (splits, cash
 * dividends, trading halts) kept as data beside them, and {@link
 * com.tradingbacktest.engine.prices.PriceAdjuster}, which turns stored bars into raw,
 * split-adjusted or total-return prices at read time with the dividends and halts as {@link
 * com.tradingbacktest.engine.series.BarEvents}. Also where actions come from when no one lists
 * them: an actions CSV ({@link com.tradingbacktest.engine.prices.ActionsCsv}), an {@code Adj Close}
 * column ({@link com.tradingbacktest.engine.prices.AdjustedCloseActions}), and a jump that looks
 * like a split nobody recorded ({@link com.tradingbacktest.engine.prices.SplitDetector}).
 */
package com.tradingbacktest.engine.prices;
