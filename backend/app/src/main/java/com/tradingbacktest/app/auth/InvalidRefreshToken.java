package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

class InvalidRefreshToken extends DomainException {
  InvalidRefreshToken(String why) {
    super(ProblemKind.UNAUTHORIZED, "invalid-refresh-token", List.of(why));
  }
}
