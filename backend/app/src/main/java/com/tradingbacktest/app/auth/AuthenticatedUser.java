package com.tradingbacktest.app.auth;

import java.util.UUID;

/**
 * Who is calling, whether they came with an access token or an API key. Controllers of every
 * feature take it with {@code @AuthenticationPrincipal AuthenticatedUser user} and scope all
 * queries by its id.
 */
public record AuthenticatedUser(UUID id, String username) {}
