// compromise's entity extraction as a whole process, for scripts/bench.mjs:
//   node scripts/bench-compromise.mjs TEXT_FILE   prints {"people": [...], "places": [...], "organizations": [...]}
import { readFileSync } from 'fs';
import nlp from 'compromise';

const doc = nlp(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(
  JSON.stringify({
    people: doc.people().out('array'),
    places: doc.places().out('array'),
    organizations: doc.organizations().out('array'),
  }) + '\n',
);
