"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckIcon, CopyIcon, KeyRoundIcon, TriangleAlertIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField, SelectField } from "@/components/forms/fields";
import { Form } from "@/components/forms/form";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { RelativeTime } from "@/components/layouts/relative-time";
import { EmptyState, ErrorState } from "@/components/layouts/states";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { errorMessage } from "@/lib/api/errors";
import type { SchemaApiKeyResponse, SchemaCreatedApiKeyResponse } from "@/lib/api/schema";
import { formatDate, localTimeZone } from "@/lib/format";
import { useT } from "@/lib/i18n";
import { API_KEY_EXPIRIES, apiKeyFormSchema, toRequest, useCreateApiKey, type ApiKeyFormValues } from "../api/create-api-key";
import { useApiKeys } from "../api/get-api-keys";
import { useRevokeApiKey } from "../api/revoke-api-key";
import { SettingsSection } from "./settings-section";

type KeyState = "active" | "revoked" | "expired";

function keyState(key: SchemaApiKeyResponse, now: number): KeyState {
  if (key.revoked_at) return "revoked";
  if (key.expires_at && Date.parse(key.expires_at) <= now) return "expired";
  return "active";
}

/**
 * The new key's secret, shown this once, with a copy button and the warning that it will not be shown
 * again; closing it forgets the secret.
 */
export function CreatedKeyDialog({ created, onClose }: { created: SchemaCreatedApiKeyResponse | null; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      toast.error(t("settings.apiKeys.copyFailed"));
    }
  };
  return (
    <Dialog
      open={created !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(false);
          onClose();
        }
      }}
    >
      <DialogContent closeLabel={t("common.close")} data-testid="created-key-dialog">
        <DialogHeader>
          <DialogTitle>{t("settings.apiKeys.createdTitle")}</DialogTitle>
          <DialogDescription className="break-keep">{created?.api_key.name}</DialogDescription>
        </DialogHeader>
        <Alert variant="warning">
          <TriangleAlertIcon />
          <AlertDescription className="break-keep">{t("settings.apiKeys.createdWarning")}</AlertDescription>
        </Alert>
        <div className="flex gap-2">
          <Input
            readOnly
            value={created?.key ?? ""}
            aria-label={t("settings.apiKeys.prefix")}
            className="font-mono text-xs"
            onFocus={(event) => event.currentTarget.select()}
            data-testid="created-key"
          />
          <Button type="button" variant="outline" onClick={copy} data-testid="copy-key">
            {copied ? <CheckIcon /> : <CopyIcon />}
            {copied ? t("settings.apiKeys.copied") : t("settings.apiKeys.copy")}
          </Button>
        </div>
        <p className="font-mono text-xs break-all text-muted-foreground">{t("settings.apiKeys.usage")}</p>
        <DialogFooter>
          <Button
            type="button"
            onClick={() => {
              setCopied(false);
              onClose();
            }}
          >
            {t("settings.apiKeys.done")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (created: SchemaCreatedApiKeyResponse) => void }) {
  const t = useT();
  const create = useCreateApiKey();
  const form = useForm<ApiKeyFormValues>({ resolver: zodResolver(apiKeyFormSchema), defaultValues: { name: "", expiry: "never" } });
  const onSubmit = form.handleSubmit((values) =>
    create.mutate(toRequest(values), {
      onSuccess: (created) => {
        form.reset({ name: "", expiry: values.expiry });
        onCreated(created);
      },
      onError: (error) => {
        if (!applyFieldErrors(error, form.setError, ["name"])) toast.error(errorMessage(error, t));
      },
    }),
  );
  return (
    <Form {...form}>
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid items-start gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto]"
        data-testid="api-key-form"
      >
        <InputField
          control={form.control}
          name="name"
          label={t("settings.apiKeys.name")}
          placeholder={t("settings.apiKeys.namePlaceholder")}
          maxLength={120}
        />
        <SelectField
          control={form.control}
          name="expiry"
          label={t("settings.apiKeys.expiry")}
          options={API_KEY_EXPIRIES.map((value) => ({
            value,
            label: value === "never" ? t("settings.apiKeys.expiryNever") : t("settings.apiKeys.expiryDays", { count: Number(value) }),
          }))}
        />
        <Button type="submit" className="sm:mt-[1.375rem]" disabled={create.isPending} data-testid="api-key-create">
          {create.isPending ? <Spinner /> : <KeyRoundIcon />}
          {t("settings.apiKeys.create")}
        </Button>
      </form>
    </Form>
  );
}

/** The caller's API keys: create one (its secret shown once), list them by prefix, revoke one. */
export function ApiKeysSection() {
  const t = useT();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [created, setCreated] = useState<SchemaCreatedApiKeyResponse | null>(null);
  const [revoking, setRevoking] = useState<SchemaApiKeyResponse | null>(null);
  const [now] = useState(() => Date.now());
  const zone = localTimeZone();
  const items = keys.data ?? [];
  return (
    <SettingsSection id="api-keys" title={t("settings.apiKeys.title")} description={t("settings.apiKeys.description")}>
      <div className="grid gap-5">
        <CreateKeyForm onCreated={setCreated} />
        {keys.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : keys.isError ? (
          <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon={KeyRoundIcon} title={t("settings.apiKeys.empty")} />
        ) : (
          <div className="overflow-x-auto rounded-md border">
            <Table data-testid="api-keys-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("settings.apiKeys.name")}</TableHead>
                  <TableHead>{t("settings.apiKeys.prefix")}</TableHead>
                  <TableHead>{t("settings.apiKeys.created")}</TableHead>
                  <TableHead>{t("settings.apiKeys.lastUsed")}</TableHead>
                  <TableHead>{t("settings.apiKeys.expires")}</TableHead>
                  <TableHead>{t("settings.apiKeys.status")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("settings.apiKeys.revoke")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((key) => {
                  const state = keyState(key, now);
                  return (
                    <TableRow key={key.id} data-testid="api-key-row" data-state={state}>
                      <TableCell className="max-w-48 truncate font-medium">{key.name}</TableCell>
                      <TableCell className="font-mono text-xs whitespace-nowrap">{key.prefix}…</TableCell>
                      <TableCell className="whitespace-nowrap">{formatDate(key.created_at, zone)}</TableCell>
                      <TableCell>
                        {key.last_used_at ? (
                          <RelativeTime value={key.last_used_at} />
                        ) : (
                          <span className="text-muted-foreground">{t("settings.apiKeys.never")}</span>
                        )}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {key.expires_at ? (
                          formatDate(key.expires_at, zone)
                        ) : (
                          <span className="text-muted-foreground">{t("settings.apiKeys.never")}</span>
                        )}
                      </TableCell>
                      <TableCell>
                        <Badge variant={state === "active" ? "success" : "secondary"}>{t(`settings.apiKeys.${state}`)}</Badge>
                      </TableCell>
                      <TableCell className="text-right">
                        {state === "active" && (
                          <Button
                            variant="ghost"
                            size="sm"
                            className="text-destructive"
                            onClick={() => setRevoking(key)}
                            data-testid="api-key-revoke"
                          >
                            {t("settings.apiKeys.revoke")}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </div>
      <CreatedKeyDialog created={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t("settings.apiKeys.revokeTitle", { name: revoking?.name ?? "" })}
        description={t("settings.apiKeys.revokeDescription")}
        confirmLabel={t("settings.apiKeys.revokeConfirm")}
        pending={revoke.isPending}
        destructive
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              setRevoking(null);
              toast.success(t("settings.apiKeys.revokedToast"));
            },
            onError: (error) => toast.error(errorMessage(error, t)),
          })
        }
      />
    </SettingsSection>
  );
}
