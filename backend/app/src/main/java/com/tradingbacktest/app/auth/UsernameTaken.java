package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

class UsernameTaken extends DomainException {
  UsernameTaken() {
    super(ProblemKind.CONFLICT, "username-taken", List.of());
  }
}
