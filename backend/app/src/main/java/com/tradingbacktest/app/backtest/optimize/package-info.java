/**
 * Parameter optimisation: a grid of combinations split into slices, one idempotent JobRunr job per
 * slice on any worker; each combination's metrics and score are stored as its slice finishes, and
 * the last slice completes the optimisation and queues its finish step: the overfitting statistics
 * from every combination's return blocks and, when the last bars were held out, the top
 * combinations traded on them.
 */
package com.tradingbacktest.app.backtest.optimize;
