package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

class CsrfTokenMismatch extends DomainException {
  CsrfTokenMismatch() {
    super(ProblemKind.FORBIDDEN, "csrf-token-invalid", List.of());
  }
}
