import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './helpers';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

// People annotate confidential drafts: nothing the extension or the CLI runs may open a network connection.
const NETWORK = [
  /(?:from|require\()\s*['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]/,
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /\bnavigator\.sendBeacon\b/,
];

describe('privacy', () => {
  it('no source file of the extension or the CLI uses a network API', () => {
    const files = sources(path.join(ROOT, 'src'));
    assert.ok(files.length > 20);
    const offenders = files.flatMap((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return NETWORK.filter((re) => re.test(text)).map((re) => `${path.relative(ROOT, f)}: ${re.source}`);
    });
    assert.deepStrictEqual(offenders, []);
  });

  it('the package declares no runtime dependencies that could bring one in', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    assert.deepStrictEqual(Object.keys(pkg.dependencies ?? {}), []);
  });
});
