/**
 * English strings of strategy versions, drafts and the unsaved-changes guard (spread into en.ts; the
 * Korean ones in ko-versions.ts must have every key, which the type checks).
 */
export const enVersions = {
  versions: {
    tab: "History",
    title: "Versions",
    description: "Every save that changed the code is kept. Pick one to compare it, or restore it as a new version.",
    empty: "No version yet: save code without errors to make version 1.",
    label: "v{number}",
    current: "Current",
    restoredFrom: "Restored from v{number}",
    noNote: "No note",
    runsUsing: "{count} run|{count} runs",
    noRuns: "No runs",
    loadMore: "Show older versions",
    compareWith: "Compare with",
    againstCurrent: "Current code",
    againstPrevious: "Previous version",
    sameAsCurrent: "This is the current version.",
    firstVersion: "The first version has no previous one.",
    noDifferences: "No differences.",
    original: "v{number}",
    modified: "v{number}",
    diffLabel: "Differences between {left} and {right}",
    diffUnavailable: "The comparison could not be loaded.",
    restore: "Restore this version",
    restoreTitle: "Restore v{number}?",
    restoreDescription:
      "Its code becomes the strategy's code again as a new version (v{next}). Nothing is deleted: every version stays in the history.",
    restoreDirty: "Your unsaved edits in the editor will be replaced.",
    restored: "Restored v{number} as v{next}",
    note: "Note for this save",
    notePlaceholder: "What changed (optional)",
    noteTooLong: "At most 500 characters",
    tooMany: "This strategy keeps the most versions it may (500). Copy it to go on editing.",
    runVersion: "v{number}",
    runVersionTitle: "The strategy's version this run used",
    changedSince: "edited since",
    changedSinceTitle: "The strategy has changed since this run",
  },
  drafts: {
    title: "Draft: it has errors and cannot run",
    description:
      "Saved {when}. Runs and the workbench keep using the last version without errors (v{version}) until this code is fixed and saved.",
    descriptionNoVersion:
      "Saved {when}. This strategy has no version without errors yet, so it cannot run until this code is fixed and saved.",
    saved: "Saved as a draft: the code has errors",
    offerTitle: "There is an unsaved draft",
    offerDescription:
      "Saved {when}, with {count} error. Load it into the editor, or discard it and keep v{version}.|Saved {when}, with {count} errors. Load it into the editor, or discard it and keep v{version}.",
    load: "Load",
    discard: "Discard",
    discarded: "Draft discarded",
    loaded: "Draft loaded: fix its errors and save",
    notRunnable: "This strategy is only a draft with errors: save it without errors to run it.",
  },
  unsaved: {
    title: "You have unsaved changes",
    description: "Leave this page and your edits are lost.",
    discard: "Don't save",
    stay: "Keep editing",
  },
};
