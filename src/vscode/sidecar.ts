/**
 * Reading and writing an article's corrections sidecar `<article>.annotations.json` through
 * `vscode.workspace.fs`, so it works in virtual workspaces too.
 *
 * - A sidecar that is not valid JSON or not the expected shape is never written over: the user is
 *   told which file and what is wrong, corrections are off for that article until it is fixed.
 * - Writes go to a temporary file that is then renamed over the sidecar, one write at a time per
 *   article, each applied to the file as it is on disk at that moment (outside edits are not lost).
 * - A watcher reloads the sidecar when something else changes it.
 */
import * as vscode from 'vscode';
import type { Sidecar } from '../core/annotations';
import { emptySidecar, parseSidecar, serializeSidecar, SIDECAR_SUFFIX } from '../core/annotations';

export type SidecarState =
  | { status: 'none'; uri: vscode.Uri }
  | { status: 'ok'; uri: vscode.Uri; sidecar: Sidecar; json: string }
  | { status: 'corrupt'; uri: vscode.Uri; problem: string };

export class SidecarError extends Error {}

/** Schemes whose documents have no place on disk for a sidecar. */
const NO_SIDECAR_SCHEMES = new Set(['untitled', 'git', 'output', 'vscode-notebook-cell', 'walkThrough']);

export function sidecarUriFor(article: vscode.Uri): vscode.Uri | undefined {
  if (NO_SIDECAR_SCHEMES.has(article.scheme)) return undefined;
  return article.with({ path: article.path + SIDECAR_SUFFIX });
}

export function articleUriFor(sidecar: vscode.Uri): vscode.Uri | undefined {
  if (!sidecar.path.endsWith(SIDECAR_SUFFIX)) return undefined;
  return sidecar.with({ path: sidecar.path.slice(0, -SIDECAR_SUFFIX.length) });
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export class SidecarStore implements vscode.Disposable {
  private readonly states = new Map<string, SidecarState>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly ownWatchers = new Map<string, vscode.Disposable>();
  /** Problems already shown, so a corrupt file is reported once, not on every keystroke. */
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The sidecar of this article changed (written here or elsewhere, created, deleted, repaired). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log?: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const reload = (uri: vscode.Uri): void => {
      const article = articleUriFor(uri);
      if (article && this.states.has(article.toString())) void this.reload(article);
    };
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /** The state of the article's sidecar, read from disk the first time it is asked for. */
  async get(article: vscode.Uri): Promise<SidecarState | undefined> {
    const uri = sidecarUriFor(article);
    if (!uri) return undefined;
    const known = this.states.get(article.toString());
    if (known) return known;
    this.watchOutsideWorkspace(article, uri);
    const state = await this.read(uri, article);
    this.states.set(article.toString(), state);
    this.report(state);
    return state;
  }

  /** The last state read, without touching the disk. */
  peek(article: vscode.Uri): SidecarState | undefined {
    return this.states.get(article.toString());
  }

  /** Reads the sidecar again and tells listeners when it differs from what was known. */
  async reload(article: vscode.Uri): Promise<void> {
    const uri = sidecarUriFor(article);
    if (!uri) return;
    const before = this.states.get(article.toString());
    const state = await this.read(uri, article);
    this.states.set(article.toString(), state);
    if (sameState(before, state)) return;
    this.report(state);
    this.changed.fire(article);
  }

  /**
   * Changes the article's corrections: `edit` gets the sidecar as it is on disk now (an empty one when
   * there is none) and returns the new one. Refused, with a SidecarError naming the file and the problem,
   * when the sidecar on disk cannot be read or is corrupt.
   */
  update(article: vscode.Uri, edit: (sidecar: Sidecar) => Sidecar): Promise<Sidecar> {
    const key = article.toString();
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(article, edit));
    this.queues.set(key, next);
    return next;
  }

  private async write(article: vscode.Uri, edit: (sidecar: Sidecar) => Sidecar): Promise<Sidecar> {
    const uri = sidecarUriFor(article);
    if (!uri) throw new SidecarError('Save the article to a file first: corrections are kept in a file beside it.');
    const current = await this.read(uri, article);
    if (current.status === 'corrupt') {
      this.states.set(article.toString(), current);
      this.changed.fire(article);
      throw new SidecarError(describeProblem(current));
    }
    const base = current.status === 'ok' ? current.sidecar : emptySidecar(baseName(article));
    const sidecar = edit(base);
    const json = serializeSidecar(sidecar);
    if (current.status !== 'ok' || current.json !== json) await writeAtomically(uri, json);
    this.states.set(article.toString(), { status: 'ok', uri, sidecar, json });
    this.changed.fire(article);
    return sidecar;
  }

  private async read(uri: vscode.Uri, article: vscode.Uri): Promise<SidecarState> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { status: 'none', uri };
      return { status: 'corrupt', uri, problem: `cannot be read (${e instanceof Error ? e.message : String(e)})` };
    }
    let json: string;
    try {
      json = UTF8.decode(bytes);
    } catch {
      return { status: 'corrupt', uri, problem: 'not valid UTF-8 text' };
    }
    const parsed = parseSidecar(json, baseName(article));
    return parsed.ok ? { status: 'ok', uri, sidecar: parsed.sidecar, json } : { status: 'corrupt', uri, problem: parsed.problem };
  }

  private report(state: SidecarState): void {
    if (state.status !== 'corrupt') {
      for (const key of [...this.reported]) if (key.startsWith(state.uri.toString() + '\n')) this.reported.delete(key);
      return;
    }
    const key = `${state.uri.toString()}\n${state.problem}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const message = describeProblem(state);
    this.log?.warn(message);
    void vscode.window.showErrorMessage(message, 'Open File').then((choice) => {
      if (choice) void vscode.window.showTextDocument(state.uri);
    });
  }

  /** The workspace watcher sees only workspace folders; an article opened from elsewhere gets a watcher of its own. */
  private watchOutsideWorkspace(article: vscode.Uri, sidecar: vscode.Uri): void {
    const key = article.toString();
    if (vscode.workspace.getWorkspaceFolder(article) || this.ownWatchers.has(key)) return;
    const name = sidecar.path.slice(sidecar.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(sidecar, '..'), name));
    const reload = (): void => void this.reload(article);
    this.ownWatchers.set(key, vscode.Disposable.from(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload)));
  }

  forget(article: vscode.Uri): void {
    const key = article.toString();
    this.states.delete(key);
    this.ownWatchers.get(key)?.dispose();
    this.ownWatchers.delete(key);
  }

  dispose(): void {
    for (const w of this.ownWatchers.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function describeProblem(state: { uri: vscode.Uri; problem: string }): string {
  return (
    `Article Annotator: the corrections file ${vscode.workspace.asRelativePath(state.uri)} is not used: ${state.problem}. ` +
    'It is left as it is; fix or remove it to see and save corrections again. The automatic analysis still works.'
  );
}

function sameState(a: SidecarState | undefined, b: SidecarState): boolean {
  if (!a || a.status !== b.status) return false;
  if (a.status === 'ok' && b.status === 'ok') return a.json === b.json;
  if (a.status === 'corrupt' && b.status === 'corrupt') return a.problem === b.problem;
  return true;
}

/** Writes beside the target, then renames over it, so a reader never sees half a file. */
async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const temp = uri.with({ path: `${uri.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}
