"use client";

import { ErrorState } from "@/components/layouts/states";
import { Skeleton } from "@/components/ui/skeleton";
import { useProfile } from "@/lib/api/profile";
import { sessionStore } from "@/lib/auth/session";
import { useT } from "@/lib/i18n";
import { useStore } from "zustand";
import { ApiKeysSection } from "./api-keys-section";
import { DefaultCostsSection } from "./default-costs-section";
import { DisplaySection } from "./display-section";
import { ProfileSection } from "./profile-section";

const SECTIONS = [
  { id: "profile", label: "settings.profile.title" },
  { id: "display", label: "settings.display.title" },
  { id: "costs", label: "settings.costs.title" },
  { id: "api-keys", label: "settings.apiKeys.title" },
] as const;

/** The settings page: profile, display, default costs and API keys, one section each, linked from the top. */
export function SettingsView() {
  const t = useT();
  const profile = useProfile();
  const user = useStore(sessionStore, (s) => s.user);
  return (
    <div className="grid max-w-3xl gap-6">
      <nav aria-label={t("settings.title")} className="flex flex-wrap gap-2 text-sm">
        {SECTIONS.map((section) => (
          <a
            key={section.id}
            href={`#${section.id}`}
            className="rounded-full border px-3 py-1 text-muted-foreground hover:bg-accent hover:text-accent-foreground"
          >
            {t(section.label)}
          </a>
        ))}
      </nav>
      {profile.isPending ? (
        <>
          <Skeleton className="h-48 w-full" />
          <Skeleton className="h-48 w-full" />
        </>
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          <ProfileSection profile={profile.data} user={user} />
          <DisplaySection />
          <DefaultCostsSection profile={profile.data} />
        </>
      )}
      <ApiKeysSection />
    </div>
  );
}
