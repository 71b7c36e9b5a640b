/**
 * Performance metrics of a finished run: {@link com.tradingbacktest.engine.metrics.Metrics#compute}
 * turns a {@link com.tradingbacktest.engine.metrics.MetricsInput} (per-bar equity, closes and
 * exposure, plus the closed trades) into {@link
 * com.tradingbacktest.engine.metrics.PerformanceMetrics}. Every definition, unit and edge case is
 * in docs/METRICS.md.
 */
package com.tradingbacktest.engine.metrics;
