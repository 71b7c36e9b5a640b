"use client";

import { FileCode2Icon, LayoutTemplateIcon } from "lucide-react";
import { useState } from "react";
import { LoadingRows, QueryState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { SchemaStrategyTemplateResponse } from "@/lib/api/schema";
import { useLanguage, useT } from "@/lib/i18n";
import { useTemplates } from "../api/get-templates";

export function templateName(template: SchemaStrategyTemplateResponse, language: "en" | "ko") {
  return (language === "ko" ? template.name_ko : undefined) ?? template.name ?? template.id ?? "";
}

export function templateDescription(template: SchemaStrategyTemplateResponse, language: "en" | "ko") {
  return (language === "ko" ? template.description_ko : undefined) ?? template.description ?? "";
}

export function TemplateList({ onPick }: { onPick: (template: SchemaStrategyTemplateResponse) => void }) {
  const t = useT();
  const language = useLanguage();
  const templates = useTemplates();
  return (
    <QueryState query={templates} loading={<LoadingRows count={5} rowClassName="h-16" />}>
      <ul className="grid gap-2" aria-label={t("strategies.templates")}>
        {(templates.data ?? []).map((template) => (
          <li key={template.id}>
            <button
              type="button"
              onClick={() => onPick(template)}
              data-testid={`template-${template.id}`}
              className="flex w-full items-start gap-3 rounded-lg border p-3 text-left transition-colors outline-none hover:border-primary/50 hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <FileCode2Icon className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
              <span className="grid min-w-0 gap-1">
                <span className="font-medium">{templateName(template, language)}</span>
                <span className="text-sm text-muted-foreground">{templateDescription(template, language)}</span>
                {template.parameters && template.parameters.length > 0 && (
                  <span className="flex flex-wrap gap-1">
                    {template.parameters.map((p) => (
                      <Badge key={p.name} variant="secondary" className="font-mono">
                        {p.name}={p.default}
                      </Badge>
                    ))}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </QueryState>
  );
}

export function TemplatePicker({ onPick, replaces }: { onPick: (template: SchemaStrategyTemplateResponse) => void; replaces: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="open-templates">
          <LayoutTemplateIcon />
          {t("strategies.templates")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("strategies.pickTemplate")}</DialogTitle>
          <DialogDescription>{replaces ? t("strategies.pickTemplateReplaces") : t("strategies.pickTemplateDescription")}</DialogDescription>
        </DialogHeader>
        <TemplateList
          onPick={(template) => {
            onPick(template);
            setOpen(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
