/**
 * One backtest run: the endpoints, request checks and settings resolution, the stored row and its
 * state changes, the JobRunr job and the worker's runner, the reaper of runs whose worker died, and
 * the server-sent event stream a browser follows.
 */
package com.tradingbacktest.app.backtest.run;
