/** The HTTP edge shared by all features: request ids, body limits, OpenAPI description. */
package com.tradingbacktest.app.common.web;
