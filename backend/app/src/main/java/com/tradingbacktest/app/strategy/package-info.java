/**
 * Strategies: code in the strategy language (engine {@code lang}), stored per user, optionally
 * shared read-only with everyone ({@code is_public}); compiled on every save so only working code
 * is stored; validation, templates and the language catalogue for the editor. Other features read
 * strategies only through {@link com.tradingbacktest.app.strategy.StrategyLookup}.
 */
package com.tradingbacktest.app.strategy;
