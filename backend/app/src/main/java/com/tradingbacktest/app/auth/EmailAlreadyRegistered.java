package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

class EmailAlreadyRegistered extends DomainException {
  EmailAlreadyRegistered() {
    super(ProblemKind.CONFLICT, "email-taken", List.of());
  }
}
