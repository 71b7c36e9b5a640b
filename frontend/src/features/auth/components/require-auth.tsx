"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { FullPageSpinner } from "@/components/layouts/full-page-spinner";
import { useSessionBootstrap } from "../hooks/use-session";
import { loginPath } from "../lib/redirect";

/** Renders its children for a signed-in user; sends anyone else to /login?next=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useSessionBootstrap();
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (status === "anonymous") {
      router.replace(loginPath(`${pathname}${window.location.search}`));
    }
  }, [status, router, pathname]);
  if (status !== "authenticated") return <FullPageSpinner />;
  return children;
}

/** For the login and sign-up pages: a signed-in visitor goes straight on to where they were headed. */
export function GuestOnly({ children, target }: { children: ReactNode; target: string }) {
  const status = useSessionBootstrap();
  const router = useRouter();
  useEffect(() => {
    if (status === "authenticated") router.replace(target);
  }, [status, router, target]);
  if (status === "authenticated") return <FullPageSpinner />;
  return children;
}
