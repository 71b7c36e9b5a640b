package com.tradingbacktest.app.common;

import java.util.Locale;

/**
 * What one process of the jar does (docs/ARCHITECTURE.md, "Scaling out"): serve the API, run queued
 * jobs, or both. Chosen with {@code --mode=api|worker|all} or the {@code APP_MODE} variable; {@code
 * all} by default, so {@code make run} is one self-contained process.
 */
public enum RunMode {
  /** The HTTP API only; jobs it enqueues are run by worker processes sharing the database. */
  API,
  /** Runs queued jobs only; its HTTP port serves health and metrics, the API answers 503. */
  WORKER,
  /** API and worker in one process. */
  ALL;

  public static final String PROPERTY = "tb.mode";

  public boolean servesApi() {
    return this != WORKER;
  }

  public boolean runsJobs() {
    return this != API;
  }

  public static RunMode parse(String value) {
    if (value == null || value.isBlank()) {
      return ALL;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown mode '" + value + "': use api, worker or all", e);
    }
  }
}
