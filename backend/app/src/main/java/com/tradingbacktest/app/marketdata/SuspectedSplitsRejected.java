package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.engine.prices.SuspectedSplit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A bar CSV with likely splits that no known split explains, imported with {@code
 * reject_on_suspected_split=true}: nothing was stored.
 */
final class SuspectedSplitsRejected extends DomainException {

  private final transient List<SuspectedSplit> suspects;

  SuspectedSplitsRejected(List<SuspectedSplit> suspects) {
    super(
        ProblemKind.UNPROCESSABLE,
        "suspected-split",
        "The prices jump by a whole ratio on "
            + suspects.stream()
                .limit(10)
                .map(s -> s.date() + " (" + ratio(s.ratio()) + ")")
                .collect(Collectors.joining(", "))
            + (suspects.size() > 10 ? " and " + (suspects.size() - 10) + " more days" : "")
            + ", which looks like a split no action explains, so nothing was imported. Import the"
            + " splits as actions first (POST /api/v1/data/actions/import), or import without"
            + " reject_on_suspected_split.");
    this.suspects = List.copyOf(suspects.subList(0, Math.min(100, suspects.size())));
  }

  private static String ratio(double r) {
    return r >= 1 ? Math.round(r) + ":1" : "1:" + Math.round(1 / r);
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of(
        "suspected_splits",
        suspects.stream()
            .map(
                s ->
                    Map.<String, Object>of(
                        "date", s.date().toString(),
                        "ratio", s.ratio(),
                        "price_ratio", s.priceRatio()))
            .toList());
  }
}
