package com.tradingbacktest.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Trading Backtest service: API, worker and, without {@code DATABASE_URL}, its own PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TradingBacktestApplication {

  public static void main(String[] args) {
    SpringApplication.run(TradingBacktestApplication.class, args);
  }
}
