package com.tradingbacktest.app.marketdata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param seed SEED_SAMPLE_DATA: {@code if-empty} (default: load the shipped sample data, real and
 *     synthetic, when there are no bars at all), {@code never}, or {@code always} (re-load;
 *     existing bars are updated in place)
 * @param seedOnline SEED_ONLINE: when seeding, also fetch a small real set from the exchanges in
 *     the background (KRW-BTC daily from Upbit; {@link SampleDataSeeder#ONLINE_PORTFOLIO_TICKERS}
 *     daily from Yahoo); failures are logged only
 */
@ConfigurationProperties("tb.marketdata")
record MarketDataSettings(
    @DefaultValue("if-empty") String seed, @DefaultValue("true") boolean seedOnline) {}
