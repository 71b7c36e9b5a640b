"use client";

import type { ReactNode } from "react";
import { AppShell } from "@/components/layouts/app-shell";
import { RequireAuth, UserMenu } from "@/features/auth";

export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell userMenu={<UserMenu />}>
      <RequireAuth>{children}</RequireAuth>
    </AppShell>
  );
}
