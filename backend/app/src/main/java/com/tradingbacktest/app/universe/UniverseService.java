package com.tradingbacktest.app.universe;

import com.tradingbacktest.app.auth.Administrators;
import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.persistence.LikePatterns;
import com.tradingbacktest.app.common.web.PageResponse;
import com.tradingbacktest.app.marketdata.MarketDataService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Universes and who may do what with them: the owner reads, changes and deletes their own; everyone
 * reads the shared ones, which only administrators create, change and delete. Someone else's own
 * universe is "not found", never "forbidden", so it cannot be told apart from a missing one.
 */
@Service
class UniverseService {

  /** Universes one account may keep: each holds up to 500 tickers, so this bounds the storage. */
  static final int MAX_PER_USER = 100;

  private static final String WHAT = "The universe";

  private final UniverseRepository universes;
  private final MarketDataService marketData;
  private final Administrators administrators;
  private final JdbcClient jdbc;
  private final Clock clock;

  UniverseService(
      UniverseRepository universes,
      MarketDataService marketData,
      Administrators administrators,
      JdbcClient jdbc,
      Clock clock) {
    this.universes = universes;
    this.marketData = marketData;
    this.administrators = administrators;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public UniverseResponse create(AuthenticatedUser user, UniverseRequest request) {
    List<String> symbols = UniverseSymbols.normalise(request.symbols());
    UUID ownerId = null;
    if (request.wantsShared()) {
      requireAdmin(user);
    } else {
      lockUser(user.id());
      if (universes.countOwnedBy(user.id()) >= MAX_PER_USER) {
        throw new TooManyUniverses(MAX_PER_USER);
      }
      ownerId = user.id();
    }
    Universe universe =
        universes.save(
            Universe.create(
                ownerId, request.trimmedName(), request.trimmedDescription(), symbols, now()));
    return response(universe, user);
  }

  @Transactional(readOnly = true)
  public UniverseResponse get(AuthenticatedUser user, UUID id) {
    return response(readable(user.id(), id), user);
  }

  @Transactional
  public UniverseResponse update(AuthenticatedUser user, UUID id, UniverseRequest request) {
    Universe universe = changeable(user, id);
    if (request.shared() != null && request.shared() != universe.isShared()) {
      throw new FieldValidationException(
          "shared", "cannot change; create a new universe (or omit the field)");
    }
    List<String> symbols = UniverseSymbols.normalise(request.symbols());
    universe.update(request.trimmedName(), request.trimmedDescription(), symbols, now());
    return response(universes.save(universe), user);
  }

  @Transactional
  public void delete(AuthenticatedUser user, UUID id) {
    universes.delete(changeable(user, id));
  }

  @Transactional(readOnly = true)
  public PageResponse<UniverseSummary> list(
      AuthenticatedUser user, UniverseScope scope, String query, Pageable pageable) {
    String pattern = LikePatterns.contains(query);
    Page<Universe> page =
        switch (scope) {
          case MINE -> universes.findOwnedBy(user.id(), pattern, pageable);
          case SHARED -> universes.findShared(pattern, pageable);
          case ALL -> universes.findOwnedByOrShared(user.id(), pattern, pageable);
        };
    Set<String> tickers = new LinkedHashSet<>();
    page.forEach(universe -> tickers.addAll(universe.symbols()));
    Set<String> withBars = marketData.tickersWithBars(user.id(), tickers);
    boolean admin = page.stream().anyMatch(Universe::isShared) && administrators.isAdmin(user);
    return PageResponse.of(
        page,
        universe ->
            UniverseSummary.of(universe, user.id(), mayChange(universe, user, admin), withBars));
  }

  /** The symbols of a universe {@code userId} may read, for {@link UniverseLookup}. */
  @Transactional(readOnly = true)
  public List<String> symbols(UUID userId, UUID id) {
    return readable(userId, id).symbols();
  }

  private UniverseResponse response(Universe universe, AuthenticatedUser user) {
    boolean admin = universe.isShared() && administrators.isAdmin(user);
    return UniverseResponse.of(
        universe,
        user.id(),
        mayChange(universe, user, admin),
        marketData.tickersWithBars(user.id(), universe.symbols()));
  }

  private static boolean mayChange(Universe universe, AuthenticatedUser user, boolean admin) {
    return universe.isShared() ? admin : universe.isOwnedBy(user.id());
  }

  private Universe readable(UUID userId, UUID id) {
    return universes.findReadable(id, userId).orElseThrow(() -> new NotFoundException(WHAT));
  }

  /** Someone else's own universe is a 404; a shared one a 403 unless the caller administers. */
  private Universe changeable(AuthenticatedUser user, UUID id) {
    Universe universe = readable(user.id(), id);
    if (universe.isShared()) {
      requireAdmin(user);
    }
    return universe;
  }

  private void requireAdmin(AuthenticatedUser user) {
    if (!administrators.isAdmin(user)) {
      throw new SharedUniverseForbidden();
    }
  }

  /** Serialises creation per user for the rest of the transaction, so the count limit holds. */
  private void lockUser(UUID userId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('universes:' || ?))")
        .param(userId.toString())
        .query((rs, n) -> 1)
        .list();
  }

  /** PostgreSQL keeps microseconds: what we answer now is what a later read returns. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
