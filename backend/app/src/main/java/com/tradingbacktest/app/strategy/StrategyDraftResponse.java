package com.tradingbacktest.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Code kept beside a strategy's current version because it did not compile; shown to its owner
 * only, never run.
 *
 * @param errors what the compiler says about it now
 */
@Schema(description = "Code saved with errors: kept for its owner, never run")
record StrategyDraftResponse(String code, Instant savedAt, List<StrategyCodeError> errors) {}
