/**
 * The rules of a market beyond costs (docs/ENGINE.md, "KRX rules"): the Korea Exchange's dated tick
 * table by board ({@link com.tradingbacktest.engine.market.KrxTickTable}), its daily price limits
 * ({@link com.tradingbacktest.engine.market.KrxPriceLimits}), and the switch a run carries ({@link
 * com.tradingbacktest.engine.market.MarketRules}). Pure functions of a board, a date and a price;
 * the portfolio run applies them.
 */
package com.tradingbacktest.engine.market;
