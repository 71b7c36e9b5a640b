/**
 * Walk-forward optimisation: a parameter grid searched on each window's train part and the best
 * feasible combination traded on the test part after it, capital carried from window to window,
 * fanned out as one job per (window, slice of the grid) and finished by one job that tests and
 * stitches the windows.
 */
package com.tradingbacktest.app.backtest.walkforward;
