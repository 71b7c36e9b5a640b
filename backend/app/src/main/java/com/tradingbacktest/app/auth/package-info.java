/**
 * Users, sign-up and login, JWT access tokens, rotating refresh tokens, personal API keys, login
 * rate limits and the security filter chain that decides who may call what.
 */
package com.tradingbacktest.app.auth;
