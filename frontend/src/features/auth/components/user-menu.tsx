"use client";

import { LogOutIcon, SettingsIcon, UserIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useNavigationGuard } from "@/hooks/use-unsaved-changes";
import { useProfile } from "@/lib/api/profile";
import { useT } from "@/lib/i18n";
import { useLogout } from "../api/logout";
import { useSession } from "../hooks/use-session";

export function UserMenu() {
  const t = useT();
  const user = useSession((s) => s.user);
  const logout = useLogout();
  const router = useRouter();
  const requestLeave = useNavigationGuard((state) => state.request);
  // The display name of the profile, else the username (also while the profile loads).
  const name = useProfile().data?.name ?? user?.username;
  const initial = (name ?? "?").slice(0, 1).toUpperCase();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="gap-2 px-1.5" aria-label={t("auth.account")} data-testid="user-menu">
          <span className="flex size-7 items-center justify-center rounded-full bg-primary/15 text-xs font-semibold text-primary">
            {initial}
          </span>
          <span className="hidden max-w-32 truncate md:inline" data-testid="user-name">
            {name}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="flex items-center gap-2 truncate">
            <UserIcon className="size-4 text-muted-foreground" />
            {name}
          </span>
          <span className="truncate text-xs font-normal text-muted-foreground">{user?.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings" data-testid="user-menu-settings">
            <SettingsIcon />
            {t("settings.title")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={() =>
            // Signing out leaves the page: with unsaved edits, only after the user agrees.
            requestLeave(() =>
              logout.mutate(undefined, {
                onSettled: () => router.replace("/login"),
              }),
            )
          }
        >
          <LogOutIcon />
          {t("auth.logout")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
