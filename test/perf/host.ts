// Runs inside the VS Code extension host (as `extensionTestsPath`, started by test/perf/run.mjs): measures the
// extension's activation and the time from an edit to refreshed semantic tokens, and writes them as JSON to
// the file named by ARTICLE_ANNOTATOR_PERF_RESULTS.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-annotator.article-annotator';
export const PERF_RESULTS_ENV = 'ARTICLE_ANNOTATOR_PERF_RESULTS';
export const ARTICLE_NAME = 'long.article';
const EDITS = 15;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function p90(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.9 * s.length))];
}

async function semanticTokens(uri: vscode.Uri): Promise<number> {
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
  return tokens ? tokens.data.length / 5 : 0;
}

/** Inserts and removes a short clause in the middle of the article, timing each edit until the tokens come back. */
async function editToTokens(editor: vscode.TextEditor): Promise<number[]> {
  const doc = editor.document;
  const line = Math.floor(doc.lineCount / 2);
  const insertion = ' Anna Berg said so.';
  const times: number[] = [];
  for (let i = 0; i < EDITS + 2; i++) {
    const at = doc.lineAt(line).range.end;
    const t0 = performance.now();
    const applied = await editor.edit((b) => (i % 2 ? b.delete(new vscode.Range(at.translate(0, -insertion.length), at)) : b.insert(at, insertion)));
    if (!applied) throw new Error('the edit was not applied');
    const count = await semanticTokens(doc.uri);
    const ms = performance.now() - t0;
    if (count === 0) throw new Error('no semantic tokens after an edit');
    if (i >= 2) times.push(ms); // the first two warm the path up
  }
  return times;
}

export async function run(): Promise<void> {
  const out = process.env[PERF_RESULTS_ENV];
  if (!out) throw new Error(`${PERF_RESULTS_ENV} is not set`);
  const result: Record<string, unknown> = { vscodeVersion: vscode.version };
  try {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
    result.activeBeforeMeasuring = extension.isActive;
    const t0 = performance.now();
    const api = (await extension.activate()) as { activationMs?: number };
    // End to end, as an extension calling activate() sees it: includes VS Code's own loading of the extension.
    result.activationEndToEndMs = performance.now() - t0;
    // What VS Code's "Running Extensions" view calls activation: loading the code plus the activate() call.
    // Code loading is timed on a fresh copy of the bundle (its top level only defines, so loading twice is harmless).
    const bundle = require.resolve(path.join(extension.extensionPath, 'dist', 'extension.js'));
    const cached = require.cache[bundle];
    delete require.cache[bundle];
    const loading = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- timing the load itself
    require(bundle);
    result.codeLoadingMs = performance.now() - loading;
    if (cached) require.cache[bundle] = cached;
    result.activateCallMs = api.activationMs;
    result.activationMs = (result.codeLoadingMs as number) + (api.activationMs ?? NaN);

    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, ARTICLE_NAME));
    const editor = await vscode.window.showTextDocument(doc);
    result.articleBytes = Buffer.byteLength(doc.getText());
    const t1 = performance.now();
    result.firstTokens = await semanticTokens(doc.uri);
    result.firstTokensMs = performance.now() - t1;

    const config = vscode.workspace.getConfiguration('articleAnnotator');
    result.debounceMs = config.get<number>('debounceMs');
    const withDebounce = await editToTokens(editor);
    result.edits = withDebounce.length;
    result.editToTokensMs = median(withDebounce);
    result.editToTokensP90Ms = p90(withDebounce);

    await config.update('debounceMs', 0, vscode.ConfigurationTarget.Global);
    try {
      const immediate = await editToTokens(editor);
      result.editToTokensNoDebounceMs = median(immediate);
      result.editToTokensNoDebounceP90Ms = p90(immediate);
    } finally {
      await config.update('debounceMs', undefined, vscode.ConfigurationTarget.Global);
    }
  } catch (e) {
    result.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  fs.writeFileSync(out, JSON.stringify(result));
}
