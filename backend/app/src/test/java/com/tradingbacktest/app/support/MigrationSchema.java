package com.tradingbacktest.app.support;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A schema of its own in the test database, migrated to a chosen version, filled as a database of
 * that version would be, then migrated on: for tests of what a migration does to stored data.
 * {@link #drop} it after the test.
 */
public final class MigrationSchema {

  private final String name = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate transaction;

  public MigrationSchema(
      DataSource dataSource,
      JdbcClient jdbc,
      JdbcTemplate template,
      TransactionTemplate transaction) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.template = template;
    this.transaction = transaction;
  }

  /** Migrates to {@code version} ("6"), or to the latest when it is null. */
  public void migrate(String version) {
    var config =
        Flyway.configure().dataSource(dataSource).schemas(name).locations("classpath:db/migration");
    if (version != null) {
      config.target(version);
    }
    config.load().migrate();
  }

  /** Statements run with the schema first on the search path (set locally: pooled connection). */
  public void execute(String... statements) {
    transaction.executeWithoutResult(
        tx -> {
          jdbc.sql("set local search_path to " + name).update();
          for (String statement : statements) {
            template.execute(statement);
          }
        });
  }

  /** The first column of every row a query answers, as text. */
  public List<String> rows(String query) {
    return transaction.execute(
        tx -> {
          jdbc.sql("set local search_path to " + name).update();
          return jdbc.sql(query).query(String.class).list();
        });
  }

  /** The one value a query answers. */
  public String single(String query) {
    List<String> rows = rows(query);
    if (rows.size() != 1) {
      throw new AssertionError(query + " answered " + rows.size() + " rows: " + rows);
    }
    return rows.get(0);
  }

  public void drop() {
    jdbc.sql("drop schema if exists " + name + " cascade").update();
  }
}
