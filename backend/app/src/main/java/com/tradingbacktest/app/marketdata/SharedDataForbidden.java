package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

/** A user who is not an administrator asked to upload into the shared series. */
final class SharedDataForbidden extends DomainException {

  SharedDataForbidden() {
    super(
        ProblemKind.FORBIDDEN,
        "shared-data-forbidden",
        "Only administrators may upload into shared market data; upload without dataset (or with"
            + " dataset=own) to keep the bars as your own.");
  }
}
