package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

/** The strategy has only a draft, which does not compile: there is no version to run. */
class StrategyNotRunnable extends DomainException {

  StrategyNotRunnable() {
    super(
        ProblemKind.UNPROCESSABLE,
        "strategy-not-runnable",
        "The strategy has only a draft with errors and cannot run; "
            + "save it without errors first");
  }
}
