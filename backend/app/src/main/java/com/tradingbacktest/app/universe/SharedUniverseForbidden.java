package com.tradingbacktest.app.universe;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

/**
 * Someone who is not an administrator tried to create, change or delete a shared universe. A shared
 * universe is readable by all, so saying it exists leaks nothing (unlike someone else's own
 * universe, which is a 404).
 */
final class SharedUniverseForbidden extends DomainException {

  SharedUniverseForbidden() {
    super(ProblemKind.FORBIDDEN, "shared-universe-forbidden", List.of());
  }
}
