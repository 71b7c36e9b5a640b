package com.tradingbacktest.app.backtest.run;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of a run's name, notes and tags (columns of {@code backtests}, V23). */
@Repository
class RunDocumentRepository {

  private final JdbcClient jdbc;

  RunDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<RunDocument> find(UUID id, UUID userId) {
    return jdbc.sql("select name, notes, tags from backtests where id = ? and user_id = ?")
        .params(id, userId)
        .query(RunDocumentRepository::map)
        .optional();
  }

  /** The documents of {@code ids} among {@code userId}'s runs, by run. */
  Map<UUID, RunDocument> findAll(Collection<UUID> ids, UUID userId) {
    Map<UUID, RunDocument> documents = new HashMap<>();
    if (ids.isEmpty()) {
      return documents;
    }
    jdbc.sql(
            "select id, name, notes, tags from backtests where user_id = ? and id = any(cast(? as uuid[]))")
        .params(userId, ids.stream().map(UUID::toString).toArray(String[]::new))
        .query(
            (ResultSet rs) -> {
              documents.put(
                  rs.getObject(1, UUID.class),
                  new RunDocument(rs.getString(2), rs.getString(3), tags(rs.getArray(4))));
            });
    return documents;
  }

  /**
   * Writes the given parts of {@code userId}'s run {@code id}; a null part stays as it is.
   *
   * @return false when the run is not theirs or gone
   */
  boolean update(UUID id, UUID userId, String name, String notes, List<String> tags) {
    return jdbc.sql(
                "update backtests set name = coalesce(cast(? as text), name),"
                    + " notes = coalesce(cast(? as text), notes), tags = coalesce(cast(? as text[]), tags)"
                    + " where id = ? and user_id = ?")
            .params(name, notes, tags == null ? null : tags.toArray(new String[0]), id, userId)
            .update()
        > 0;
  }

  private static RunDocument map(ResultSet rs, int n) throws SQLException {
    return new RunDocument(rs.getString(1), rs.getString(2), tags(rs.getArray(3)));
  }

  private static List<String> tags(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
