// Corrections, exports and the workspace view in a real VS Code: marks and rejections saved to the sidecar and
// still there after the document is reopened, annotations that move with edits, a corrupt sidecar left alone,
// every export format validated, and actors listed across the sample articles.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core/types';
import { parseCsv, readConll, validateBrat, validateW3c, cpSlice } from '../unit/fixtures/exportValidators';
import { activateExtension, closeAllEditors, waitFor, workspaceFolder } from './support';

/** This suite waits on sidecar files, watchers and re-analysis: 15 s by default rather than 10 s. */
const waitLonger: typeof waitFor = (probe, what, timeoutMs = 15_000) => waitFor(probe, what, timeoutMs);

const STRIKE = 'valmora-harbour-strike.article';
const BUDGET = 'valmora-council-budget.news';
const MERGER = 'nordbahn-rail-merger.article';

interface CorrectionsState {
  status: 'none' | 'ok' | 'corrupt';
  problem?: string;
  placed: { id: string; type: string; start: number; end: number; method: string }[];
  orphaned: { id: string; type: string; reason: string }[];
  actorEdits: string[];
}

const uriOf = (name: string): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), name);
const sidecarOf = (name: string): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), `${name}.annotations.json`);
const decoder = new TextDecoder();

async function readFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function open(name: string): Promise<vscode.TextEditor> {
  await activateExtension();
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(name)));
}

function select(editor: vscode.TextEditor, needle: string): vscode.Range {
  const text = editor.document.getText();
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${editor.document.uri.path}`);
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + needle.length));
  editor.selection = new vscode.Selection(range.start, range.end);
  return range;
}

async function corrections(name: string): Promise<CorrectionsState> {
  const state = await vscode.commands.executeCommand<CorrectionsState>('articleAnnotator.correctionsOf', uriOf(name).toString());
  assert.ok(state, `corrections state of ${name}`);
  return state;
}

/** Semantic token types covering exactly `range` (or, with `overlapping`, any part of it). */
async function tokensAt(document: vscode.TextDocument, range: vscode.Range, overlapping = false): Promise<string[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine ? deltaStart : character + deltaStart;
    const token = new vscode.Range(line, character, line, character + length);
    const exact = token.isEqual(range);
    if (exact || (overlapping && token.intersection(range) && !token.intersection(range)?.isEmpty)) out.push(legend.tokenTypes[type]);
  }
  return out;
}

async function reopen(name: string): Promise<vscode.TextEditor> {
  // Closing forgets the document's analysis and corrections; reopening reads the sidecar from disk again.
  await closeAllEditors();
  return open(name);
}

async function removeSidecar(name: string): Promise<void> {
  await vscode.workspace.fs.delete(sidecarOf(name)).then(undefined, () => undefined);
}

describe('Corrections are kept beside the article', function () {
  this.timeout(60_000);

  after(async () => {
    await closeAllEditors();
    for (const name of [STRIKE, BUDGET, MERGER]) await removeSidecar(name);
  });

  it('mark → sidecar written → reopen → the mark is still there, highlighted and confirmed', async () => {
    const editor = await open(STRIKE);
    const range = select(editor, 'container terminal');
    const id = await vscode.commands.executeCommand<string>('articleAnnotator.markSelection', { type: 'location', actor: 'Valmora container terminal' });
    assert.match(id, /^urn:uuid:/);
    const sidecar = JSON.parse(await waitLonger(() => readFile(sidecarOf(STRIKE)), 'the sidecar file'));
    assert.strictEqual(sidecar['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    const [annotation] = sidecar.first.items;
    assert.strictEqual(annotation.id, id);
    assert.deepStrictEqual(annotation.body, { type: 'location', actor: 'Valmora container terminal' });
    const [quote, position] = annotation.target.selector;
    assert.strictEqual(quote.exact, 'container terminal');
    assert.strictEqual(cpSlice(editor.document.getText(), position.start, position.end), 'container terminal');
    assert.deepStrictEqual(await tokensAt(editor.document, range), ['location']);

    const again = await reopen(STRIKE);
    assert.deepStrictEqual(await tokensAt(again.document, range), ['location'], 'still a place after reopening');
    const state = await corrections(STRIKE);
    assert.deepStrictEqual(state.placed.map((p) => [p.id, p.method]), [[id, 'position']]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', again.document.uri, range.start.translate(0, 2));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(hoverText, /Valmora container terminal/, 'the hover names the actor the mark belongs to');
  });

  it('a rejected automatic annotation disappears and stays gone after reopening', async () => {
    const api = await activateExtension();
    const editor = await open(STRIKE);
    const automatic = api.analyze(editor.document.getText());
    const entity = automatic.entities.find((e) => e.text === 'Harbour Authority');
    assert.ok(entity, 'the engine finds the Harbour Authority');
    const range = new vscode.Range(editor.document.positionAt(entity.start), editor.document.positionAt(entity.end));
    assert.strictEqual((await tokensAt(editor.document, range, true)).length, 1);
    const done = await vscode.commands.executeCommand<number>('articleAnnotator.rejectAnnotation', { start: entity.start, end: entity.end, type: entity.type });
    assert.strictEqual(done, 1);
    await waitLonger(async () => (await tokensAt(editor.document, range, true)).length === 0, 'the rejected highlight to go');
    const again = await reopen(STRIKE);
    assert.deepStrictEqual(await tokensAt(again.document, range, true), [], 'still rejected after reopening');
    assert.ok((await corrections(STRIKE)).placed.some((p) => p.type === 'rejection'));
  });

  it('an edit above an annotation moves it with the text; saving stores the new place; undo keeps it', async () => {
    const editor = await open(STRIKE);
    const before = (await corrections(STRIKE)).placed.find((p) => p.type === 'location');
    assert.ok(before);
    const inserted = 'UPDATED 18:05 — adds minister’s statement 🚢\n\n';
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), inserted));
    const moved = await waitLonger(async () => {
      const p = (await corrections(STRIKE)).placed.find((x) => x.type === 'location');
      return p && p.start === before.start + inserted.length ? p : undefined;
    }, 'the mark to move');
    assert.strictEqual(editor.document.getText().slice(moved.start, moved.end), 'container terminal');
    const range = new vscode.Range(editor.document.positionAt(before.start + inserted.length), editor.document.positionAt(before.end + inserted.length));
    assert.deepStrictEqual(await tokensAt(editor.document, range), ['location']);

    await editor.document.save();
    const codePointStart = Array.from(editor.document.getText().slice(0, before.start + inserted.length)).length;
    await waitLonger(async () => {
      const s = JSON.parse((await readFile(sidecarOf(STRIKE))) ?? '{}');
      const mark = s.first?.items.find((a: { body: { type: string } }) => a.body.type === 'location');
      return mark?.target.selector[1].start === codePointStart;
    }, 'the saved sidecar to hold the new position');

    await vscode.commands.executeCommand('undo');
    await waitLonger(() => !editor.document.getText().startsWith('UPDATED'), 'undo');
    await waitLonger(async () => (await corrections(STRIKE)).placed.find((x) => x.type === 'location')?.start === before.start, 'the mark back in place');
    await editor.document.save();
    // The save stores the places again (they moved back); wait until that write is done.
    await waitLonger(async () => (await corrections(STRIKE)).placed.every((p) => p.method === 'position'), 'the sidecar to be written after the save');
    const sidecar = JSON.parse((await readFile(sidecarOf(STRIKE))) ?? '{}');
    assert.strictEqual(sidecar.first.items.length, 2, 'undo in the editor lost no correction');
  });

  it('picks up changes made to the sidecar outside the editor', async () => {
    const editor = await open(STRIKE);
    const range = select(editor, 'container terminal');
    const saved = await readFile(sidecarOf(STRIKE));
    assert.ok(saved);
    await vscode.workspace.fs.delete(sidecarOf(STRIKE));
    await waitLonger(async () => (await tokensAt(editor.document, range)).length === 0, 'the mark to go with its file');
    await vscode.workspace.fs.writeFile(sidecarOf(STRIKE), new TextEncoder().encode(saved));
    await waitLonger(async () => (await tokensAt(editor.document, range))[0] === 'location', 'the mark to come back with its file');
  });

  it('a corrupt sidecar gives a clear message, stays untouched, and the automatic analysis still works', async () => {
    const corrupt = '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [{"id": 7}]}}\n';
    await vscode.workspace.fs.writeFile(sidecarOf(MERGER), new TextEncoder().encode(corrupt));
    const editor = await open(MERGER);
    const state = await corrections(MERGER);
    assert.strictEqual(state.status, 'corrupt');
    assert.match(state.problem ?? '', /nordbahn-rail-merger\.article\.annotations\.json is not used: first\.items\[0\]\.id: expected a string, found 7/);
    select(editor, 'Competition Authority');
    const id = await vscode.commands.executeCommand<string | undefined>('articleAnnotator.markSelection', { type: 'organization' });
    assert.strictEqual(id, undefined, 'the mark is refused');
    assert.strictEqual(await readFile(sidecarOf(MERGER)), corrupt, 'the file is untouched');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(symbols.length > 0, 'the automatic analysis is still shown');
    await removeSidecar(MERGER);
  });

  it('renames and merges actors from the commands, and the sidebar data follows', async () => {
    const editor = await open(BUDGET);
    assert.ok(await vscode.commands.executeCommand<boolean>('articleAnnotator.renameActor', { actor: 'Elena Duarte', name: 'Mayor Elena Duarte' }));
    await waitLonger(async () => (await corrections(BUDGET)).actorEdits.length === 1, 'the rename to apply');
    // The union's spokesman stands for the union in this story.
    assert.ok(await vscode.commands.executeCommand<boolean>('articleAnnotator.mergeActors', { actor: 'Tomás Okafor', into: 'Valmora Dockworkers Union' }));
    const state = await waitLonger(async () => {
      const c = await corrections(BUDGET);
      return c.actorEdits.length === 2 ? c : undefined;
    }, 'the merge to apply');
    assert.deepStrictEqual(state.actorEdits, ['rename “Elena Duarte” to “Mayor Elena Duarte”', 'merge “Tomás Okafor” into “Valmora Dockworkers Union”']);
    const okaforAt = editor.document.positionAt(editor.document.getText().indexOf('Okafor said') + 1);
    const okaforHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, okaforAt);
    assert.match(okaforHover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n'), /Valmora Dockworkers Union/);
    const hoverAt = editor.document.positionAt(editor.document.getText().indexOf('Duarte said') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, hoverAt);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Mayor Elena Duarte/);
  });
});

describe('Exports in every format', function () {
  this.timeout(60_000);
  after(() => removeSidecar(STRIKE));

  it('writes json, w3c, brat, conll, csv and md beside the article, each valid', async () => {
    const editor = await open(STRIKE);
    select(editor, 'Union members');
    await vscode.commands.executeCommand('articleAnnotator.markSelection', { type: 'organization', actor: 'Valmora Dockworkers Union' });
    const text = editor.document.getText();
    const outputs: Record<string, string> = {};
    for (const format of ['json', 'w3c', 'brat', 'conll', 'csv', 'md']) {
      const target = vscode.Uri.joinPath(workspaceFolder(), 'exports', `strike.${format}`);
      const written = await vscode.commands.executeCommand<string>('articleAnnotator.export', { format, target: target.toString() });
      assert.strictEqual(written, target.toString());
      outputs[format] = (await readFile(target)) as string;
      assert.ok(outputs[format], `${format} written`);
    }
    const analysis = JSON.parse(outputs.json) as Analysis;
    assert.ok(analysis.entities.some((e) => e.manual && e.text === 'Union members'), 'exports show the merged view');
    validateW3c(outputs.w3c, text, analysis, STRIKE);
    assert.ok(JSON.parse(outputs.w3c).first.items.some((i: { body: { origin: string } }) => i.body.origin === 'manual'));
    validateBrat(outputs.brat, text);
    assert.match(outputs.brat, /^A\d+\tManual T\d+$/m);
    assert.ok(readConll(outputs.conll).entities.some((e) => e.text === 'Tomás Okafor' && e.type === 'PER'));
    const rows = parseCsv(outputs.csv);
    assert.strictEqual(rows.length - 1, analysis.quotes.length + analysis.demands.length);
    assert.match(outputs.md, /^# Dockworkers in Valmora walk out as pay talks collapse$/m);
    assert.match(outputs.md, /^\| Tomás Okafor \| \d+ \|$/m);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), 'exports'), { recursive: true });
  });
});

describe('Workspace Actors', function () {
  this.timeout(60_000);

  interface Listed {
    name: string;
    type: string;
    articles: string[];
    demands: number;
  }

  it('lists actors across the sample articles, with the articles that name them', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('articleAnnotator.workspaceActors.focus');
    const actors = await vscode.commands.executeCommand<Listed[]>('articleAnnotator.refreshWorkspaceActors');
    const find = (name: string) => actors.find((a) => a.name === name);
    assert.deepStrictEqual(find('Tomás Okafor')?.articles.sort(), [BUDGET, MERGER, STRIKE].sort());
    assert.deepStrictEqual(find('Karl Lindqvist')?.articles.sort(), [MERGER, STRIKE].sort());
    assert.ok(find('Sergei Riabkov')?.articles.includes('russia-ukraine-geneva.article'));
    assert.ok(actors.some((a) => a.demands > 0), 'demands are listed across articles');
    assert.strictEqual(actors[0].articles.length >= 3, true, 'the actor in most articles comes first');
  });

  it('leaves out what files.exclude hides, and follows a new article', async () => {
    const config = vscode.workspace.getConfiguration('files');
    await config.update('exclude', { '**/nordbahn-*': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const actors = await vscode.commands.executeCommand<Listed[]>('articleAnnotator.refreshWorkspaceActors');
      assert.ok(!actors.some((a) => a.articles.includes(MERGER)), 'the excluded article is not indexed');
      assert.strictEqual(actors.find((a) => a.name === 'Hanna Berglund'), undefined);
    } finally {
      await config.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand<Listed[]>('articleAnnotator.refreshWorkspaceActors');
    const listed = () => vscode.commands.executeCommand<Listed[]>('articleAnnotator.refreshWorkspaceActors', { reindex: false });
    const extra = vscode.Uri.joinPath(workspaceFolder(), 'brief-ferry.article');
    await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode('Ferry service resumes\n\n“The boats are back,” said harbour pilot Jonas Eklund on Friday.\n'));
    try {
      const eklund = await waitLonger(async () => (await listed()).find((a) => a.name === 'Jonas Eklund'), 'the new article to be indexed without a full refresh');
      assert.deepStrictEqual(eklund.articles, ['brief-ferry.article']);
    } finally {
      await vscode.workspace.fs.delete(extra);
    }
    await waitLonger(async () => !(await listed()).some((a) => a.name === 'Jonas Eklund'), 'the deleted article to leave the index');
  });
});
