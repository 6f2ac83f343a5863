/**
 * Commands that correct the analysis — mark the selection, reject an automatic annotation, rename and
 * merge actors, delete a correction — and the export command. Every correction is written to the
 * article's sidecar; the analysis service then shows the merged view.
 */
import * as vscode from 'vscode';
import type { MarkType, RejectableType, SidecarAnnotation, SpanBody } from '../core/annotations';
import { addAnnotation, documentAnnotation, removeAnnotation, spanAnnotation } from '../core/annotations';
import { bratAnnotationConf, EXPORT_FORMATS, exportAs, exportFileName, isExportFormat } from '../core/export';
import type { ExportFormat } from '../core/export';
import { shorten } from '../core/lookup';
import type { Actor, Analysis, QuoteKind, Span } from '../core/types';
import type { ArticleAnalysis } from './analysisService';
import type { CorrectionsModel } from './corrections';
import { describeCorrection } from './corrections';
import type { FeatureContext } from './feature';
import { describeProblem, SidecarError } from './sidecar';

type MarkKind = MarkType | 'quote' | 'demand';

/** Arguments that skip the pickers (for keybindings, other extensions and tests). */
export interface MarkArgs {
  type?: MarkKind;
  /** For person, organization, location: the actor the mention belongs to. */
  actor?: string;
  /** For person, organization, location: the actor's role or title in this article, kept as an alias. */
  role?: string;
  speaker?: string;
  kind?: QuoteKind;
  holder?: string;
  addressee?: string;
}

/** What the reject command may be given: a tree row, a correction row, or a span. */
type RejectTarget =
  | { kind: 'quote'; quote: Span }
  | { kind: 'demand'; demand: Span }
  | { kind: 'actor'; actor: Actor }
  | { kind: 'correction'; annotation: SidecarAnnotation; uri: vscode.Uri }
  | { start: number; end: number; type?: RejectableType };

interface Candidate {
  label: string;
  description: string;
  span: Span;
  /** The automatic item's category, or the id of the user's own annotation to remove. */
  rejects?: RejectableType;
  removes?: string;
}

const TYPE_PICKS: { label: string; type: MarkKind; description: string }[] = [
  { label: '$(person) Person', type: 'person', description: 'a person named in the text' },
  { label: '$(organization) Organization', type: 'organization', description: 'a company, party, government, body' },
  { label: '$(location) Place', type: 'location', description: 'a country, city, region' },
  { label: '$(quote) Quote', type: 'quote', description: 'words attributed to a speaker' },
  { label: '$(megaphone) Demand', type: 'demand', description: 'who asks what from whom' },
];

const ICONS: Record<string, string> = { person: 'person', organization: 'organization', location: 'location' };

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function registerAnnotationCommands(ctx: FeatureContext, model: CorrectionsModel): vscode.Disposable[] {
  const { service } = ctx;

  const articleEditor = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor && service.isArticle(editor.document)) return editor;
    return ctx.active.editor;
  };

  const current = async (): Promise<{ editor: vscode.TextEditor; result: ArticleAnalysis } | undefined> => {
    const editor = articleEditor();
    if (!editor) {
      void vscode.window.showInformationMessage('Open an article first.');
      return undefined;
    }
    const result = await service.analysisOf(editor.document, 'now');
    return result ? { editor, result } : undefined;
  };

  /** Applies `edit` to the sidecar; tells the user when it cannot be saved. Returns true when saved. */
  const save = async (document: vscode.TextDocument, edit: Parameters<CorrectionsModel['store']['update']>[1]): Promise<boolean> => {
    try {
      await model.store.update(document.uri, edit);
      return true;
    } catch (e) {
      const message = e instanceof SidecarError ? e.message : `Article Annotator: the correction could not be saved: ${e instanceof Error ? e.message : String(e)}`;
      void vscode.window.showErrorMessage(message);
      return false;
    }
  };

  /** Asks for an actor name: one of the article's actors, or typed. `extra` items come first. */
  const pickActor = async (analysis: Analysis, title: string, options: { preferType?: string; allowNone?: string; typed?: string } = {}): Promise<string | null | undefined> => {
    type Item = vscode.QuickPickItem & { name?: string | null; typeIt?: boolean };
    const actors = [...analysis.actors].sort(
      (a, b) => Number(b.type === options.preferType) - Number(a.type === options.preferType) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name),
    );
    const items: Item[] = [];
    if (options.typed) items.push({ label: `$(add) ${options.typed}`, name: null });
    items.push(...actors.map((a): Item => ({ label: `$(${ICONS[a.type] ?? 'symbol-misc'}) ${a.name}`, description: `${a.type} · ${a.mentions.length} mentions`, name: a.name })));
    items.push({ label: '$(edit) Type a name…', typeIt: true });
    if (options.allowNone) items.push({ label: `$(circle-slash) ${options.allowNone}`, name: null });
    const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
    if (!picked) return undefined;
    if (picked.typeIt) {
      const typed = await vscode.window.showInputBox({ title, prompt: 'Name as it should appear', validateInput: (v) => (v.trim() ? undefined : 'Enter a name') });
      return typed === undefined ? undefined : typed.trim();
    }
    return picked.name ?? null;
  };

  const markSelection = async (args?: MarkArgs): Promise<string | undefined> => {
    const found = await current();
    if (!found) return undefined;
    const { editor, result } = found;
    const document = editor.document;
    let start = document.offsetAt(editor.selection.start);
    let end = document.offsetAt(editor.selection.end);
    const text = document.getText();
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (start === end) {
      void vscode.window.showInformationMessage('Select the words to mark first.');
      return undefined;
    }
    const selected = shorten(text.slice(start, end), 40);
    const type = args?.type ?? (await vscode.window.showQuickPick(TYPE_PICKS, { title: `Mark “${selected}” as…` }))?.type;
    if (!type) return undefined;
    let body: SpanBody;
    if (type === 'quote') {
      const speaker = args?.type ? args.speaker : await pickActor(result.analysis, 'Who says it?', { preferType: 'person', allowNone: 'No speaker' });
      if (speaker === undefined && !args?.type) return undefined;
      body = { type, ...(speaker ? { speaker } : {}), ...(args?.kind ? { kind: args.kind } : {}) };
    } else if (type === 'demand') {
      const holder = args?.type ? args.holder : await pickActor(result.analysis, 'Who demands it?', { allowNone: 'Not named' });
      if (holder === undefined && !args?.type) return undefined;
      const addressee = args?.type ? args.addressee : await pickActor(result.analysis, 'From whom?', { allowNone: 'Not named' });
      if (addressee === undefined && !args?.type) return undefined;
      body = { type, ...(holder ? { holder } : {}), ...(addressee ? { addressee } : {}) };
    } else {
      const actor = args?.type
        ? args.actor
        : await pickActor(result.analysis, 'Which actor is it?', { preferType: type, typed: `“${selected}” (as written)` });
      if (actor === undefined && !args?.type) return undefined;
      const role = args?.type
        ? args.role
        : await vscode.window.showInputBox({ title: 'Role or title in this article (optional)', prompt: 'e.g. "chief negotiator"; leave empty for none' });
      body = { type, ...(actor ? { actor } : {}), ...(role?.trim() ? { role: role.trim() } : {}) };
    }
    const annotation = spanAnnotation(fileName(document.uri), text, { start, end }, body);
    return (await save(document, (s) => addAnnotation(s, annotation))) ? annotation.id : undefined;
  };

  /** What can be rejected at `offset`: the user's own marks (removed) and automatic items (rejected). */
  const candidatesAt = (uri: vscode.Uri, result: ArticleAnalysis, offset: number): Candidate[] => {
    const inside = (s: Span): boolean => s.start <= offset && offset <= s.end;
    const out: Candidate[] = [];
    for (const p of model.of(uri)?.placed ?? []) {
      if (p.annotation.body.type !== 'rejection' && inside(p.span)) {
        out.push({ label: `$(trash) Remove your mark “${shorten(result.text.slice(p.span.start, p.span.end), 40)}”`, description: describeCorrection(p.annotation), span: p.span, removes: p.annotation.id });
      }
    }
    const { analysis } = result;
    for (const e of analysis.entities) if (!e.manual && inside(e)) out.push({ label: `$(circle-slash) Not a ${e.type}: “${e.text}”`, description: 'automatic', span: e, rejects: e.type });
    for (const q of analysis.quotes) if (!q.manual && inside(q)) out.push({ label: `$(circle-slash) Not a quote: “${shorten(q.text, 40)}”`, description: 'automatic', span: q, rejects: 'quote' });
    for (const d of analysis.demands) if (!d.manual && inside(d)) out.push({ label: `$(circle-slash) Not a demand: “${shorten(d.text, 40)}”`, description: 'automatic', span: d, rejects: 'demand' });
    return out;
  };

  const applyCandidates = async (document: vscode.TextDocument, text: string, chosen: Candidate[]): Promise<number> => {
    const annotations = chosen.filter((c) => c.rejects).map((c) => spanAnnotation(fileName(document.uri), text, c.span, { type: 'rejection', rejects: c.rejects as RejectableType }));
    const removed = new Set(chosen.flatMap((c) => (c.removes ? [c.removes] : [])));
    const saved = await save(document, (s) => {
      let next = s;
      for (const id of removed) next = removeAnnotation(next, id);
      for (const a of annotations) next = addAnnotation(next, a);
      return next;
    });
    return saved ? chosen.length : 0;
  };

  const rejectAnnotation = async (target?: RejectTarget): Promise<number> => {
    if (target && 'annotation' in target) return deleteCorrection(target);
    const found = await current();
    if (!found) return 0;
    const { editor, result } = found;
    const document = editor.document;
    if (target && 'kind' in target && target.kind === 'actor') {
      const mentions = result.analysis.entities.filter((e) => e.actor === target.actor.id && !e.manual);
      const chosen = mentions.map((e): Candidate => ({ label: e.text, description: '', span: e, rejects: e.type }));
      const done = await applyCandidates(document, result.text, chosen);
      if (done) vscode.window.setStatusBarMessage(`Article: rejected ${done} mention${done === 1 ? '' : 's'} of ${target.actor.name}`, 4000);
      return done;
    }
    let candidates: Candidate[];
    if (target && 'kind' in target) {
      const span = target.kind === 'quote' ? target.quote : target.demand;
      candidates = candidatesAt(document.uri, result, span.start).filter((c) => c.span.start === span.start && c.span.end === span.end);
    } else if (target) {
      candidates = candidatesAt(document.uri, result, target.start).filter((c) => c.span.start === target.start && c.span.end === target.end && (!target.type || c.rejects === target.type));
    } else candidates = candidatesAt(document.uri, result, document.offsetAt(editor.selection.active));
    if (!candidates.length) {
      void vscode.window.showInformationMessage('Nothing to reject here: put the cursor on a highlighted name, a quote or a demand.');
      return 0;
    }
    const chosen = candidates.length === 1 ? candidates[0] : await vscode.window.showQuickPick(candidates, { title: 'Reject which annotation?' });
    if (!chosen) return 0;
    return applyCandidates(document, result.text, [chosen]);
  };

  const deleteCorrection = async (target?: { annotation: SidecarAnnotation; uri: vscode.Uri }): Promise<number> => {
    if (!target) return 0;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.uri.toString()) ?? (await vscode.workspace.openTextDocument(target.uri));
    return (await save(document, (s) => removeAnnotation(s, target.annotation.id))) ? 1 : 0;
  };

  const chooseActor = async (analysis: Analysis, title: string, exclude?: Actor): Promise<Actor | undefined> => {
    const items = analysis.actors
      .filter((a) => a !== exclude)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
      .map((a) => ({ label: `$(${ICONS[a.type] ?? 'symbol-misc'}) ${a.name}`, description: `${a.type} · ${a.mentions.length} mentions`, detail: a.aliases.filter((x) => x !== a.name).join(', ') || undefined, actor: a }));
    if (!items.length) {
      void vscode.window.showInformationMessage('No actors in this article.');
      return undefined;
    }
    return (await vscode.window.showQuickPick(items, { title, matchOnDetail: true }))?.actor;
  };

  const actorFrom = (analysis: Analysis, arg: unknown): Actor | undefined => {
    const given = arg as { kind?: string; actor?: Actor | string } | undefined;
    if (!given?.actor) return undefined;
    const name = typeof given.actor === 'string' ? given.actor : given.actor.name;
    return analysis.actors.find((a) => a.name === name || a.id === (given.actor as Actor).id);
  };

  /** The active article and the actor a command is about: the one passed in, or the one the user picks. */
  const actorToEdit = async (arg: unknown, question: string) => {
    const found = await current();
    if (!found) return undefined;
    const actor = actorFrom(found.result.analysis, arg) ?? (await chooseActor(found.result.analysis, question));
    return actor && { ...found, actor };
  };

  const renameActor = async (arg?: { actor?: Actor | string; name?: string }): Promise<boolean> => {
    const target = await actorToEdit(arg, 'Rename which actor?');
    if (!target) return false;
    const { editor, actor } = target;
    const name =
      arg?.name ??
      (await vscode.window.showInputBox({ title: `Rename ${actor.name}`, value: actor.name, prompt: 'The name this actor should go by', validateInput: (v) => (v.trim() ? undefined : 'Enter a name') }));
    if (!name?.trim() || name.trim() === actor.name) return false;
    const annotation = documentAnnotation(fileName(editor.document.uri), { type: 'rename', actor: actor.name, name: name.trim() });
    return save(editor.document, (s) => addAnnotation(s, annotation));
  };

  const mergeActors = async (arg?: { actor?: Actor | string; into?: string }): Promise<boolean> => {
    const target = await actorToEdit(arg, 'Merge which actor…');
    if (!target) return false;
    const { editor, result, actor } = target;
    const into = arg?.into ? result.analysis.actors.find((a) => a.name === arg.into) : await chooseActor(result.analysis, `Merge ${actor.name} into…`, actor);
    if (!into || into === actor) return false;
    const annotation = documentAnnotation(fileName(editor.document.uri), { type: 'merge', actor: actor.name, into: into.name });
    return save(editor.document, (s) => addAnnotation(s, annotation));
  };

  /**
   * brat and INCEpTION pair `name.ann` with `name.txt`: write the article's text there too, unless that file is the
   * article itself or already holds other text (which is never overwritten).
   */
  const writeBratText = async (ann: vscode.Uri, document: vscode.TextDocument): Promise<void> => {
    const txt = ann.with({ path: ann.path.replace(/(?:\.ann)?$/, '.txt') });
    if (txt.toString() === document.uri.toString()) return;
    const text = document.getText();
    try {
      const existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(txt));
      if (existing !== text) void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(txt)} holds other text; brat needs the article's text there to open the export.`);
      return;
    } catch {
      // No such file yet: write it.
    }
    await vscode.workspace.fs.writeFile(txt, new TextEncoder().encode(text));
  };

  const exportArticle = async (args?: { format?: string; target?: string }): Promise<string | undefined> => {
    const found = await current();
    if (!found) return undefined;
    const { editor, result } = found;
    const document = editor.document;
    let format: ExportFormat | undefined = args?.format && isExportFormat(args.format) ? args.format : undefined;
    if (args?.format && !format) throw new Error(`unknown export format "${args.format}"`);
    format ??= (await vscode.window.showQuickPick(EXPORT_FORMATS.map((f) => ({ label: f.label, description: f.description, detail: exportFileName(fileName(document.uri), f.id), format: f.id })), { title: 'Export the analysis as…' }))?.format;
    if (!format) return undefined;
    const name = exportFileName(fileName(document.uri), format);
    const beside = document.uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(document.uri, '..', name);
    let target = args?.target ? vscode.Uri.parse(args.target) : undefined;
    if (!target) {
      const where = beside
        ? await vscode.window.showQuickPick(
            [
              { label: `$(file) Beside the article`, description: name, choose: false },
              { label: '$(folder-opened) Choose a location…', choose: true },
            ],
            { title: 'Where to?' },
          )
        : { choose: true };
      if (!where) return undefined;
      target = where.choose ? await vscode.window.showSaveDialog({ defaultUri: beside ?? vscode.Uri.file(name), title: 'Export the analysis' }) : beside;
    }
    if (!target) return undefined;
    if (target.toString() === document.uri.toString()) throw new Error('the export would replace the article itself');
    const output = exportAs(format, { text: result.text, analysis: result.analysis, source: fileName(document.uri), orphaned: model.of(document.uri)?.orphaned });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(output));
    if (format === 'brat') await writeBratText(target, document);
    if (!args?.target) {
      const actions = format === 'brat' ? ['Open', 'Write annotation.conf'] : ['Open'];
      void vscode.window.showInformationMessage(`Exported to ${vscode.workspace.asRelativePath(target)}.`, ...actions).then(async (choice) => {
        if (choice === 'Open') await vscode.window.showTextDocument(target);
        if (choice === 'Write annotation.conf') await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, '..', 'annotation.conf'), new TextEncoder().encode(bratAnnotationConf()));
      });
    }
    return target.toString();
  };

  /** The corrections state of an article, for scripts and tests: what the user would see in the Corrections view. */
  const correctionsOf = async (uri?: string): Promise<object | undefined> => {
    const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : articleEditor()?.document;
    if (!document || !(await service.analysisOf(document, 'now'))) return undefined;
    const c = model.of(document.uri);
    const state = c?.state;
    return {
      sidecar: state?.uri.toString(),
      status: state?.status ?? 'none',
      problem: state?.status === 'corrupt' ? describeProblem(state) : undefined,
      placed: (c?.placed ?? []).map((p) => ({ id: p.annotation.id, type: p.annotation.body.type, start: p.span.start, end: p.span.end, method: p.method })),
      orphaned: (c?.orphaned ?? []).map((o) => ({ id: o.annotation.id, type: o.annotation.body.type, reason: o.reason })),
      actorEdits: (c?.actorEdits ?? []).map((a) => describeCorrection(a)),
    };
  };

  return [
    vscode.commands.registerCommand('articleAnnotator.correctionsOf', correctionsOf),
    vscode.commands.registerCommand('articleAnnotator.markSelection', markSelection),
    vscode.commands.registerCommand('articleAnnotator.rejectAnnotation', rejectAnnotation),
    vscode.commands.registerCommand('articleAnnotator.deleteCorrection', deleteCorrection),
    vscode.commands.registerCommand('articleAnnotator.renameActor', renameActor),
    vscode.commands.registerCommand('articleAnnotator.mergeActors', mergeActors),
    vscode.commands.registerCommand('articleAnnotator.export', exportArticle),
  ];
}
