package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.TradingBacktestApplication;
import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several processes of the jar on one database, as in production: each test class gets an embedded
 * PostgreSQL of its own, starts the processes it needs ({@code --mode=api}, {@code worker}, {@code
 * all}) and has them stopped after each test.
 */
abstract class ProcessesOnOneDatabase {

  static EmbeddedPostgres database;
  private final List<ConfigurableApplicationContext> started = new ArrayList<>();

  @BeforeAll
  static void startDatabase() throws IOException {
    database =
        EmbeddedPostgres.builder()
            .setDataDirectory(IntegrationTest.newDataDir())
            .setCleanDataDirectory(true)
            .start();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @AfterEach
  void stopApps() {
    started.forEach(ConfigurableApplicationContext::close);
    started.clear();
  }

  /** Arguments every process of the test class starts with, before the test's own. */
  abstract List<String> commonArguments();

  /** Starts a process of the jar on the shared database with {@code extra} arguments. */
  ConfigurableApplicationContext start(String... extra) {
    List<String> args = new ArrayList<>(IntegrationTest.sharedDatabaseArgs(database.getPort()));
    args.addAll(commonArguments());
    args.addAll(List.of(extra));
    ConfigurableApplicationContext context =
        SpringApplication.run(TradingBacktestApplication.class, args.toArray(String[]::new));
    started.add(context);
    return context;
  }

  /** Stops one process now (a test that wants it gone before the end). */
  void close(ConfigurableApplicationContext context) {
    started.remove(context);
    context.close();
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  static RunClient client(ConfigurableApplicationContext context, String prefix) {
    return new RunClient(
        new Api("http://localhost:" + port(context), context.getBean(JsonMapper.class)),
        port(context),
        context.getBean(JsonMapper.class),
        prefix);
  }
}
