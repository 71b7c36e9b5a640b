package com.tradingbacktest.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Trading Backtest service: API, worker and, without {@code DATABASE_URL}, its own PostgreSQL.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TradingBacktestApplication {

  public static void main(String[] args) {
    SpringApplication.run(TradingBacktestApplication.class, args);
  }
}
