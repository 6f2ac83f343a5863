import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, UserError } from '../../src/cli';
import { addAnnotation, emptySidecar, serializeSidecar, spanAnnotation } from '../../src/core/annotations';
import { SAMPLE } from './helpers';
import { spanOf } from './fixtures/council';

describe('CLI: --format, --output and the corrections sidecar', () => {
  let dir: string;
  let article: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotator-cli-'));
    article = path.join(dir, 'geneva.article');
    fs.writeFileSync(article, SAMPLE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]): Promise<string> => {
    const out = path.join(dir, 'out');
    assert.strictEqual(await main(['analyze', article, '--output', out, ...args]), 0);
    return fs.readFileSync(out, 'utf8');
  };

  it('writes every format to --output', async () => {
    assert.ok(Array.isArray(JSON.parse(await run()).quotes));
    assert.strictEqual(JSON.parse(await run('--format', 'w3c')).type, 'AnnotationCollection');
    assert.match(await run('--format', 'brat'), /^T1\t\w+ \d+ \d+\t/);
    assert.match(await run('--format', 'conll'), /^-DOCSTART- -X- -X- O\n/);
    assert.match(await run('--format', 'csv'), /^type,speaker_or_holder,/);
    assert.match(await run('--format', 'md'), /^# Russia reveals to US/);
  });

  it('applies the sidecar next to the article, unless told not to', async () => {
    let sidecar = emptySidecar('geneva.article');
    sidecar = addAnnotation(sidecar, spanAnnotation('geneva.article', SAMPLE, spanOf(SAMPLE, 'Wendy Sherman'), { type: 'person', actor: 'Wendy Sherman' }));
    fs.writeFileSync(article + '.annotations.json', serializeSidecar(sidecar));
    const merged = JSON.parse(await run());
    assert.ok(merged.entities.some((e: { text: string; manual?: boolean }) => e.text === 'Wendy Sherman' && e.manual));
    const plain = JSON.parse(await run('--no-sidecar'));
    assert.ok(!plain.entities.some((e: { manual?: boolean }) => e.manual));
  });

  it('stops with a clear message on a corrupt sidecar, and leaves it alone', async () => {
    const sidecarPath = article + '.annotations.json';
    fs.writeFileSync(sidecarPath, '{"type": "AnnotationCollection",');
    await assert.rejects(run(), (e: unknown) => e instanceof UserError && e.message.startsWith(`${sidecarPath}: not valid JSON`) && e.message.includes('--no-sidecar'));
    assert.strictEqual(fs.readFileSync(sidecarPath, 'utf8'), '{"type": "AnnotationCollection",');
  });

  it('refuses an unknown format, and writing over the article', async () => {
    await assert.rejects(main(['analyze', article, '--format', 'xml']), /unknown format "xml" \(expected json\|w3c\|brat\|conll\|csv\|md\)/);
    await assert.rejects(main(['analyze', article, '--format', 'md', '-o', article]), /is the article itself/);
    await assert.rejects(main(['analyze', '--jsonl', '-', '--format', 'csv']), /apply to a single FILE/);
    assert.strictEqual(fs.readFileSync(article, 'utf8'), SAMPLE);
  });
});
