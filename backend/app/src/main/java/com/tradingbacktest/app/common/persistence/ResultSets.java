package com.tradingbacktest.app.common.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Column values of JDBC rows as the application's types, for the SQL that maps rows by hand. */
public final class ResultSets {

  private ResultSets() {}

  /** A {@code timestamptz} column as an instant; null for SQL NULL. */
  public static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** A {@code timestamptz} column, by name, as an instant; null for SQL NULL. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
