package com.tradingbacktest.app.analytics;

import java.util.List;

/**
 * Metrics of several runs.
 *
 * @param metricNames every metric name the runs have, in the order of docs/METRICS.md: the rows of
 *     a side-by-side table
 * @param runs in the order asked for
 */
record RunMetricsResponse(List<String> metricNames, List<RunOverview> runs) {}
