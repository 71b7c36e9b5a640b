package com.tradingbacktest.app.marketdata;

import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;

/** JobRunr's entry point for {@link FetchImportJob}; the work is {@link ImportService}'s. */
@Component
public class FetchImportJobHandler implements JobRequestHandler<FetchImportJob> {

  private final ImportService imports;

  FetchImportJobHandler(ImportService imports) {
    this.imports = imports;
  }

  @Override
  public void run(FetchImportJob job) {
    imports.runQueuedFetch(job.importId(), job.marketGiven());
  }
}
