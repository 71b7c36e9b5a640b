package com.tradingbacktest.app.backtest.run;

import com.tradingbacktest.app.backtest.JsonTypes;
import com.tradingbacktest.app.backtest.RunNotCompleted;
import com.tradingbacktest.app.backtest.RunResult;
import com.tradingbacktest.app.backtest.RunSettings;
import com.tradingbacktest.app.backtest.RunStatus;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.web.PageResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public read-only links to completed runs: the owner creates, reads and revokes a run's link;
 * anyone holding its token reads the run through it, and nothing else of the owner's. An unknown
 * token and a revoked one are the same 404.
 */
@Service
class ShareService {

  /** 192 random bits: well beyond guessing, 32 URL-safe characters. */
  private static final int TOKEN_BYTES = 24;

  private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

  private final BacktestRepository runs;
  private final ShareRepository shares;
  private final RunDocumentRepository documents;
  private final RoundTripService roundTrips;
  private final JsonMapper json;
  private final SecureRandom random = new SecureRandom();

  ShareService(
      BacktestRepository runs,
      ShareRepository shares,
      RunDocumentRepository documents,
      RoundTripService roundTrips,
      JsonMapper json) {
    this.runs = runs;
    this.shares = shares;
    this.documents = documents;
    this.roundTrips = roundTrips;
    this.json = json;
  }

  /**
   * Creates the link of {@code userId}'s completed run {@code id}, or returns its existing one with
   * {@code includeCode} as now chosen (the token stays the same).
   */
  ShareResponse share(UUID userId, UUID id, boolean includeCode) {
    BacktestRow row = runs.findSummary(id, userId).orElseThrow(() -> BacktestService.notFound(id));
    if (row.status() != RunStatus.COMPLETED) {
      throw new RunNotCompleted(id, row.status().code());
    }
    return ShareResponse.of(shares.save(id, newToken(), includeCode));
  }

  /**
   * Revokes the link of {@code userId}'s run {@code id}, if it has one: its token stops working.
   */
  void revoke(UUID userId, UUID id) {
    if (runs.findSummary(id, userId).isEmpty()) {
      throw BacktestService.notFound(id);
    }
    shares.delete(id);
  }

  /** The link of a run its owner is reading; empty when it is not shared. */
  Optional<ShareResponse> linkOf(UUID id) {
    return shares.find(id).map(ShareResponse::of);
  }

  SharedRunResponse sharedRun(String token) {
    ShareRepository.Link link = link(token);
    BacktestRow row =
        runs.find(link.backtestId(), link.ownerId()).orElseThrow(ShareService::notShared);
    RunDocument document =
        documents.find(link.backtestId(), link.ownerId()).orElse(RunDocument.EMPTY);
    int symbolCount = row.symbolCount(json);
    return new SharedRunResponse(
        document.displayName(row.strategyName(), row.symbol(), symbolCount),
        row.strategyName(),
        link.includeCode(),
        link.includeCode() ? row.strategyCode() : null,
        row.symbol(),
        row.isPortfolio()
            ? json.readValue(row.portfolio(), PortfolioSetup.class).tickers()
            : List.of(row.symbol()),
        row.interval(),
        row.startDate(),
        row.endDate(),
        row.initialCapital(),
        json.readValue(row.parameters(), JsonTypes.DOUBLES),
        json.readValue(row.settings(), RunSettings.class),
        row.benchmarkSymbol(),
        row.completedAt(),
        json.readValue(row.result(), RunResult.class));
  }

  PageResponse<RoundTripView> sharedRoundTrips(
      String token, RoundTripService.Query query, int page, int size) {
    ShareRepository.Link link = link(token);
    return roundTrips.page(link.ownerId(), link.backtestId(), query, page, size);
  }

  /** The link of {@code token}; a malformed, unknown or revoked token alike is the same 404. */
  private ShareRepository.Link link(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{22,64}")) {
      throw notShared();
    }
    return shares.findByToken(token).orElseThrow(ShareService::notShared);
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return TOKEN_TEXT.encodeToString(bytes);
  }

  private static NotFoundException notShared() {
    return new NotFoundException("Shared run");
  }
}
