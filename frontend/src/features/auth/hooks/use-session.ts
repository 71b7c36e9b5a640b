"use client";

import { useEffect } from "react";
import { useStore } from "zustand";
import { readCookie, CSRF_COOKIE, refreshSession } from "@/lib/api/client";
import { sessionStore, signedOut, type SessionState } from "@/lib/auth/session";

export function useSession<T = SessionState>(selector: (state: SessionState) => T = (s) => s as T): T {
  return useStore(sessionStore, selector);
}

let bootstrapping: Promise<unknown> | null = null;

/**
 * On first load the session is unknown: one silent refresh from the httpOnly cookie decides it. Without
 * the readable CSRF cookie there is no refresh cookie either, so no request is needed.
 */
export function bootstrapSession(): Promise<unknown> {
  if (sessionStore.getState().status !== "unknown") return Promise.resolve();
  if (!readCookie(CSRF_COOKIE)) {
    signedOut();
    return Promise.resolve();
  }
  bootstrapping ??= refreshSession().then((token) => {
    if (!token && sessionStore.getState().status === "unknown") signedOut();
  });
  return bootstrapping;
}

export function useSessionBootstrap(): SessionState["status"] {
  const status = useSession((s) => s.status);
  useEffect(() => {
    void bootstrapSession();
  }, []);
  return status;
}
