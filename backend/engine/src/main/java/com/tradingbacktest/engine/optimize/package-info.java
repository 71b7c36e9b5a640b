/**
 * Parameter optimisation: grids over a strategy's declared parameters, objectives and constraints
 * on the metrics, and the sequential grid search that runs one slice of a grid and ranks the
 * results.
 */
package com.tradingbacktest.engine.optimize;
