package com.tradingbacktest.app.universe;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import java.util.List;

/** An account already keeps as many universes as one may. */
final class TooManyUniverses extends DomainException {

  TooManyUniverses(int limit) {
    super(ProblemKind.UNPROCESSABLE, "too-many-universes", List.of(limit));
  }
}
