import * as fs from 'fs';
import * as path from 'path';

/** Repository root, from out/test/unit or test/unit alike. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

export const SAMPLE_PATH = path.join(ROOT, 'samples', 'russia-ukraine-geneva.article');
export const SAMPLE = fs.readFileSync(SAMPLE_PATH, 'utf8');
