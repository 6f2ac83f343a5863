import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis, Span } from '../../src/core/types';
import {
  activateExtension,
  closeAllEditors,
  getExtension,
  readSample,
  runCli,
  sampleUri,
  waitFor,
  workspaceFolder,
} from './support';

const STABLE_QUOTE = 'We have no plan, no intention to attack Ukraine, and there cannot be,';
const QUOTE_KINDS = ['direct', 'partial', 'indirect', 'scare'];

/** Every span lies inside the text, is non-empty, and (when it carries text) matches the text at its offsets. */
function assertSpan(text: string, span: Span & { text?: string }, label: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${label}: integer offsets`);
  assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `${label}: [${span.start}, ${span.end}) out of bounds`);
  if (span.text !== undefined) assert.strictEqual(text.slice(span.start, span.end), span.text, `${label}: text does not match its offsets`);
}

function assertContractShape(text: string, analysis: Analysis): void {
  assert.deepStrictEqual(Object.keys(analysis).sort(), ['actors', 'demands', 'entities', 'quotes']);
  const actorIds = new Set(analysis.actors.map((actor) => actor.id));
  assert.strictEqual(actorIds.size, analysis.actors.length, 'actor ids are unique');
  const isActorRef = (id: string | null) => id === null || actorIds.has(id);
  for (const actor of analysis.actors) {
    assert.strictEqual(typeof actor.name, 'string');
    assert.strictEqual(typeof actor.type, 'string');
    assert.ok(Array.isArray(actor.aliases) && actor.aliases.every((alias) => typeof alias === 'string'));
    actor.mentions.forEach((mention, i) => assertSpan(text, mention, `actor ${actor.id} mention ${i}`));
  }
  for (const entity of analysis.entities) {
    assertSpan(text, entity, `entity "${entity.text}"`);
    assert.match(entity.type, /^[a-z]+$/);
    assert.ok(isActorRef(entity.actor), `entity "${entity.text}" points to unknown actor ${entity.actor}`);
  }
  for (const quote of analysis.quotes) {
    assertSpan(text, quote, `quote "${quote.text}"`);
    assert.ok(QUOTE_KINDS.includes(quote.kind), `quote kind ${quote.kind}`);
    if (quote.speaker) {
      assertSpan(text, quote.speaker, `speaker of "${quote.text}"`);
      assert.ok(isActorRef(quote.speaker.actor));
    }
    if (quote.cue) assertSpan(text, quote.cue, `cue of "${quote.text}"`);
  }
  for (const demand of analysis.demands) {
    assertSpan(text, demand, `demand "${demand.text}"`);
    assert.ok(isActorRef(demand.holder) && isActorRef(demand.addressee));
    if (demand.cue) assertSpan(text, demand.cue, `cue of demand "${demand.text}"`);
    if (demand.content) assertSpan(text, demand.content, `content of demand "${demand.text}"`);
  }
}

async function showUntitled(language: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

async function analyzeSwitchesToArticle(language: string, content: string): Promise<void> {
  const editor = await showUntitled(language, content);
  assert.strictEqual(editor.document.languageId, language);
  await vscode.commands.executeCommand('articleAnnotator.analyze');
  const switched = await waitFor(
    () => vscode.window.activeTextEditor?.document.languageId === 'article' && vscode.window.activeTextEditor.document,
    `the ${language} document to become an article`,
  );
  assert.strictEqual(switched.getText(), content, 'switching the language keeps the text');
}

const SHORT_ARTICLE = [
  'Union leaders walk out of pay talks',
  '',
  'LONDON (Wire) — The head of the nurses\u2019 union, Maria Okafor, said on Tuesday that "nobody in this room believes the offer is fair."',
  'She demanded that the health ministry reopen negotiations before the end of the month.',
  '',
].join('\n');

describe('Foundation: the extension in a real VS Code', () => {
  afterEach(closeAllEditors);

  it('runs in VS Code 1.90 or later, with the samples workspace open', async () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 90), `VS Code ${vscode.version} is older than engines.vscode`);
    const entries = await vscode.workspace.fs.readDirectory(workspaceFolder());
    assert.ok(entries.some(([name]) => name.endsWith('.article')), 'the workspace holds the sample articles');
  });

  it('is loaded with the manifest the issue asks for', () => {
    const pkg = getExtension().packageJSON as Record<string, unknown>;
    assert.strictEqual(pkg.name, 'article-annotator');
    assert.strictEqual(pkg.publisher, 'article-annotator');
    assert.strictEqual(pkg.displayName, 'Article Annotator');
    assert.strictEqual(pkg.main, './dist/extension.js');
    assert.ok(fs.existsSync(path.join(getExtension().extensionPath, 'dist', 'extension.js')), 'dist/extension.js is built');
  });

  it('activates and returns an API with analyze(text)', async () => {
    await activateExtension();
    assert.strictEqual(getExtension().isActive, true);
  });

  it('registers the article language with its TextMate grammar', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('article'));
    const grammars = (getExtension().packageJSON.contributes?.grammars ?? []) as { language: string; scopeName: string; path: string }[];
    const grammar = grammars.find((g) => g.language === 'article');
    assert.ok(grammar, 'a grammar is contributed for the article language');
    assert.strictEqual(grammar.scopeName, 'text.article');
    const file = path.join(getExtension().extensionPath, grammar.path);
    assert.strictEqual(JSON.parse(fs.readFileSync(file, 'utf8')).scopeName, 'text.article');
  });

  it('opens .article files with the article language', async () => {
    const document = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'article');
  });

  it('opens .news files with the article language', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'wire-copy.news');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(SHORT_ARTICLE));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'article');
  });

  it('contributes the Article Analyze command, the view container and its views', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('articleAnnotator.analyze'), 'articleAnnotator.analyze is registered');
    const contributes = getExtension().packageJSON.contributes ?? {};
    const analyze = (contributes.commands ?? []).find((c: { command: string }) => c.command === 'articleAnnotator.analyze');
    assert.ok(analyze, 'articleAnnotator.analyze is contributed');
    assert.match(`${analyze.category ? `${analyze.category}: ` : ''}${analyze.title}`, /^Article: Analyze Current File$/);
    const containers = (contributes.viewsContainers?.activitybar ?? []) as { id: string; icon: string }[];
    const container = containers.find((c) => c.id === 'articleAnnotator');
    assert.ok(container, 'an articleAnnotator activity-bar container');
    assert.ok(fs.existsSync(path.join(getExtension().extensionPath, container.icon)), `icon ${container.icon} exists`);
    const views = ((contributes.views ?? {}).articleAnnotator ?? []).map((v: { id: string }) => v.id);
    assert.ok(views.includes('articleAnnotator.actors') && views.includes('articleAnnotator.demands'), `views: ${views.join(', ')}`);
    // The workbench knows the container: its focus command exists and runs.
    await vscode.commands.executeCommand('workbench.view.extension.articleAnnotator');
  });

  it('Analyze Current File switches a plain-text document to article', async () => {
    await analyzeSwitchesToArticle('plaintext', SHORT_ARTICLE);
  });

  it('Analyze Current File switches a Markdown document to article', async () => {
    await analyzeSwitchesToArticle('markdown', SHORT_ARTICLE);
  });

  it('Analyze Current File keeps an article document an article', async () => {
    const document = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('articleAnnotator.analyze');
    assert.strictEqual(vscode.window.activeTextEditor?.document.languageId, 'article');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), sampleUri().toString());
  });

  it('API: analyze(sample) returns the contract shape with consistent offsets and actor references', async () => {
    const api = await activateExtension();
    const text = await readSample();
    const analysis = api.analyze(text);
    assertContractShape(text, analysis);
    assert.ok(analysis.entities.length > 0 && analysis.actors.length > 0 && analysis.quotes.length > 0, 'the sample has entities, actors and quotes');
  });

  it("API: finds Riabkov's stable direct quote in the sample, without the quotation marks", async () => {
    const api = await activateExtension();
    const text = await readSample();
    const quote = api.analyze(text).quotes.find((q) => q.text.includes(STABLE_QUOTE));
    assert.ok(quote, `a quote containing "${STABLE_QUOTE}"`);
    assert.strictEqual(quote.kind, 'direct');
    assert.doesNotMatch(text.slice(quote.start, quote.start + 1), /["\u201c\u201d]/, 'direct quote spans exclude the marks');
    const before = text.slice(0, quote.start).trimEnd();
    assert.match(before.slice(-1), /["\u201c]/, 'the quote starts right after an opening quotation mark');
  });

  it('API and CLI agree: analyze(sample) equals `node dist/cli.js analyze`', async () => {
    const api = await activateExtension();
    const fromCli = JSON.parse(runCli(['analyze', sampleUri().fsPath]));
    assert.deepStrictEqual(fromCli, JSON.parse(JSON.stringify(api.analyze(await readSample()))));
  });

  it('API and CLI --jsonl agree on text with non-ASCII characters (UTF-16 offsets)', async () => {
    const api = await activateExtension();
    const text = `Ren\u00e9e M\u00fcller \ud83d\ude00 said: "Z\u00fcrich will not wait for Brussels."\n\n${SHORT_ARTICLE}`;
    const line = runCli(['analyze', '--jsonl', '-'], JSON.stringify({ id: 'x1', text }) + '\n').trim();
    const { id, ...fromCli } = JSON.parse(line);
    assert.strictEqual(id, 'x1');
    const analysis = api.analyze(text);
    assert.deepStrictEqual(fromCli, JSON.parse(JSON.stringify(analysis)));
    assertContractShape(text, analysis);
  });
});
