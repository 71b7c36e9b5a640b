import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { LanguageSwitch } from "./language-switch";
import { ThemeToggle } from "./theme-toggle";

/** The right end of every header: the language and theme menus, then what else the header offers (the user's menu). */
export function HeaderControls({ className, children }: { className?: string; children?: ReactNode }) {
  return (
    <div className={cn("flex items-center gap-1", className)}>
      <LanguageSwitch />
      <ThemeToggle />
      {children}
    </div>
  );
}
