import { createStore } from "zustand/vanilla";
import type { SchemaUserResponse } from "@/lib/api/schema";

/**
 * The browser's session: the access token lives only here, in memory (never in storage); the refresh
 * token is an httpOnly cookie the page cannot read. `unknown` until the first silent refresh answers.
 */
export type SessionStatus = "unknown" | "authenticated" | "anonymous";

export interface SessionState {
  status: SessionStatus;
  accessToken: string | null;
  /** Epoch milliseconds when the access token stops working (a little early, for clock skew). */
  expiresAt: number | null;
  user: SchemaUserResponse | null;
}

export const sessionStore = createStore<SessionState>(() => ({
  status: "unknown",
  accessToken: null,
  expiresAt: null,
  user: null,
}));

export function signedIn(accessToken: string, user: SchemaUserResponse | null | undefined, expiresInSeconds?: number) {
  sessionStore.setState((state) => ({
    status: "authenticated",
    accessToken,
    expiresAt: expiresInSeconds ? Date.now() + Math.max(0, expiresInSeconds - 30) * 1000 : null,
    user: user ?? state.user,
  }));
}

export function signedOut() {
  sessionStore.setState({ status: "anonymous", accessToken: null, expiresAt: null, user: null });
}
