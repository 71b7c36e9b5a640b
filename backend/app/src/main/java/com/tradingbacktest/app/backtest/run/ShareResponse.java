package com.tradingbacktest.app.backtest.run;

import java.time.Instant;

/**
 * A run's public link, as its owner sees it.
 *
 * @param token the secret of the link: whoever has it may read what the run shares
 * @param path the web page of the link, relative to the site ({@code /shared?token=...})
 * @param includeCode whether the page shows the strategy's code
 */
record ShareResponse(String token, String path, boolean includeCode, Instant createdAt) {

  static ShareResponse of(ShareRepository.Share share) {
    return new ShareResponse(
        share.token(), "/shared?token=" + share.token(), share.includeCode(), share.createdAt());
  }
}
