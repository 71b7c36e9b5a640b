package com.tradingbacktest.engine.sim;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Fees on sells whose rates change by date, such as the US SEC Section 31 fee (a rate per dollar of
 * sale value) and the FINRA Trading Activity Fee (per share, capped per trade). Each fill pays the
 * rates of the last row that took effect on or before the fill's own date, in the schedule's zone;
 * a fill before the first row pays nothing.
 *
 * <p>Immutable; {@link #feeOn} allocates nothing, so it can run per fill.
 */
public final class SellFeeSchedule {

  /** Most rows a schedule may have (a bound for schedules that come from outside). */
  public static final int MAX_ROWS = 200;

  private static final SellFeeSchedule NONE = new SellFeeSchedule(ZoneId.of("UTC"), List.of());

  private final ZoneId zone;
  private final List<Row> rows;
  private final long[] starts;

  /**
   * One period of rates.
   *
   * @param from the first date the rates apply to, in the schedule's zone
   * @param valueRate fraction of the sale value (27.80 dollars per million = 0.0000278)
   * @param perShare cash per unit sold
   * @param perShareCap the most the per-share part of one fill can cost, in cash; {@code
   *     Double.POSITIVE_INFINITY} for no cap
   */
  public record Row(LocalDate from, double valueRate, double perShare, double perShareCap) {

    public Row {
      if (from == null) {
        throw new IllegalArgumentException("a fee row needs the date it takes effect");
      }
      if (!Double.isFinite(valueRate) || valueRate < 0 || valueRate >= 0.01) {
        throw new IllegalArgumentException(
            "a sell fee rate must be a fraction in [0, 0.01), got " + valueRate);
      }
      if (!Double.isFinite(perShare) || perShare < 0) {
        throw new IllegalArgumentException(
            "a per-share fee must be a finite number >= 0, got " + perShare);
      }
      if (Double.isNaN(perShareCap) || perShareCap < 0) {
        throw new IllegalArgumentException("a fee cap must be >= 0, got " + perShareCap);
      }
    }
  }

  private SellFeeSchedule(ZoneId zone, List<Row> rows) {
    this.zone = zone;
    this.rows = rows;
    this.starts = new long[rows.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = rows.get(i).from().atStartOfDay(zone).toInstant().toEpochMilli();
    }
  }

  /** No dated fees. */
  public static SellFeeSchedule none() {
    return NONE;
  }

  /**
   * A schedule from its rows, sorted by date here.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_ROWS} rows or two rows of one date
   */
  public static SellFeeSchedule of(ZoneId zone, List<Row> rows) {
    if (rows.size() > MAX_ROWS) {
      throw new IllegalArgumentException("a fee schedule has at most " + MAX_ROWS + " rows");
    }
    Row[] sorted = rows.toArray(Row[]::new);
    Arrays.sort(sorted, Comparator.comparing(Row::from));
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i].from().equals(sorted[i - 1].from())) {
        throw new IllegalArgumentException("two fee rows take effect on " + sorted[i].from());
      }
    }
    return sorted.length == 0 ? NONE : new SellFeeSchedule(zone, List.of(sorted));
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The rows, oldest first. */
  public List<Row> rows() {
    return rows;
  }

  /** The row in effect at {@code time} (epoch milliseconds), or null before the first row. */
  public Row rowAt(long time) {
    int i = Arrays.binarySearch(starts, time);
    int index = i >= 0 ? i : -i - 2;
    return index < 0 ? null : rows.get(index);
  }

  /**
   * The fees of one sell fill: {@code valueRate x value + min(perShare x quantity, perShareCap)} of
   * the row in effect at {@code time}; 0 before the first row.
   *
   * @param value the sale value in cash (> 0)
   * @param quantity units sold (> 0)
   * @param time the fill's time, epoch milliseconds
   */
  public double feeOn(double value, double quantity, long time) {
    Row row = rowAt(time);
    if (row == null) {
      return 0;
    }
    return row.valueRate() * value + Math.min(row.perShare() * quantity, row.perShareCap());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SellFeeSchedule s && zone.equals(s.zone) && rows.equals(s.rows);
  }

  @Override
  public int hashCode() {
    return zone.hashCode() * 31 + rows.hashCode();
  }

  @Override
  public String toString() {
    return "SellFeeSchedule" + rows;
  }
}
