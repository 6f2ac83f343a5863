// Helpers shared by the integration tests (they run inside the VS Code extension host).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core/types';

export const EXTENSION_ID = 'article-annotator.article-annotator';
export const SAMPLE_NAME = 'russia-ukraine-geneva.article';

export interface ArticleAnnotatorApi {
  analyze(text: string): Analysis;
}

export function getExtension(): vscode.Extension<ArticleAnnotatorApi> {
  const extension = vscode.extensions.getExtension<ArticleAnnotatorApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension;
}

export async function activateExtension(): Promise<ArticleAnnotatorApi> {
  const extension = getExtension();
  const api = await extension.activate();
  assert.ok(api && typeof api.analyze === 'function', 'activate() must return an API with analyze(text)');
  return api;
}

/** The workspace folder the runner opened: a temporary copy of samples/. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open a copy of samples/ as the workspace folder');
  return folder.uri;
}

export function sampleUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), SAMPLE_NAME);
}

export async function readSample(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri()));
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the bundled CLI (dist/cli.js) with the host's own runtime (Electron runs as Node with ELECTRON_RUN_AS_NODE). */
export function runCli(args: string[], input?: string): string {
  const cli = path.join(getExtension().extensionPath, 'dist', 'cli.js');
  return execFileSync(process.execPath, [cli, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Closes every editor without save prompts (untitled test documents are reverted). */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
