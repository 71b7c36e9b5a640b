package com.tradingbacktest.app.backtest.optimize;

/** An equity curve and the times it was marked at (epoch ms), as long as each other. */
record TimedEquity(long[] times, double[] equity) {}
