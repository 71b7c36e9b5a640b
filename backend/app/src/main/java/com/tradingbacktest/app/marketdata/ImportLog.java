package com.tradingbacktest.app.marketdata;

import static com.tradingbacktest.app.common.persistence.ResultSets.instant;

import com.tradingbacktest.engine.series.BarCsv;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The data_imports table: who imported what, from where, and how it went. */
@Repository
class ImportLog {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ImportLog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  UUID start(
      UUID userId,
      String kind,
      String source,
      String symbol,
      Dataset dataset,
      String interval,
      Instant from,
      Instant to,
      String fileName) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into data_imports (id, user_id, kind, source, symbol, dataset, interval, range_start, range_end,"
                + " file_name, status, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', now())")
        .params(
            id, userId, kind, source, symbol, dataset.code(), interval, ts(from), ts(to), fileName)
        .update();
    return id;
  }

  /** Logs a fetch that waits in the job queue ({@code pending}, not started). */
  UUID queue(
      UUID userId,
      String kind,
      String source,
      String symbol,
      String interval,
      Instant from,
      Instant to) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into data_imports (id, user_id, kind, source, symbol, interval, range_start, range_end,"
                + " status) values (?, ?, ?, ?, ?, ?, ?, ?, 'pending')")
        .params(id, userId, kind, source, symbol, interval, ts(from), ts(to))
        .update();
    return id;
  }

  /** What a queued fetch is to fetch. */
  record Claimed(String source, String symbol, String interval, Instant from, Instant to) {}

  /**
   * Marks a queued fetch running and says what it is; empty when it has ended (or is gone). A fetch
   * that is running already is claimed again: its worker died, and the rerun fetches only what is
   * missing.
   */
  Optional<Claimed> claim(UUID id) {
    return jdbc.sql(
            "update data_imports set status = 'running', started_at = coalesce(started_at, now())"
                + " where id = ? and status in ('pending', 'running') and range_start is not null"
                + " returning source, symbol, interval, range_start, range_end")
        .param(id)
        .query(
            (rs, row) ->
                new Claimed(
                    rs.getString("source"),
                    rs.getString("symbol"),
                    rs.getString("interval"),
                    instant(rs, "range_start"),
                    instant(rs, "range_end")))
        .optional();
  }

  void progress(UUID id, int percent) {
    jdbc.sql("update data_imports set progress = ? where id = ? and status = 'running'")
        .params(percent, id)
        .update();
  }

  void finish(
      UUID id,
      String status,
      int read,
      int inserted,
      int updated,
      int skipped,
      List<BarCsv.Problem> problems,
      String error) {
    String problemsJson =
        problems == null || problems.isEmpty()
            ? null
            : json.writeValueAsString(
                problems.stream()
                    .map(
                        p -> java.util.Map.of("line", p.line(), "reason", Printable.of(p.reason())))
                    .toList());
    jdbc.sql(
            "update data_imports set status = ?, progress = case when ? = 'completed' then 100 else progress end,"
                + " rows_read = ?, rows_inserted = ?, rows_updated = ?, rows_skipped = ?, problems = cast(? as jsonb),"
                + " error = ?, finished_at = now() where id = ?")
        .params(
            status, status, read, inserted, updated, skipped, problemsJson, Printable.of(error), id)
        .update();
  }

  /** Ends an import whose bars were stored, with the importer's counts and skipped rows. */
  void completed(UUID id, BarImporter.Outcome outcome) {
    finish(
        id,
        "completed",
        outcome.rowsRead(),
        outcome.inserted(),
        outcome.updated(),
        outcome.skipped(),
        outcome.problems(),
        null);
  }

  /** Ends an import that stored nothing, with why. */
  void failed(UUID id, String error) {
    finish(id, "failed", 0, 0, 0, 0, List.of(), error);
  }

  Optional<ImportView> find(UUID id, UUID userId) {
    return jdbc.sql("select * from data_imports where id = ? and user_id = ?")
        .params(id, userId)
        .query(this::map)
        .optional();
  }

  List<ImportView> recent(UUID userId, int limit) {
    return jdbc.sql("select * from data_imports where user_id = ? order by created_at desc limit ?")
        .params(userId, limit)
        .query(this::map)
        .list();
  }

  private ImportView map(ResultSet rs, int row) throws SQLException {
    String problems = rs.getString("problems");
    List<ImportView.BadRow> bad =
        problems == null
            ? List.of()
            : json.readValue(
                problems,
                json.getTypeFactory().constructCollectionType(List.class, ImportView.BadRow.class));
    return new ImportView(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("source"),
        rs.getString("symbol"),
        rs.getString("dataset"),
        rs.getString("interval"),
        instant(rs, "range_start"),
        instant(rs, "range_end"),
        rs.getString("file_name"),
        rs.getString("status"),
        rs.getInt("progress"),
        rs.getInt("rows_read"),
        rs.getInt("rows_inserted"),
        rs.getInt("rows_updated"),
        rs.getInt("rows_skipped"),
        bad,
        rs.getString("error"),
        instant(rs, "created_at"),
        instant(rs, "finished_at"),
        List.of());
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
