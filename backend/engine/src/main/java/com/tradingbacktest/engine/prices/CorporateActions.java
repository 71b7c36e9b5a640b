package com.tradingbacktest.engine.prices;

import java.util.Comparator;
import java.util.List;

/** A series' corporate actions, sorted by date. */
public record CorporateActions(List<CorporateAction> actions) {

  public static final CorporateActions NONE = new CorporateActions(List.of());

  public CorporateActions {
    actions = actions.stream().sorted(Comparator.comparing(CorporateAction::date)).toList();
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }
}
