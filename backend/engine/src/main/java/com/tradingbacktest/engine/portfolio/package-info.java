/**
 * Portfolio backtests: one account trading many symbols, with shared cash, a position per symbol,
 * rebalancing to target weights, and conversion of foreign-currency symbols into the base currency.
 */
package com.tradingbacktest.engine.portfolio;
