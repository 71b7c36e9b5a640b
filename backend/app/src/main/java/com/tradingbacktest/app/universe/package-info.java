/**
 * Saved universes: named, ordered lists of tickers (1-500) a portfolio run trades, kept per user,
 * plus shared ones everyone reads and only administrators change. Which symbols have no data the
 * caller can read is answered with each universe rather than refused, so a universe can be defined
 * before its data is loaded. Other features read universes only through {@link
 * com.tradingbacktest.app.universe.UniverseLookup}.
 */
package com.tradingbacktest.app.universe;
