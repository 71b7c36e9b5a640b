/**
 * Robustness of a result: walk-forward optimisation and out-of-sample checks, the overfitting
 * statistics of an optimisation (Deflated Sharpe Ratio, Probability of Backtest Overfitting,
 * parameter plateau) and Monte Carlo resampling of a run. docs/ROBUSTNESS.md gives every formula.
 */
package com.tradingbacktest.engine.robust;
