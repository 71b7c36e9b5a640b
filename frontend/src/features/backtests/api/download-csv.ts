import { api } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import type { RoundTripFilters } from "./get-round-trips";

/**
 * Every fill of a run as the API's CSV (`/trades?format=csv`), fetched with the bearer token (a plain
 * link could not send it) and saved as a file.
 */
export function downloadFills(id: string, fileName: string) {
  return saveCsv(
    () =>
      api.GET("/api/v1/backtests/{id}/trades", {
        params: { path: { id }, query: { format: "csv" } },
        headers: { Accept: "text/csv" },
        parseAs: "blob",
      }),
    fileName,
  );
}

/**
 * The run's round trips matching `filters` as the API's streamed CSV (`/round-trips?format=csv`),
 * fetched with the bearer token and saved as a file: every one of them, not only the page shown.
 */
export function downloadRoundTrips(id: string, filters: RoundTripFilters, fileName: string) {
  return saveCsv(
    () =>
      api.GET("/api/v1/backtests/{id}/round-trips", {
        params: { path: { id }, query: { ...filters, format: "csv" } },
        headers: { Accept: "text/csv" },
        parseAs: "blob",
      }),
    fileName,
  );
}

/** Runs the request and saves its body as a file, or throws the API's error (CSV, and the HTML report). */
export async function saveCsv(request: () => Promise<{ response: Response; data?: unknown; error?: unknown }>, fileName: string) {
  let result;
  try {
    result = await request();
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!result.response.ok || !result.data) throw ApiError.fromResponse(result.response, result.error);
  saveBlob(result.data as Blob, fileName);
}

/** Saves a blob as a file through a temporary link (works under the app's CSP: blob: is same-origin). */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
