package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

/** A user who is not an administrator asked to upload into the shared series. */
final class SharedDataForbidden extends DomainException {

  SharedDataForbidden() {
    super(ProblemKind.FORBIDDEN, "shared-data-forbidden", List.of());
  }
}
