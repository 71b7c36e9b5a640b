/**
 * Monte Carlo analyses of completed runs: the request, its validation and budget, the job that
 * executes the run again and resamples its trades or bar returns ({@code
 * engine.robust.MonteCarlo}), and the stored summaries. Depends on {@code backtest.run} (the run,
 * executed again); nothing depends on it.
 */
package com.tradingbacktest.app.backtest.montecarlo;
