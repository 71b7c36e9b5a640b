"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { SchemaProfileResponse, SchemaUserResponse } from "@/lib/api/schema";
import { useSaveProfile } from "@/lib/api/profile";
import { useT } from "@/lib/i18n";
import { SettingsSection } from "./settings-section";

/** Mirrors ProfileRequest.display_name: trimmed, at most 60 characters, empty for the username. */
export const profileFormSchema = z.object({
  display_name: z.string().trim().max(60, { error: "settings.profile.displayNameTooLong" }),
});
type ProfileFormValues = z.infer<typeof profileFormSchema>;

/** The display name, with the username and email it does not change shown beside it. */
export function ProfileSection({ profile, user }: { profile: SchemaProfileResponse; user: SchemaUserResponse | null }) {
  const t = useT();
  const save = useSaveProfile();
  const form = useForm<ProfileFormValues>({
    resolver: zodResolver(profileFormSchema),
    defaultValues: { display_name: profile.display_name ?? "" },
  });
  const onSubmit = form.handleSubmit((values) =>
    save.mutate(
      { display_name: values.display_name.trim() || undefined },
      {
        onSuccess: (saved) => {
          form.reset({ display_name: saved.display_name ?? "" });
          toast.success(t("settings.saved"));
        },
        onError: (error) => {
          if (!applyFieldErrors(error, form.setError, ["display_name"])) toast.error(t("settings.saveFailed"));
        },
      },
    ),
  );
  return (
    <SettingsSection id="profile" title={t("settings.profile.title")} description={t("settings.profile.description")}>
      <Form {...form}>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate data-testid="profile-form">
          <InputField
            control={form.control}
            name="display_name"
            label={t("settings.profile.displayName")}
            description={t("settings.profile.displayNameHint", { username: user?.username ?? "" })}
            autoComplete="nickname"
            maxLength={80}
          />
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt className="text-muted-foreground">{t("settings.profile.username")}</dt>
            <dd className="truncate">{user?.username}</dd>
            <dt className="text-muted-foreground">{t("settings.profile.email")}</dt>
            <dd className="truncate">{user?.email}</dd>
          </dl>
          <div>
            <Button type="submit" disabled={save.isPending} data-testid="profile-save">
              {save.isPending && <Spinner />}
              {t("settings.save")}
            </Button>
          </div>
        </form>
      </Form>
    </SettingsSection>
  );
}
