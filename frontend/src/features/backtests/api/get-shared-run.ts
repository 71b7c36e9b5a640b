import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { operations, SchemaPageResponseRoundTripItem } from "@/lib/api/schema";

type RoundTripParams = NonNullable<operations["roundTrips"]["parameters"]["query"]>;

export const sharedKeys = {
  all: ["shared"] as const,
  run: (token: string) => [...sharedKeys.all, "run", token] as const,
  roundTrips: (token: string, params: RoundTripParams) => [...sharedKeys.all, "round-trips", token, params] as const,
};

/** A run shared by its public link (no sign-in needed). */
export function getSharedRun(token: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/shared/{token}", { params: { path: { token } }, signal }));
}

export function sharedRunQueryOptions(token: string) {
  return queryOptions({
    queryKey: sharedKeys.run(token),
    queryFn: ({ signal }) => getSharedRun(token, signal),
    retry: false,
  });
}

export function useSharedRun(token: string) {
  return useQuery({ ...sharedRunQueryOptions(token), enabled: !!token });
}

/** A page of a shared run's round trips, with the owner's filters. */
export function getSharedRoundTrips(
  token: string,
  params: RoundTripParams,
  signal?: AbortSignal,
): Promise<SchemaPageResponseRoundTripItem> {
  const { format: _format, ...query } = params;
  return unwrap(api.GET("/api/v1/shared/{token}/round-trips", { params: { path: { token }, query }, signal }));
}
