package com.tradingbacktest.app.common.database;

import java.util.List;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener.RepositoryMethodInvocation;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener.RepositoryMethodInvocationResult;
import org.springframework.data.repository.core.support.RepositoryMethodInvocationListener.RepositoryMethodInvocationResult.State;
import org.springframework.util.ClassUtils;

/**
 * Times a call of a {@code @Repository} class (the JdbcClient and COPY ones) and reports it, as
 * Spring Data reports a call of one of its repositories, to the {@link
 * RepositoryMethodInvocationListener}s: Spring Boot's timer {@code
 * spring.data.repository.invocations} and the {@link SlowRepositoryCallLog}. Both kinds of
 * repository so end up in one metric, with the same tags.
 */
final class RepositoryCallTimer implements MethodInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RepositoryCallTimer.class);

  private final Supplier<List<RepositoryMethodInvocationListener>> listeners;

  RepositoryCallTimer(Supplier<List<RepositoryMethodInvocationListener>> listeners) {
    this.listeners = listeners;
  }

  @Override
  public @Nullable Object invoke(MethodInvocation call) throws Throwable {
    long start = System.nanoTime();
    Object result;
    try {
      result = call.proceed();
    } catch (Throwable e) {
      report(call, new Outcome(State.ERROR, e), System.nanoTime() - start);
      throw e;
    }
    report(call, new Outcome(State.SUCCESS, null), System.nanoTime() - start);
    return result;
  }

  private void report(MethodInvocation call, Outcome outcome, long nanos) {
    Object target = call.getThis();
    Class<?> repository =
        target == null ? call.getMethod().getDeclaringClass() : ClassUtils.getUserClass(target);
    RepositoryMethodInvocation invocation =
        new RepositoryMethodInvocation(repository, call.getMethod(), outcome, nanos);
    for (RepositoryMethodInvocationListener listener : listeners.get()) {
      try {
        listener.afterInvocation(invocation);
      } catch (RuntimeException e) {
        // The call itself went as it went: a failing listener must not change its outcome.
        log.warn(
            "Could not report the repository call {}.{}: {}",
            repository.getSimpleName(),
            call.getMethod().getName(),
            e.toString());
      }
    }
  }

  private record Outcome(State state, @Nullable Throwable error)
      implements RepositoryMethodInvocationResult {

    @Override
    public State getState() {
      return state;
    }

    @Override
    public @Nullable Throwable getError() {
      return error;
    }
  }
}
