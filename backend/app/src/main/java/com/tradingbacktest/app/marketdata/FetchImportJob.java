package com.tradingbacktest.app.marketdata;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/**
 * The queued job of one exchange fetch. What to fetch is in its data_imports row (source, symbol,
 * interval, range); the job carries the row's id, which is also the job's id.
 *
 * @param marketGiven the user named the symbol's market, so what the exchange says of it does not
 *     replace it
 */
public record FetchImportJob(UUID importId, boolean marketGiven) implements JobRequest {

  @Override
  public Class<FetchImportJobHandler> getJobRequestHandler() {
    return FetchImportJobHandler.class;
  }
}
