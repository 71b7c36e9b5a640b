import type { ReactNode } from "react";
import { Brand } from "@/components/layouts/brand";
import { LanguageSwitch } from "@/components/layouts/language-switch";
import { ThemeToggle } from "@/components/layouts/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-primary/5 to-background">
      <header className="flex h-14 items-center justify-between px-4 sm:px-6">
        <Brand />
        <div className="flex items-center gap-1">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">{children}</main>
    </div>
  );
}
