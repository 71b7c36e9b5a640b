package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;

class UsernameTaken extends DomainException {
  UsernameTaken() {
    super(ProblemKind.CONFLICT, "username-taken", "This username is taken; choose another.");
  }
}
