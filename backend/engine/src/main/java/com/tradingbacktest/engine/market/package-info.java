/** Placeholder of the krx lane's market rules (replaced at merge). */
package com.tradingbacktest.engine.market;
