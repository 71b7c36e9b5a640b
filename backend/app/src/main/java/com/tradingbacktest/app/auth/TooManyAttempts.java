package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.ratelimit.TooManyRequests;

/** Too many sign-in or sign-up attempts from one client or for one account. */
class TooManyAttempts extends TooManyRequests {

  TooManyAttempts(String what, long retryAfterSeconds) {
    super("Too many " + what + ".", retryAfterSeconds);
  }
}
