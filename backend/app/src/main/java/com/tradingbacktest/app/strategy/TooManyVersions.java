package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

/** A save would make a version past the most a strategy keeps. */
class TooManyVersions extends DomainException {

  TooManyVersions(int max) {
    super(
        ProblemKind.CONFLICT,
        "too-many-versions",
        "The strategy already keeps "
            + max
            + " versions, the most it may; copy it into a new strategy to go on editing");
  }
}
