package com.tradingbacktest.app.common.error;

import java.util.List;

/**
 * The resource does not exist or belongs to someone else; the two are deliberately
 * indistinguishable so ids of other users' resources leak nothing.
 */
public class NotFoundException extends DomainException {

  public NotFoundException(String what) {
    super(ProblemKind.NOT_FOUND, "not-found", List.of(what));
  }
}
