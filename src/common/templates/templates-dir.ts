import { existsSync } from 'node:fs';
import { join } from 'node:path';

let found: string | undefined;

/** `templates/` lives beside `src/` (ts-node, jest) and beside `dist/` (compiled) alike. */
export function templatesDir(): string {
  if (!found) {
    const candidates = [join(__dirname, '..', '..', '..', 'templates'), join(__dirname, '..', '..', '..', '..', 'templates')];
    found = candidates.find((p) => existsSync(join(p, 'dossier', 'layout.hbs')));
    if (!found) throw new Error(`templates/ not found (looked in ${candidates.join(', ')})`);
  }
  return found;
}
