"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlertCircleIcon, CheckCircle2Icon, CopyIcon, FileWarningIcon, LockIcon, SaveIcon, Trash2Icon } from "lucide-react";
import dynamic from "next/dynamic";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { applyFieldErrors } from "@/components/forms/api-errors";
import { InputField, SwitchField } from "@/components/forms/fields";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/forms/form";
import { FormError } from "@/components/forms/form-error";
import { ConfirmDialog } from "@/components/layouts/confirm-dialog";
import { UnsavedChangesDialog } from "@/components/layouts/unsaved-changes-dialog";
import { PageHeader } from "@/components/layouts/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { useDebouncedValue } from "@/hooks/use-debounced-value";
import { useUnsavedChanges } from "@/hooks/use-unsaved-changes";
import { isApiError, type CodeError } from "@/lib/api/errors";
import type { SchemaStrategyResponse, SchemaStrategyTemplateResponse } from "@/lib/api/schema";
import { useLanguage, useLocale, useT } from "@/lib/i18n";
import { languageStore } from "@/lib/i18n/store";
import { formatDateTime, formatNumber, localTimeZone } from "@/lib/format";
import { useCopyStrategy } from "../api/copy-strategy";
import { useDeleteStrategy } from "../api/delete-strategy";
import { useDiscardDraft } from "../api/discard-draft";
import { useLanguageCatalogue } from "../api/get-language";
import { strategyFormSchema, toRequest, useSaveStrategy, type StrategyFormValues } from "../api/save-strategy";
import { useValidation } from "../api/validate-strategy";
import { loadMonacoMessages } from "../lib/monaco-nls";
import type { CodeEditorHandle } from "./code-editor";
import { StrategyHistory } from "./strategy-history";
import { TemplatePicker, templateDescription, templateName } from "./template-picker";
import { Workbench } from "./workbench";

const CodeEditor = dynamic(() => loadMonacoMessages(languageStore.getState().language).then(() => import("./code-editor")), {
  ssr: false,
  loading: () => <div className="h-full animate-pulse bg-muted/40" />,
});

const VALIDATE_DELAY_MS = 400;
const FORM_ID = "strategy-form";

/**
 * Create or edit a strategy: the code in Monaco with markers from the compiler as you type
 * (debounced), its details and outputs under it, templates to start from, and beside it the
 * workbench that previews a backtest of the code as it compiles and its parameters as they move.
 */
export function StrategyEditor({
  strategy,
  initialTemplate,
  initialVersion,
}: {
  strategy?: SchemaStrategyResponse;
  initialTemplate?: SchemaStrategyTemplateResponse;
  /** The version the history opens on (a run's link to the version it ran); else the newest. */
  initialVersion?: number;
}) {
  const t = useT();
  const language = useLanguage();
  const locale = useLocale();
  const router = useRouter();
  const editorRef = useRef<CodeEditorHandle>(null);
  const id = strategy?.id ?? null;
  const readOnly = !!strategy && !strategy.mine;
  const draft = strategy?.draft ?? null;
  // A strategy that is only a draft opens on it; one with a version opens on that and offers the draft.
  const draftOnly = !!draft && strategy?.version == null;

  const form = useForm<StrategyFormValues>({
    resolver: zodResolver(strategyFormSchema),
    defaultValues: {
      name: strategy?.name ?? (initialTemplate ? templateName(initialTemplate, language) : ""),
      description: strategy?.description ?? (initialTemplate ? templateDescription(initialTemplate, language) : ""),
      code: draftOnly ? draft.code : (strategy?.code ?? initialTemplate?.code ?? ""),
      is_public: strategy?.is_public ?? false,
      note: "",
    },
  });
  const code = useWatch({ control: form.control, name: "code" });
  const debouncedCode = useDebouncedValue(code, VALIDATE_DELAY_MS);
  const validation = useValidation(debouncedCode);
  const catalogue = useLanguageCatalogue();
  const save = useSaveStrategy(id);
  const remove = useDeleteStrategy();
  const discardDraft = useDiscardDraft(id ?? "");
  // Whether the offered draft was put into the editor or set aside for this visit.
  const [draftChoice, setDraftChoice] = useState<"loaded" | "dismissed" | null>(null);
  const copy = useCopyStrategy();
  // Errors the API gave on save, for the code that was saved; newer code is checked by /validate.
  const [saveErrors, setSaveErrors] = useState<{ code: string; errors: CodeError[] } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const dirty = form.formState.isDirty && !readOnly;
  useUnsavedChanges(dirty);

  const checking = code !== debouncedCode || validation.isFetching;
  const hasCode = code.trim().length > 0;
  const errors = saveErrors && saveErrors.code === code ? saveErrors.errors : hasCode ? (validation.data?.errors ?? []) : [];
  const parameters = validation.data?.valid ? (validation.data.parameters ?? []) : (strategy?.parameters ?? []);
  // The code the workbench previews: the settled code, once the compiler has accepted exactly that.
  const compiled = !validation.isPlaceholderData && validation.data?.valid === true && debouncedCode.trim().length > 0;
  const codeState = !hasCode
    ? "empty"
    : checking
      ? "checking"
      : compiled
        ? "ok"
        : validation.data?.valid === false
          ? "invalid"
          : "checking";
  const outputs = validation.data?.valid ? (validation.data.outputs ?? []) : [];

  /**
   * Saves the values: code with errors as the strategy's draft. Resolves to the strategy's id and
   * whether the code was kept only as a draft, or null after showing why it could not save.
   */
  const persist = async (values: StrategyFormValues): Promise<{ id: string; asDraft: boolean } | null> => {
    setFormError(null);
    try {
      const saved = await save.mutateAsync(toRequest(values));
      form.reset({ ...values, note: "" });
      const asDraft = saved.draft != null && saved.draft.code === values.code;
      if (asDraft) {
        setSaveErrors({ code: values.code, errors: saved.draft?.errors ?? [] });
        setDraftChoice("loaded");
        toast.warning(t("drafts.saved"));
      } else {
        toast.success(t("strategies.saved"));
      }
      return saved.id ? { id: saved.id, asDraft } : null;
    } catch (error) {
      if (isApiError(error) && error.is("/problems/invalid-strategy")) {
        setSaveErrors({ code: values.code, errors: error.codeErrors });
        setFormError(t("strategies.fixErrorsBeforeSaving"));
      } else if (isApiError(error) && error.is("/problems/too-many-versions")) {
        setFormError(t("versions.tooMany"));
      } else if (!applyFieldErrors(error, form.setError, ["name", "description", "code", "is_public", "note"])) {
        setFormError(isApiError(error) ? (error.detail ?? error.title) : t("errors.unexpected"));
      }
      return null;
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await persist(values);
    if (!id && saved) router.replace(`/strategies/${saved.id}`);
  });

  /** The save the workbench's Keep needs first: rejects (the form shows why) when it could not save a version. */
  const saveForKeep = async (): Promise<string> => {
    const saved = (await form.trigger()) ? await persist(form.getValues()) : null;
    if (!saved || saved.asDraft) throw new Error(t("strategies.saveBeforeKeep"));
    return saved.id;
  };

  /** Puts the strategy's saved content (after a restore) in the editor, unsaved edits replaced. */
  const showSaved = (saved: SchemaStrategyResponse) => {
    form.reset({
      name: saved.name,
      description: saved.description ?? "",
      code: saved.code,
      is_public: saved.is_public,
      note: "",
    });
    setSaveErrors(null);
  };

  const loadDraft = () => {
    if (!draft) return;
    // The draft is stored: with it as the baseline, leaving loses nothing.
    form.reset({ ...form.getValues(), code: draft.code });
    setDraftChoice("loaded");
    toast.info(t("drafts.loaded"));
  };

  // The draft is in the editor: opened on it, just saved as one, or loaded from the offer.
  const showingDraft = !!draft && !readOnly && (draftOnly || draftChoice === "loaded") && code === draft.code;
  const offeringDraft = !!draft && !readOnly && !draftOnly && draftChoice === null && code !== draft.code;

  const pickTemplate = (template: SchemaStrategyTemplateResponse) => {
    form.setValue("code", template.code ?? "", { shouldDirty: true, shouldValidate: true });
    if (!form.getValues("name").trim()) form.setValue("name", templateName(template, language), { shouldDirty: true });
    if (!form.getValues("description").trim()) form.setValue("description", templateDescription(template, language), { shouldDirty: true });
  };

  const status = !hasCode ? null : checking ? (
    <Badge variant="secondary" data-testid="validation-status" data-state="checking">
      <Spinner className="size-3" />
      {t("strategies.checking")}
    </Badge>
  ) : validation.isError ? (
    <Badge variant="warning" data-testid="validation-status" data-state="unavailable">
      {t("strategies.checkUnavailable")}
    </Badge>
  ) : errors.length > 0 ? (
    <Badge variant="destructive" data-testid="validation-status" data-state="invalid">
      <AlertCircleIcon />
      {t("strategies.errorCount", { count: errors.length })}
    </Badge>
  ) : (
    <Badge variant="success" data-testid="validation-status" data-state="valid">
      <CheckCircle2Icon />
      {t("strategies.compiles")}
    </Badge>
  );

  return (
    <Form {...form}>
      <div>
        <PageHeader
          title={strategy ? strategy.name : t("strategies.newTitle")}
          description={
            strategy
              ? strategy.version != null && !readOnly
                ? `${t("versions.label", { number: strategy.version })} · ${t("strategies.lastSaved", { when: formatDateTime(strategy.updated_at, localTimeZone()) })}`
                : t("strategies.lastSaved", { when: formatDateTime(strategy.updated_at, localTimeZone()) })
              : t("strategies.newDescription")
          }
          actions={
            readOnly ? (
              <Button
                type="button"
                onClick={() =>
                  copy.mutate(id!, {
                    onSuccess: (created) => {
                      toast.success(t("strategies.copied"));
                      router.push(`/strategies/${created.id}`);
                    },
                    onError: () => toast.error(t("errors.unexpected")),
                  })
                }
                disabled={copy.isPending}
              >
                {copy.isPending ? <Spinner /> : <CopyIcon />}
                {t("strategies.copyToMine")}
              </Button>
            ) : (
              <>
                <TemplatePicker onPick={pickTemplate} replaces={hasCode} />
                {id && (
                  <Button type="button" variant="outline" onClick={() => setConfirmDelete(true)}>
                    <Trash2Icon />
                    {t("common.delete")}
                  </Button>
                )}
                <Button type="submit" form={FORM_ID} disabled={save.isPending} data-testid="save-strategy">
                  {save.isPending ? <Spinner /> : <SaveIcon />}
                  {t("common.save")}
                </Button>
              </>
            )
          }
        />

        {readOnly && (
          <Alert className="mb-4">
            <LockIcon />
            <AlertTitle>{t("strategies.readOnlyTitle")}</AlertTitle>
            <AlertDescription>{t("strategies.readOnlyDescription")}</AlertDescription>
          </Alert>
        )}
        {formError && <FormError className="mb-4">{formError}</FormError>}
        {offeringDraft && draft && (
          <Alert variant="warning" className="mb-4 break-keep" data-testid="draft-offer">
            <FileWarningIcon />
            <AlertTitle>{t("drafts.offerTitle")}</AlertTitle>
            <AlertDescription>
              <p>
                {t("drafts.offerDescription", {
                  when: formatDateTime(draft.saved_at, localTimeZone()),
                  count: draft.errors.length,
                  version: strategy?.version ?? "",
                })}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button type="button" size="sm" onClick={loadDraft} data-testid="draft-load">
                  {t("drafts.load")}
                </Button>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  disabled={discardDraft.isPending}
                  data-testid="draft-discard"
                  onClick={() =>
                    discardDraft.mutate(undefined, {
                      onSuccess: () => {
                        setDraftChoice("dismissed");
                        toast.success(t("drafts.discarded"));
                      },
                      onError: () => toast.error(t("errors.unexpected")),
                    })
                  }
                >
                  {discardDraft.isPending && <Spinner />}
                  {t("drafts.discard")}
                </Button>
              </div>
            </AlertDescription>
          </Alert>
        )}
        {showingDraft && draft && (
          <Alert variant="warning" className="mb-4 break-keep" data-testid="draft-notice">
            <FileWarningIcon />
            <AlertTitle>{t("drafts.title")}</AlertTitle>
            <AlertDescription>
              {strategy?.version != null
                ? t("drafts.description", { when: formatDateTime(draft.saved_at, localTimeZone()), version: strategy.version })
                : t("drafts.descriptionNoVersion", { when: formatDateTime(draft.saved_at, localTimeZone()) })}
            </AlertDescription>
          </Alert>
        )}

        {/*
          Phone: the code, the workbench, then the details. Desktop: the code and the details on the left,
          the workbench beside them. The strategy's forms hold only its own fields: Enter in the
          workbench's inputs must not save.
        */}
        <div className="grid gap-4 lg:grid-cols-2 lg:grid-rows-[auto_auto_1fr] lg:items-start">
          <form id={FORM_ID} onSubmit={onSubmit} noValidate className="grid min-w-0 content-start gap-4 lg:col-start-1 lg:row-start-1">
            <Card className="gap-0 overflow-hidden py-0">
              <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
                <span id="code-label" className="text-sm font-medium">
                  {t("strategies.code")}
                </span>
                <div aria-live="polite">{status}</div>
              </div>
              <div className="h-[26rem] sm:h-[32rem]" data-testid="code-editor">
                <CodeEditor
                  ref={editorRef}
                  value={code}
                  onChange={(value) => form.setValue("code", value, { shouldDirty: true })}
                  errors={errors}
                  catalogue={catalogue.data}
                  readOnly={readOnly}
                  ariaLabel={t("strategies.code")}
                  loadingLabel={t("common.loading")}
                />
              </div>
              <div className="flex flex-wrap items-center justify-between gap-2 border-t px-4 py-2 text-xs text-muted-foreground">
                <span>{t("strategies.editorHint")}</span>
                <span className="tabular-nums">{t("strategies.characters", { count: code.length })}</span>
              </div>
            </Card>
            <FormField
              control={form.control}
              name="code"
              render={() => (
                <FormItem>
                  <FormMessage />
                </FormItem>
              )}
            />

            {errors.length > 0 && (
              <Card className="gap-3 py-4" data-testid="code-errors">
                <CardHeader className="px-4">
                  <CardTitle className="text-sm">{t("strategies.problems")}</CardTitle>
                </CardHeader>
                <CardContent className="px-2">
                  <ul className="grid gap-0.5">
                    {errors.map((error, i) => (
                      <li key={`${error.line}:${error.column}:${i}`}>
                        <button
                          type="button"
                          onClick={() => editorRef.current?.reveal(error.line ?? 1, error.column ?? 1)}
                          className="flex w-full items-start gap-3 rounded-md px-2 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
                        >
                          <AlertCircleIcon className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
                          <span className="shrink-0 font-mono text-xs leading-5 text-muted-foreground tabular-nums">
                            {t("strategies.lineColumn", { line: error.line ?? 1, column: error.column ?? 1 })}
                          </span>
                          <span>{error.message}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            )}
          </form>

          {/* Spanning into the last, flexible row, the workbench's height never stretches the rows on the left. */}
          <div className="min-w-0 lg:col-start-2 lg:row-span-3 lg:row-start-1">
            <Workbench
              code={codeState === "ok" ? debouncedCode : null}
              parameters={parameters}
              codeState={codeState}
              strategyId={id}
              unsaved={dirty || !id}
              save={saveForKeep}
              onKept={(savedId) => {
                if (!id) router.replace(`/strategies/${savedId}`);
              }}
            />
          </div>

          <form onSubmit={onSubmit} noValidate className="grid min-w-0 content-start gap-4 lg:col-start-1 lg:row-start-2">
            <Card className="gap-4">
              <CardHeader>
                <CardTitle className="text-sm">{t("strategies.details")}</CardTitle>
              </CardHeader>
              <CardContent className="grid gap-4">
                <InputField control={form.control} name="name" label={t("strategies.name")} readOnly={readOnly} maxLength={200} />
                <FormField
                  control={form.control}
                  name="description"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>{t("strategies.descriptionLabel")}</FormLabel>
                      <FormControl>
                        <Textarea {...field} readOnly={readOnly} rows={3} className="max-h-40" />
                      </FormControl>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <SwitchField
                  control={form.control}
                  name="is_public"
                  label={t("strategies.public")}
                  description={t("strategies.publicHint")}
                  disabled={readOnly}
                />
                {!readOnly && (
                  <InputField
                    control={form.control}
                    name="note"
                    label={t("versions.note")}
                    placeholder={t("versions.notePlaceholder")}
                    maxLength={500}
                    data-testid="version-note"
                  />
                )}
              </CardContent>
            </Card>
            <Card className="gap-4">
              <CardHeader>
                <CardTitle className="text-sm">{t("strategies.outputs")}</CardTitle>
              </CardHeader>
              <CardContent>
                {outputs.length > 0 ? (
                  <div className="flex flex-wrap gap-1.5">
                    {outputs.map((output) => (
                      <Badge key={output} variant="outline" className="font-mono">
                        {output}
                      </Badge>
                    ))}
                  </div>
                ) : (
                  <p className="text-sm text-muted-foreground">{t("strategies.noOutputs")}</p>
                )}
              </CardContent>
            </Card>
            {strategy && (
              <p className="px-1 text-xs text-muted-foreground">
                {t("strategies.created", { when: formatDateTime(strategy.created_at, localTimeZone()) })}
                {" · "}
                {formatNumber(code.split("\n").length, locale)} {t("strategies.lines")}
              </p>
            )}
          </form>
        </div>

        {id && !readOnly && strategy?.version != null && (
          <div className="mt-4">
            <StrategyHistory
              strategyId={id}
              currentVersion={strategy.version}
              initialVersion={initialVersion}
              currentCode={code}
              dirty={dirty}
              onRestored={showSaved}
            />
          </div>
        )}
        <UnsavedChangesDialog />

        {id && (
          <ConfirmDialog
            open={confirmDelete}
            onOpenChange={setConfirmDelete}
            title={t("strategies.deleteTitle")}
            description={t("strategies.deleteDescription", { name: strategy?.name ?? "" })}
            confirmLabel={t("common.delete")}
            destructive
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(id, {
                onSuccess: () => {
                  form.reset(form.getValues());
                  toast.success(t("strategies.deleted"));
                  router.replace("/strategies");
                },
                onError: () => toast.error(t("errors.unexpected")),
              })
            }
          />
        )}
      </div>
    </Form>
  );
}
