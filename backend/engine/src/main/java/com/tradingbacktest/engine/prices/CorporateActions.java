package com.tradingbacktest.engine.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A symbol's corporate actions in date order (splits before dividends before halts on one date),
 * validated: at most one split per ex-date, at most {@link #MAX_ACTIONS} actions.
 */
public record CorporateActions(List<CorporateAction> actions) {

  /** More actions than this is not a listed share's history but a wrong file. */
  public static final int MAX_ACTIONS = 100_000;

  /** No actions: stored prices are what they are. */
  public static final CorporateActions NONE = new CorporateActions(List.of());

  private static final Comparator<CorporateAction> ORDER =
      Comparator.comparing(CorporateAction::date).thenComparingInt(CorporateActions::kindOrder);

  public CorporateActions {
    Objects.requireNonNull(actions, "actions");
    if (actions.size() > MAX_ACTIONS) {
      throw new IllegalArgumentException(
          actions.size() + " corporate actions; at most " + MAX_ACTIONS + " are accepted");
    }
    List<CorporateAction> sorted = new ArrayList<>(actions);
    sorted.forEach(a -> Objects.requireNonNull(a, "action"));
    sorted.sort(ORDER);
    Set<LocalDate> splitDates = new HashSet<>();
    for (CorporateAction action : sorted) {
      if (action instanceof CorporateAction.Split split && !splitDates.add(split.exDate())) {
        throw new IllegalArgumentException(
            "two splits go ex on " + split.exDate() + "; give one split with their product");
      }
    }
    actions = List.copyOf(sorted);
  }

  /** The actions in date order. */
  public static CorporateActions of(CorporateAction... actions) {
    return new CorporateActions(List.of(actions));
  }

  public boolean isEmpty() {
    return actions.isEmpty();
  }

  public List<CorporateAction.Split> splits() {
    return only(CorporateAction.Split.class);
  }

  public List<CorporateAction.CashDividend> dividends() {
    return only(CorporateAction.CashDividend.class);
  }

  public List<CorporateAction.Halt> halts() {
    return only(CorporateAction.Halt.class);
  }

  /** These actions and {@code more}, in date order. */
  public CorporateActions plus(CorporateActions more) {
    if (more.isEmpty()) {
      return this;
    }
    List<CorporateAction> all = new ArrayList<>(actions);
    all.addAll(more.actions);
    return new CorporateActions(all);
  }

  private <T extends CorporateAction> List<T> only(Class<T> kind) {
    List<T> out = new ArrayList<>();
    for (CorporateAction action : actions) {
      if (kind.isInstance(action)) {
        out.add(kind.cast(action));
      }
    }
    return out;
  }

  private static int kindOrder(CorporateAction action) {
    if (action instanceof CorporateAction.Split) {
      return 0;
    }
    return action instanceof CorporateAction.CashDividend ? 1 : 2;
  }
}
