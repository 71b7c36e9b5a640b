/**
 * Parameter optimisation: a grid of combinations split into slices, one idempotent JobRunr job per
 * slice on any worker; each combination's metrics and score are stored as its slice finishes, and
 * the last slice completes the optimisation.
 */
package com.tradingbacktest.app.backtest.optimize;
