package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

class CsrfTokenMismatch extends DomainException {
  CsrfTokenMismatch() {
    super(
        ProblemKind.FORBIDDEN,
        "csrf-token-invalid",
        "A request authenticated by cookie must send the X-CSRF-Token header matching the tb_csrf cookie.");
  }
}
