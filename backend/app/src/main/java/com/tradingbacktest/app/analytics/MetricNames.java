package com.tradingbacktest.app.analytics;

import com.tradingbacktest.engine.metrics.BenchmarkStats;
import com.tradingbacktest.engine.metrics.PerformanceMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The order of docs/METRICS.md. Stored results lose it (PostgreSQL's jsonb keeps keys sorted its
 * own way), so it is read from the engine: {@code PerformanceMetrics.toMap()} lists the record's
 * scalar components in their declared order, under their snake_case names.
 */
final class MetricNames {

  static final List<String> ORDER =
      Arrays.stream(PerformanceMetrics.class.getRecordComponents())
          .filter(c -> c.getType().isPrimitive())
          .map(c -> c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
          .toList();

  /**
   * {@link #ORDER}, then the metrics of a run with a benchmark (docs/METRICS.md, "Benchmark"),
   * which only such runs have.
   */
  static final List<String> KNOWN =
      Stream.concat(ORDER.stream(), BenchmarkStats.NAMES.stream()).toList();

  private MetricNames() {}

  /**
   * The metrics in {@link #KNOWN} order, then any name it does not know, alphabetically; null stays
   * null.
   */
  static Map<String, Number> ordered(Map<String, ?> metrics) {
    if (metrics == null) {
      return null;
    }
    Map<String, Number> ordered = new LinkedHashMap<>();
    for (String name : names(List.of(metrics))) {
      ordered.put(name, metrics.get(name) instanceof Number n ? n : null);
    }
    return ordered;
  }

  /** Every metric name of these maps (nulls skipped), in {@link #KNOWN} and then alphabetically. */
  static List<String> names(List<? extends Map<String, ?>> metrics) {
    TreeSet<String> present = new TreeSet<>();
    metrics.stream().filter(Objects::nonNull).forEach(m -> present.addAll(m.keySet()));
    List<String> names = new ArrayList<>();
    for (String name : KNOWN) {
      if (present.remove(name)) {
        names.add(name);
      }
    }
    names.addAll(present);
    return names;
  }
}
