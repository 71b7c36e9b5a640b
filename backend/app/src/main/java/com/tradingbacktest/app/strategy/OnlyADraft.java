package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

/** The draft is all the strategy has: discarding it would leave nothing. */
class OnlyADraft extends DomainException {

  OnlyADraft() {
    super(
        ProblemKind.CONFLICT,
        "strategy-only-a-draft",
        "The draft is all the strategy has; delete the strategy instead");
  }
}
