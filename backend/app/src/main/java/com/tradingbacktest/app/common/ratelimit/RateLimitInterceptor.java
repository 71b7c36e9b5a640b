package com.tradingbacktest.app.common.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link RateLimited} before the controller method runs, per account: the authenticated
 * principal's name, which is the user id whether the call came with an access token or an API key.
 * A public endpoint called without signing in spends from its client address's budget instead (the
 * address as the trusted proxies report it).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final RequestLimits limits;

  RateLimitInterceptor(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      RateLimited limited = method.getMethodAnnotation(RateLimited.class);
      Principal principal = request.getUserPrincipal();
      if (limited != null) {
        limits.spend(
            limited.value(),
            principal != null ? principal.getName() : "address:" + request.getRemoteAddr());
      }
    }
    return true;
  }
}
