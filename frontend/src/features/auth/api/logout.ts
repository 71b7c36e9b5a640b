import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, csrfHeaders } from "@/lib/api/client";
import { signedOut } from "@/lib/auth/session";

/** Ends the session on the server (cookie + CSRF header), then forgets everything locally. */
export async function logout() {
  try {
    await api.POST("/api/v1/auth/logout", { headers: csrfHeaders() });
  } finally {
    signedOut();
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => queryClient.clear(),
  });
}
