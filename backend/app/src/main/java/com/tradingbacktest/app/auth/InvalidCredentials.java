package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

/** Deliberately the same for an unknown account and a wrong password. */
class InvalidCredentials extends DomainException {
  InvalidCredentials() {
    super(ProblemKind.UNAUTHORIZED, "invalid-credentials", List.of());
  }
}
