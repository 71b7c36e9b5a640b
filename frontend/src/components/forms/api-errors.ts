import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { isApiError } from "@/lib/api/errors";

/**
 * Puts the API's field errors (422 `errors[]`) on the form's fields; returns whether any matched,
 * so the caller can show the rest as a form-level message.
 */
export function applyFieldErrors<TValues extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<TValues>,
  fields: readonly FieldPath<TValues>[],
): boolean {
  if (!isApiError(error)) return false;
  let matched = false;
  for (const fieldError of error.fieldErrors) {
    const field = fields.find((name) => name === fieldError.field);
    if (field) {
      setError(field, { type: "server", message: fieldError.message });
      matched = true;
    }
  }
  return matched;
}
