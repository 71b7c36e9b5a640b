package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

/** A rotated refresh token came back: someone holds a copy, so the whole session was ended. */
class RefreshTokenReused extends DomainException {
  RefreshTokenReused() {
    super(ProblemKind.UNAUTHORIZED, "refresh-token-reused", List.of());
  }
}
