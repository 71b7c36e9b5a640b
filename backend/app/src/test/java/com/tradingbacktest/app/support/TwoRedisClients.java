package com.tradingbacktest.app.support;

import com.tradingbacktest.app.common.redis.SharedRedis;
import java.time.Duration;

/**
 * Two instances of the app, played by two clients of one real redis-server ({@link TestRedis}),
 * each retrying a lost connection every 200 ms. Closing closes both clients, then the server.
 */
public final class TwoRedisClients implements AutoCloseable {

  public final TestRedis server;
  public final SharedRedis ofA;
  public final SharedRedis ofB;

  private TwoRedisClients(TestRedis server) {
    this.server = server;
    this.ofA = server.connect(Duration.ofMillis(200));
    this.ofB = server.connect(Duration.ofMillis(200));
  }

  public static TwoRedisClients started() {
    return new TwoRedisClients(TestRedis.started());
  }

  @Override
  public void close() {
    ofA.close();
    ofB.close();
    server.close();
  }
}
