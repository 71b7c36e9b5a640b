"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { create } from "zustand";

/**
 * Guards a page with unsaved edits against every way of leaving it: closing or reloading the tab
 * (the browser's own prompt, all it allows), and, through the app's own dialog, a click on any in-app
 * link (the sidebar, a `Link` anywhere), the back and forward buttons, and code that leaves through
 * `useNavigationGuard`'s `request` (signing out).
 */
interface GuardState {
  /** Whether the page that registered the guard has unsaved edits. */
  dirty: boolean;
  /** The navigation waiting for an answer; null while no prompt is open. */
  pending: (() => void) | null;
  setDirty: (dirty: boolean) => void;
  /** Runs `navigate` at once when nothing is unsaved, else asks first. */
  request: (navigate: () => void) => void;
  /** "Don't save": forgets the edits' guard and goes where the user was going. */
  leave: () => void;
  /** "Keep editing": drops the navigation. */
  stay: () => void;
}

export const useNavigationGuard = create<GuardState>((set, get) => ({
  dirty: false,
  pending: null,
  setDirty: (dirty) => set({ dirty }),
  request: (navigate) => {
    if (get().dirty) set({ pending: navigate });
    else navigate();
  },
  leave: () => {
    const navigate = get().pending;
    set({ dirty: false, pending: null });
    navigate?.();
  },
  stay: () => set({ pending: null }),
}));

/** Marks the history entry the guard adds for the page it guards. */
const GUARD_ENTRY = "__tbUnsavedGuard";

/** Where a click on `anchor` goes inside the app, or null when the browser should handle it as usual. */
export function inAppHref(anchor: HTMLAnchorElement, event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  if (anchor.hasAttribute("download") || (anchor.target && anchor.target !== "_self")) return null;
  const raw = anchor.getAttribute("href");
  if (!raw || raw.startsWith("#")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // The same page (an anchor within it) loses nothing.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Registers the page's unsaved state. While `dirty`, leaving asks first: the tab's close or reload
 * through `beforeunload`, in-app links and back/forward through the dialog that
 * `UnsavedChangesDialog` shows (render it on the same page).
 */
export function useUnsavedChanges(dirty: boolean) {
  const router = useRouter();
  const setDirty = useNavigationGuard((state) => state.setDirty);

  useEffect(() => {
    setDirty(dirty);
    return () => setDirty(false);
  }, [dirty, setDirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    // Capture phase on the document: ahead of React's handlers, so a Link never starts navigating.
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const href = inAppHref(anchor, event);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      useNavigationGuard.getState().request(() => router.push(href));
    };
    // Back and forward: an extra entry for this same page (marked) absorbs the first step back; the
    // prompt puts it back at once, and "Don't save" then takes both steps for real. A link to a place
    // on the page (an entry without state) and a step onto the marked entry leave nothing.
    const mark = (state: unknown) => ({ ...(state as object | null), [GUARD_ENTRY]: true });
    window.history.pushState(mark(window.history.state), "", window.location.href);
    let leaving = false;
    const onPopState = (event: PopStateEvent) => {
      const guard = useNavigationGuard.getState();
      if (leaving || !guard.dirty) return;
      const state = event.state as Record<string, unknown> | null;
      if (state == null || state[GUARD_ENTRY]) return;
      window.history.pushState(mark(state), "", window.location.href);
      guard.request(() => {
        leaving = true;
        window.history.go(-2);
      });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState);
    };
  }, [dirty, router]);
}
