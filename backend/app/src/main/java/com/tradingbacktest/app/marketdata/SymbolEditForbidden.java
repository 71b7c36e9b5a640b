package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

/** Someone who is not an administrator asked to change a symbol's description. */
final class SymbolEditForbidden extends DomainException {

  SymbolEditForbidden() {
    super(ProblemKind.FORBIDDEN, "symbol-edit-forbidden", List.of());
  }
}
