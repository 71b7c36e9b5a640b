/**
 * State changes of runs as events between processes: the row's update NOTIFYs on one PostgreSQL
 * channel, and every process LISTENs and hands each event to its local subscribers (streams to
 * browsers, a worker watching for its run's cancellation).
 */
package com.tradingbacktest.app.backtest.events;
