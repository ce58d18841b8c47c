/**
 * The dossier's Handlebars environment: `templates/dossier/layout.hbs`, the shared partials and
 * one partial per form section (`sections/<key>.hbs`, named `section-<key>`). User text only ever
 * reaches the page through `{{ }}` (escaped); the triple-stash is kept for the stylesheet and the
 * SVG the server draws itself.
 */
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { templatesDir } from '../../common/templates/templates-dir';
import type { DossierView } from './dossier-view';

/** Bumped by hand when the code that builds the view changes what a dossier shows. */
const VIEW_REVISION = '2';

export interface DossierTemplate {
  /** Part of every render job's identity: a template change renders every dossier anew. */
  version: string;
  render(view: DossierView): string;
  /** Chromium's page header for judge copies (name and confidentiality on every page). */
  header(view: DossierView): string | undefined;
}

let loaded: DossierTemplate | undefined;

export function dossierTemplate(): DossierTemplate {
  loaded ??= loadDossierTemplate(join(templatesDir(), 'dossier'));
  return loaded;
}

export function loadDossierTemplate(dir: string): DossierTemplate {
  const hb = Handlebars.create();
  const hash = createHash('sha256').update(VIEW_REVISION);
  const read = (path: string) => {
    const text = readFileSync(path, 'utf8');
    hash.update(path.slice(dir.length)).update(text);
    return text;
  };
  const hbsIn = (sub: string) =>
    readdirSync(join(dir, sub))
      .filter((f) => f.endsWith('.hbs'))
      .sort();
  for (const f of hbsIn('partials')) hb.registerPartial(basename(f, '.hbs'), read(join(dir, 'partials', f)));
  for (const f of hbsIn('sections')) hb.registerPartial(`section-${basename(f, '.hbs')}`, read(join(dir, 'sections', f)));
  const css = read(join(dir, 'dossier.css'));
  const layout = hb.compile(read(join(dir, 'layout.hbs')), { strict: false, preventIndent: true });
  const header = hb.compile(read(join(dir, 'judge-header.hbs')), { strict: false });
  const watermarkTiles = Array.from({ length: 8 });
  return {
    version: hash.digest('hex').slice(0, 12),
    render: (view) => layout({ ...view, css, watermarkTiles }),
    header: (view) => (view.watermark ? header(view) : undefined),
  };
}
