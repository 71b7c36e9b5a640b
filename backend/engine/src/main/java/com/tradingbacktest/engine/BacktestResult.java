package com.tradingbacktest.engine;

import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import com.tradingbacktest.engine.sim.Simulation;

/** A finished backtest: what happened bar by bar, and the statistics of docs/METRICS.md. */
public record BacktestResult(Simulation simulation, PerformanceMetrics metrics) {}
