/**
 * Price bases and corporate actions: splits, cash dividends and trading halts of a series, and the
 * adjustment of its prices at read time.
 */
package com.tradingbacktest.engine.prices;
