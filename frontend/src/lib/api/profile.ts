"use client";

import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useStore } from "zustand";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaProfileRequest, SchemaProfileResponse } from "@/lib/api/schema";
import { sessionStore } from "@/lib/auth/session";

/*
 * The signed-in user's profile (GET/PUT /api/v1/me/profile): shared by the settings screen, the
 * header (the display name, the language and colour menus) and the run form (default costs), which
 * live in different features.
 */

export const profileKeys = {
  all: ["profile"] as const,
  mine: (userId: string) => [...profileKeys.all, userId] as const,
};

export function getProfile(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/me/profile", { signal }));
}

export function saveProfile(body: SchemaProfileRequest) {
  return unwrap(api.PUT("/api/v1/me/profile", { body }));
}

/** Keyed by the user, so that the next account signed in on this browser never sees the last one's. */
export function profileQueryOptions(userId: string) {
  return queryOptions({ queryKey: profileKeys.mine(userId), queryFn: ({ signal }) => getProfile(signal), staleTime: 5 * 60_000 });
}

/** The signed-in user's id; null while signed out or unknown. */
export function useSignedInUserId(): string | null {
  return useStore(sessionStore, (s) => (s.status === "authenticated" ? (s.user?.id ?? null) : null));
}

/** The profile of whoever is signed in (disabled while nobody is). */
export function useProfile() {
  const userId = useSignedInUserId();
  return useQuery({ ...profileQueryOptions(userId ?? ""), enabled: !!userId });
}

/** The request that saves `profile` as it is but for `patch` (PUT replaces every field). */
export function profileRequest(profile: SchemaProfileResponse, patch: Partial<SchemaProfileRequest> = {}): SchemaProfileRequest {
  return {
    display_name: profile.display_name ?? undefined,
    language: profile.language ?? undefined,
    colour_convention: profile.colour_convention,
    default_costs: profile.default_costs ?? undefined,
    ...patch,
  };
}

async function saveMerged(queryClient: QueryClient, userId: string, patch: Partial<SchemaProfileRequest>) {
  const current = await queryClient.fetchQuery(profileQueryOptions(userId));
  const saved = await saveProfile(profileRequest(current, patch));
  queryClient.setQueryData(profileKeys.mine(userId), saved);
  return saved;
}

/** Saves part of the profile over what is saved now; the cached profile becomes the answer. */
export function useSaveProfile() {
  const queryClient = useQueryClient();
  const userId = useSignedInUserId();
  return useMutation({
    mutationFn: (patch: Partial<SchemaProfileRequest>) => {
      if (!userId) return Promise.reject(new Error("signed out"));
      return saveMerged(queryClient, userId, patch);
    },
  });
}

/**
 * Saves a display preference (the language, the colour convention) to the profile when someone is
 * signed in, so the next sign-in anywhere applies it; signed out, the browser's choice is all there is.
 * A failed save keeps the choice for this browser and says nothing: it is not worth interrupting for.
 */
export function useSavePreference(): (patch: Pick<SchemaProfileRequest, "language" | "colour_convention">) => void {
  const queryClient = useQueryClient();
  const userId = useSignedInUserId();
  return useCallback(
    (patch) => {
      if (userId) saveMerged(queryClient, userId, patch).catch(() => undefined);
    },
    [queryClient, userId],
  );
}
