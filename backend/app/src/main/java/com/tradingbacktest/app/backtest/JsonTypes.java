package com.tradingbacktest.app.backtest;

import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** The JSON shapes of the runs' jsonb columns that are read back as plain maps. */
public final class JsonTypes {

  /**
   * Parameter values by name ({@code backtests.parameters}, result parameters) and headline
   * metrics.
   */
  public static final TypeReference<Map<String, Double>> DOUBLES = new TypeReference<>() {};

  /** A metrics map, with nulls and integers as stored. */
  public static final TypeReference<Map<String, Number>> NUMBERS = new TypeReference<>() {};

  private JsonTypes() {}
}
