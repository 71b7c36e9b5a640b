package com.tradingbacktest.app.common.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradingbacktest.app.support.TestRedis;
import com.tradingbacktest.app.support.TwoRedisClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * Two instances of the app, played by two clients of one real redis-server, each with its own
 * caches; the "database" is a map whose reads are counted.
 */
class CachesTests {

  private static final TypeReference<List<Entry>> TYPE = new TypeReference<>() {};

  private final Map<String, List<Entry>> database = new HashMap<>();
  private final AtomicInteger loads = new AtomicInteger();
  private TwoRedisClients redis;
  private SharedCache<List<Entry>> a;
  private SharedCache<List<Entry>> b;

  /** A value with the kinds of fields the app caches. */
  record Entry(String name, Instant at, java.math.BigDecimal size) {}

  @BeforeEach
  void start() {
    redis = TwoRedisClients.started();
    a =
        new Caches(TestRedis.provider(redis.ofA))
            .create("things", TYPE, Duration.ofMinutes(5), 100);
    b =
        new Caches(TestRedis.provider(redis.ofB))
            .create("things", TYPE, Duration.ofMinutes(5), 100);
    database.put(
        "x",
        List.of(
            new Entry(
                "x",
                Instant.parse("2024-01-02T14:30:00.123456Z"),
                new java.math.BigDecimal("1E-8"))));
    database.put("y", List.of());
  }

  @AfterEach
  void stop() {
    redis.close();
  }

  @Test
  void anEntryLoadedByOneInstanceIsReadByAnother() {
    List<Entry> loadedByA = a.get("x", () -> load("x"));
    List<Entry> readByB = b.get("x", () -> load("x"));

    assertThat(readByB).isEqualTo(loadedByA).isEqualTo(database.get("x"));
    assertThat(loads).hasValue(1);
    assertThat(redis.server.<Long>inspect(c -> c.pttl("tb:cache:things:x")))
        .isBetween(1L, 300_000L);
  }

  @Test
  void anEvictionByOneInstanceReachesTheOther() {
    a.get("x", () -> load("x"));
    database.put("x", List.of());

    b.evict("x");

    assertThat(a.get("x", () -> load("x"))).isEmpty();
    assertThat(loads).hasValue(2);
  }

  @Test
  void absentValuesAreNotCached() {
    assertThat(a.get("nothing", () -> load("nothing"))).isNull();
    database.put("nothing", List.of());

    assertThat(b.get("nothing", () -> load("nothing"))).isEmpty();
  }

  @Test
  void severalKeysAreReadTogetherAndOnlyTheMissingOnesLoadedInOneCall() {
    a.get("x", () -> load("x"));
    List<Set<String>> asked = new ArrayList<>();

    Map<String, List<Entry>> found =
        b.getAll(
            List.of("x", "y", "unknown"),
            missing -> {
              asked.add(missing);
              Map<String, List<Entry>> loaded = new HashMap<>();
              missing.forEach(
                  key -> {
                    if (database.containsKey(key)) {
                      loaded.put(key, database.get(key));
                    }
                  });
              return loaded;
            });

    assertThat(asked).containsExactly(Set.of("y", "unknown"));
    assertThat(found).containsOnlyKeys("x", "y");
    assertThat(a.get("y", () -> load("y"))).isEmpty();
    assertThat(loads).hasValue(1);
  }

  @Test
  void anUnreadableEntryCountsAsAMiss() {
    redis.server.inspect(c -> c.set("tb:cache:things:x", "{\"written by\": \"another version\"}"));

    assertThat(a.get("x", () -> load("x"))).isEqualTo(database.get("x"));
    assertThat(b.get("x", () -> load("x"))).isEqualTo(database.get("x"));
    assertThat(loads).hasValue(1);
  }

  @Test
  void whileRedisIsAwayEachInstanceCachesLocallyAndForgetsThatWhenRedisIsBack() {
    a.get("x", () -> load("x"));
    redis.server.stop();

    a.get("y", () -> load("y"));
    a.get("y", () -> load("y"));
    assertThat(loads).as("y is held locally while Redis is away").hasValue(2);
    database.put("y", List.of(new Entry("y", Instant.EPOCH, java.math.BigDecimal.ONE)));
    redis.server.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> a.get("y", () -> load("y")).size() == 1);
    assertThat(redis.server.<String>inspect(c -> c.get("tb:cache:things:y")))
        .contains("\"name\":\"y\"");
  }

  @Test
  void anEvictionThatMissedRedisClearsTheWholeCacheThereOnceRedisIsBack() {
    a.get("x", () -> load("x"));
    a.get("y", () -> load("y"));
    redis.server.stop();
    database.put("x", List.of());
    a.evict("x"); // cannot reach Redis, which comes back with the old entry (it keeps its data)
    redis.server.start();
    assertThat(redis.server.<String>inspect(c -> c.get("tb:cache:things:x"))).isNotNull();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              a.get("z", () -> null); // any use of Redis by A, once it answers again
              return redis.ofA.available();
            });

    assertThat(redis.server.<Long>inspect(c -> c.exists("tb:cache:things:x", "tb:cache:things:y")))
        .isZero();
    assertThat(b.get("x", () -> load("x"))).isEmpty();
  }

  @Test
  void withoutRedisTheCacheIsLocal() {
    SharedCache<List<Entry>> local =
        new Caches(TestRedis.provider(null)).create("things", TYPE, Duration.ofMinutes(5), 100);

    local.get("x", () -> load("x"));
    local.get("x", () -> load("x"));
    database.put("x", List.of());
    local.evict("x");

    assertThat(local.get("x", () -> load("x"))).isEmpty();
    assertThat(loads).hasValue(2);
    assertThat(redis.server.<List<String>>inspect(c -> c.keys("*"))).isEmpty();
  }

  private List<Entry> load(String key) {
    loads.incrementAndGet();
    return database.get(key);
  }
}
