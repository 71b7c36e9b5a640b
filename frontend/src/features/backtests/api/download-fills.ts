import { api } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";

/** Saves a blob as a file through a temporary link (works under the app's CSP: blob: is same-origin). */
export function saveBlob(blob: Blob, fileName: string) {
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

/**
 * Every fill of a run as the API's CSV (`/trades?format=csv`), fetched with the bearer token (a plain
 * link could not send it) and saved as a file.
 */
export async function downloadFills(id: string, fileName: string) {
  let result;
  try {
    result = await api.GET("/api/v1/backtests/{id}/trades", {
      params: { path: { id }, query: { format: "csv" } },
      headers: { Accept: "text/csv" },
      parseAs: "blob",
    });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!result.response.ok || !result.data) throw ApiError.fromResponse(result.response, result.error);
  saveBlob(result.data as Blob, fileName);
}
