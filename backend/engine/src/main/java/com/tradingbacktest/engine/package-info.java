/**
 * The backtesting engine: columnar bar series, indicators, order simulation, portfolio and metrics.
 * Pure Java: it must never depend on Spring, JPA or the database (an ArchUnit test in the app holds
 * this).
 */
package com.tradingbacktest.engine;
