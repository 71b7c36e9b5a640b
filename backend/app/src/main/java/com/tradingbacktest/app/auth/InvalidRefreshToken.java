package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

class InvalidRefreshToken extends DomainException {
  InvalidRefreshToken(String why) {
    super(ProblemKind.UNAUTHORIZED, "invalid-refresh-token", why + " Sign in again.");
  }
}
