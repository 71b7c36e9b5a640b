/**
 * Analytics (seed section 4.5): metrics of several runs, chart data of one run at any range and
 * resolution (equity, drawdown, return histogram, rolling Sharpe, monthly heatmap) and the
 * comparison of runs on a common time axis, all read from completed runs through {@link
 * com.tradingbacktest.app.backtest.BacktestResults}.
 */
package com.tradingbacktest.app.analytics;
