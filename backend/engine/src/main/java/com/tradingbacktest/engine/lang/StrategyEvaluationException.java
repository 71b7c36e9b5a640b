package com.tradingbacktest.engine.lang;

/**
 * A compiled strategy could not run with these parameters or on these bars; the message says why.
 */
public final class StrategyEvaluationException extends IllegalArgumentException {
  public StrategyEvaluationException(String message) {
    super(message);
  }
}
