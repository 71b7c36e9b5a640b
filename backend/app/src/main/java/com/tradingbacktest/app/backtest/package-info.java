/**
 * Backtest runs and parameter optimisations, from request to stored result. This top-level package
 * is the feature's API for other features (the stored results that analytics reads) and the types
 * its sub-packages share (run settings, status, the job queue, the settings record); {@code run}
 * takes one run from request to result, {@code optimize} sweeps a parameter grid in slices, and
 * {@code events} carries state changes between processes.
 */
package com.tradingbacktest.app.backtest;
