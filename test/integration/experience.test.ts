// The reading experience in a real VS Code: highlighting, hovers, outline, navigation, diagnostics and commands,
// asserted on the sample article.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, sampleUri, waitFor } from './support';

const SECTION = 'articleAnnotator';

interface DecodedToken {
  text: string;
  type: string;
  modifiers: string[];
  range: vscode.Range;
}

async function openSample(): Promise<vscode.TextEditor> {
  await activateExtension();
  const document = await vscode.workspace.openTextDocument(sampleUri());
  return vscode.window.showTextDocument(document);
}

/** Position of the `nth` occurrence (0-based) of `needle`, `into` characters into it. */
function positionOf(document: vscode.TextDocument, needle: string, nth = 0, into = 1): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${nth + 1} times in the sample`);
  }
  return document.positionAt(at + into);
}

function rangeText(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

async function semanticTokens(document: vscode.TextDocument): Promise<DecodedToken[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  assert.ok(legend, 'a semantic tokens legend is registered for articles');
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
  assert.ok(tokens, 'semantic tokens are provided for the sample');
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifierBits] = tokens.data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine ? deltaStart : character + deltaStart;
    const range = new vscode.Range(line, character, line, character + length);
    const modifiers = legend.tokenModifiers.filter((_, bit) => modifierBits & (1 << bit));
    out.push({ text: document.getText(range), type: legend.tokenTypes[type], modifiers, range });
  }
  return out;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\(.)|[*_]/g, '$1');
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hoverText(hovers ?? []);
}

async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await vscode.workspace.getConfiguration(SECTION).update(key, before, vscode.ConfigurationTarget.Global);
  }
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('Experience: highlighting', () => {
  afterEach(closeAllEditors);

  it('marks "Sergei Riabkov" with a person semantic token, as a speaker', async () => {
    const { document } = await openSample();
    const tokens = await semanticTokens(document);
    const riabkov = tokens.filter((t) => t.text === 'Sergei Riabkov');
    assert.ok(riabkov.length > 0, `no token on "Sergei Riabkov"; tokens: ${tokens.slice(0, 20).map((t) => `${t.text}:${t.type}`).join(', ')}`);
    assert.ok(riabkov.every((t) => t.type === 'person'), `types: ${riabkov.map((t) => t.type).join(', ')}`);
    assert.ok(riabkov.some((t) => t.modifiers.includes('speaker')), 'the first "Sergei Riabkov" speaks the quote before it');
  });

  it('marks organizations and places, and the cue verbs of quotes', async () => {
    const { document } = await openSample();
    const tokens = await semanticTokens(document);
    const typeOf = (text: string) => new Set(tokens.filter((t) => t.text === text).map((t) => t.type));
    assert.deepStrictEqual([...typeOf('NATO')], ['organization']);
    assert.deepStrictEqual([...typeOf('Geneva')], ['location']);
    assert.ok(tokens.some((t) => t.type === 'cueVerb' && t.text === 'said'), 'the cue verb "said" is highlighted');
    assert.ok(tokens.some((t) => t.type === 'cueVerb' && t.text === 'demanded'), 'the cue verb of Putin\'s demand is highlighted');
  });

  it('stops marking entities and cue verbs when their settings are off', async () => {
    const { document } = await openSample();
    await withSetting('highlight.entities', false, async () => {
      const tokens = await semanticTokens(document);
      assert.ok(!tokens.some((t) => t.type === 'person' || t.type === 'organization' || t.type === 'location'), 'no entity tokens');
    });
    await withSetting('highlight.enabled', false, async () => {
      assert.deepStrictEqual(await semanticTokens(document), []);
    });
  });

  it('re-analyses after an edit and places tokens on the edited text, never on the old offsets', async () => {
    const { document } = await openSample();
    const before = (await semanticTokens(document)).find((t) => t.text === 'Sergei Riabkov');
    assert.ok(before, 'a token on "Sergei Riabkov" before the edit');
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated: '));
    try {
      await waitFor(
        async () => (await semanticTokens(document)).find((t) => t.text === 'Sergei Riabkov'),
        'the token on "Sergei Riabkov" after the edit',
      );
      const tokens = await semanticTokens(document);
      for (const t of tokens) assert.strictEqual(document.getText(t.range), t.text);
      assert.ok(tokens.some((t) => t.text === 'Sergei Riabkov' && t.range.start.line === before.range.start.line));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

describe('Experience: hovers, outline and navigation', () => {
  afterEach(closeAllEditors);

  it('hovers an actor mention with its type, canonical name, aliases and quotes', async () => {
    const { document } = await openSample();
    const text = await hoverAt(document, positionOf(document, 'Riabkov stressed'));
    assert.match(text, /Sergei Riabkov/);
    assert.match(text, /person/);
    assert.match(text, /mentions/);
    assert.match(text, /We have no plan, no intention to attack Ukraine/);
  });

  it("hovers NATO with its aliases, the Atlantic Alliance and the Alliance", async () => {
    const { document } = await openSample();
    const text = await hoverAt(document, positionOf(document, 'NATO refuses'));
    assert.match(text, /NATO/);
    assert.match(text, /organization/);
    assert.match(text, /Atlantic Alliance/);
    assert.match(text, /the Alliance/i);
  });

  it('hovers "they" with the people named together that it stands for', async () => {
    await activateExtension();
    const document = await vscode.workspace.openTextDocument({
      language: 'article',
      content:
        'Dock strike enters second week\n\nAnn Lee and Mary Ray met port managers on Monday.\n\n' +
        'They said the talks had failed. “We will not go back without a contract,” they said.',
    });
    await vscode.window.showTextDocument(document);
    const text = await waitFor(async () => {
      const hover = await hoverAt(document, positionOf(document, 'They said'));
      return /Members/.test(hover) ? hover : undefined;
    }, 'a hover on "They" listing the group members');
    assert.match(text, /Ann Lee and Mary Ray/);
    assert.match(text, /people named together/);
    assert.match(text, /Members: Ann Lee, Mary Ray/);
    assert.match(text, /We will not go back without a contract/);
  });

  it('hovers a quote with its speaker and cue', async () => {
    const { document } = await openSample();
    const text = await hoverAt(document, positionOf(document, 'great mistake', 0, 3));
    assert.match(text, /quote/i);
    assert.match(text, /speaker: Sergei Riabkov/);
    assert.match(text, /cue: considered/);
  });

  it('lists actors with their quotes in the outline', async () => {
    const { document } = await openSample();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols && symbols.length > 0, 'document symbols are provided');
    const names = symbols.map((s) => s.name);
    for (const actor of ['Sergei Riabkov', 'NATO', 'Vladimir Putin']) assert.ok(names.includes(actor), `${actor} in ${names.join(', ')}`);
    const riabkov = symbols.find((s) => s.name === 'Sergei Riabkov')!;
    const quotes = riabkov.children.filter((c) => c.kind === vscode.SymbolKind.String).map((c) => c.name);
    assert.ok(quotes.some((q) => q.includes('We have no plan, no intention')), `Riabkov's quotes: ${quotes.join(' | ')}`);
    assert.ok(quotes.length >= 10, `Riabkov speaks most quotes of the sample; saw ${quotes.length}`);
    for (const s of flatten(symbols)) assert.ok(s.range.contains(s.selectionRange));
  });

  it('goes from "Riabkov" to the first full-name mention "Sergei Riabkov"', async () => {
    const { document } = await openSample();
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, 'Riabkov stressed'),
    );
    assert.strictEqual(locations?.length, 1);
    const target = locations[0];
    const range = 'targetRange' in target ? target.targetRange : target.range;
    assert.strictEqual(rangeText(document, range), 'Sergei Riabkov');
    assert.strictEqual(document.offsetAt(range.start), document.getText().indexOf('Sergei Riabkov'));
  });

  it("finds NATO's references under all its names", async () => {
    const { document } = await openSample();
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'NATO refuses'));
    const texts = (locations ?? []).map((l) => rangeText(document, l.range));
    assert.ok(texts.filter((t) => t === 'NATO').length >= 5, `NATO mentions: ${texts.join(', ')}`);
    assert.ok(texts.includes('Atlantic Alliance'), `references include the Atlantic Alliance: ${texts.join(', ')}`);
    assert.ok(texts.some((t) => /^(the )?Alliance$/i.test(t)), `references include the Alliance: ${texts.join(', ')}`);
  });
});

describe('Experience: diagnostics', () => {
  afterEach(closeAllEditors);

  it('reports the wrong-shaped closing mark and the nested quote closed with a straight mark', async () => {
    const { document } = await openSample();
    const diagnostics = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.length > 0 && list;
    }, 'diagnostics for the sample');
    const marks = diagnostics.filter((d) => String(d.code).startsWith('quote-mark-'));
    const wrongShape = marks.find((d) => document.getText(new vscode.Range(d.range.start.translate(0, -9), d.range.end)) === 'cannot be“');
    assert.ok(wrongShape, `a problem on "be“Said": ${marks.map((d) => d.message).join(' | ')}`);
    assert.strictEqual(wrongShape.severity, vscode.DiagnosticSeverity.Warning);
    const straight = marks.find((d) => document.getText(d.range) === "'");
    assert.ok(straight, 'the nested quote closed with a straight mark');
    assert.strictEqual(straight.severity, vscode.DiagnosticSeverity.Information);
  });

  it("does not flag Riabkov's attributed quotes as unattributed", async () => {
    const { document } = await openSample();
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).length > 0, 'diagnostics for the sample');
    const unattributed = vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'unattributed-quote');
    const riabkovQuote = document.getText().indexOf('We have no plan, no intention');
    assert.ok(!unattributed.some((d) => d.range.contains(document.positionAt(riabkovQuote + 3))), 'the first quote has a speaker');
  });

  it('reports a quote without a speaker, and clears diagnostics when turned off', async () => {
    await activateExtension();
    const document = await vscode.workspace.openTextDocument({
      language: 'article',
      content: 'Storm hits coast\n\nThe water rose overnight across the valley.\n\n“Nobody expected the water to rise so fast.”\n\nRoads were closed on Monday.',
    });
    await vscode.window.showTextDocument(document);
    const found = await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'unattributed-quote'),
      'an unattributed-quote diagnostic',
    );
    assert.strictEqual(found.severity, vscode.DiagnosticSeverity.Information);
    await withSetting('diagnostics.enabled', false, async () => {
      await waitFor(() => vscode.languages.getDiagnostics(document.uri).length === 0, 'diagnostics to clear');
    });
  });
});

describe('Experience: commands', () => {
  afterEach(closeAllEditors);

  it('contributes every command in the "Article" category', () => {
    const commands = (vscode.extensions.getExtension('article-annotator.article-annotator')!.packageJSON.contributes.commands ?? []) as {
      command: string;
      category?: string;
    }[];
    const ids = commands.map((c) => c.command);
    for (const id of ['analyze', 'refresh', 'nextQuote', 'previousQuote', 'revealActor', 'toggleHighlights']) {
      assert.ok(ids.includes(`articleAnnotator.${id}`), `articleAnnotator.${id} is contributed`);
    }
    assert.ok(commands.every((c) => c.category === 'Article'));
  });

  it('steps through quotes with Next Quote and Previous Quote', async () => {
    const editor = await openSample();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('articleAnnotator.nextQuote');
    assert.strictEqual(editor.document.getText(editor.selection), 'attacking');
    await vscode.commands.executeCommand('articleAnnotator.nextQuote');
    assert.match(editor.document.getText(editor.selection), /^We have no plan, no intention to attack Ukraine/);
    await vscode.commands.executeCommand('articleAnnotator.previousQuote');
    assert.strictEqual(editor.document.getText(editor.selection), 'attacking');
    await vscode.commands.executeCommand('articleAnnotator.previousQuote');
    assert.strictEqual(editor.document.getText(editor.selection), 'immediately', 'wraps around to the last quote');
  });

  it('goes to an actor mention with Go to Actor', async () => {
    const editor = await openSample();
    await vscode.commands.executeCommand('articleAnnotator.revealActor', { actor: 'Vladimir Putin' });
    assert.strictEqual(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), 'Vladimir Putin');
    assert.strictEqual(editor.document.uri.toString(), sampleUri().toString());
  });

  it("Analyze Current File returns the analysis with Putin's demand", async () => {
    await openSample();
    const analysis = await vscode.commands.executeCommand<import('../../src/core/types').Analysis>('articleAnnotator.analyze');
    assert.ok(analysis, 'the command returns the analysis');
    const putin = analysis.actors.find((a) => a.name === 'Vladimir Putin');
    assert.ok(putin, 'Vladimir Putin is an actor');
    assert.ok(
      analysis.demands.some((d) => d.holder === putin.id && d.cue?.text === 'demanded'),
      `demands: ${analysis.demands.map((d) => d.text).join(' | ')}`,
    );
  });

  it('Refresh returns a fresh analysis of the active article', async () => {
    const { document } = await openSample();
    const analysis = await vscode.commands.executeCommand<import('../../src/core/types').Analysis>('articleAnnotator.refresh');
    assert.ok(analysis && analysis.quotes.length > 0);
    assert.ok(analysis.quotes.every((q) => document.getText().slice(q.start, q.end) === q.text));
  });

  it('Toggle Highlights turns semantic highlighting off and on again', async () => {
    const { document } = await openSample();
    const config = () => vscode.workspace.getConfiguration(SECTION);
    assert.strictEqual(config().get('highlight.enabled'), true);
    try {
      await vscode.commands.executeCommand('articleAnnotator.toggleHighlights');
      assert.strictEqual(config().get('highlight.enabled'), false);
      assert.deepStrictEqual(await semanticTokens(document), []);
      await vscode.commands.executeCommand('articleAnnotator.toggleHighlights');
      assert.strictEqual(config().get('highlight.enabled'), true);
      assert.ok((await semanticTokens(document)).length > 0);
    } finally {
      await config().update('highlight.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('Experience: other languages', () => {
  afterEach(closeAllEditors);

  it('wraps long lines and turns on semantic highlighting in articles by default', async () => {
    const { document } = await openSample();
    const editorConfig = vscode.workspace.getConfiguration('editor', document);
    assert.strictEqual(editorConfig.get('wordWrap'), 'on');
    assert.strictEqual(editorConfig.get('semanticHighlighting.enabled'), true);
  });

  it('analyses Markdown documents when articleAnnotator.languages lists markdown', async () => {
    await activateExtension();
    await withSetting('languages', ['article', 'markdown'], async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: 'Talks resume\n\n“We are ready to talk,” said Anna Kowalski, the foreign minister.',
      });
      await vscode.window.showTextDocument(document);
      assert.strictEqual(document.languageId, 'markdown');
      const symbols = await waitFor(async () => {
        const list = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        return list?.some((s) => s.kind === vscode.SymbolKind.String || flatten(s.children).some((c) => c.kind === vscode.SymbolKind.String)) ? list : undefined;
      }, 'article symbols in the Markdown document');
      const quotes = flatten(symbols).filter((s) => s.kind === vscode.SymbolKind.String);
      assert.ok(quotes.some((q) => q.name.includes('We are ready to talk')));
    });
  });
});
