package com.tradingbacktest.app.common.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat at the edge of the app port. Runs after Boot's own customizer, whose valves it adjusts:
 *
 * <ul>
 *   <li>the RemoteIpValve ({@code server.forward-headers-strategy: native}) believes
 *       X-Forwarded-For/-Proto/-Port only from {@code TRUSTED_PROXIES}, not from Tomcat's default
 *       of every private and loopback address, so a client on the same network (or a process on the
 *       same machine) cannot pick the address its rate limits count against;
 *   <li>requests Tomcat refuses itself are answered with a problem document ({@link
 *       ProblemErrorReportValve}).
 * </ul>
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TomcatEdgeCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final WebSettings settings;
  private final JsonMapper json;

  TomcatEdgeCustomizer(WebSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    for (Valve valve : factory.getEngineValves()) {
      if (valve instanceof RemoteIpValve remoteIp) {
        // A CIDR list (or empty: nobody); never the default regex of all private ranges.
        remoteIp.setInternalProxies(settings.trustedProxyRanges());
        remoteIp.setTrustedProxies(null);
      }
    }
    factory.addConnectorCustomizers(
        connector -> connector.setMaxParameterCount(RequestParameterLimitFilter.MAX_PARAMETERS));
    factory.addContextCustomizers(
        context -> {
          Pipeline host = context.getParent().getPipeline();
          for (Valve valve : host.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
              host.removeValve(valve);
            }
          }
          host.addValve(new ProblemErrorReportValve(json));
          if (context.getParent() instanceof StandardHost standardHost) {
            // The host adds a valve of this class when it has none: ours is there already.
            standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
          }
        });
  }
}
