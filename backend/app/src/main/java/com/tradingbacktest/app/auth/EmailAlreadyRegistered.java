package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

class EmailAlreadyRegistered extends DomainException {
  EmailAlreadyRegistered() {
    super(ProblemKind.CONFLICT, "email-taken", "An account with this email already exists.");
  }
}
