/**
 * The `requests` protocol as a member meets it (`--bot`): each "movies about {keyword}" asked of the bot's own
 * `/recommend` (services, memory store, no API key, no ratings), top 10, on
 * - `starter-all`: the starter catalog (`--starter`, the shipped one by default) as the bot loads it, with the
 *   community prior;
 * - `overviews`: the TMDB overviews uploaded by an admin as a custom catalog (`id,title,description`, ids that
 *   are not the starter's, so no prior applies), as a server with its own list has it.
 * Everything the pipeline does counts (query words, feedback, title echoes, fusion, text coverage, diversity),
 * which the embedder rows of the protocol leave out. The upload lives in memory only: TMDB text is never
 * written anywhere.
 */
import { createLogger } from '../../src/log.js';
import { parseConfig } from '../../src/config.js';
import { createServices } from '../../src/services.js';
import { catalogToCsv } from '../../src/catalog/serialise.js';
import type { KeywordRequest, OverviewParts } from './requests-inputs.js';

/** The overviews as an admin's custom catalog file: title and description columns, ids the prior does not know. */
function overviewsCsv(parts: readonly OverviewParts[]): string {
  return catalogToCsv(parts.map((p) => ({ id: `x${p.id}`, title: p.title, description: p.overview })), { bom: false });
}

/** Each request's top 10 item ids (as the protocol names them) from the bot's `/recommend` on `catalog`. */
export async function botRankings(
  catalog: 'starter-all' | 'overviews',
  inputs: { starterPath: string; overviews: readonly OverviewParts[] },
  requests: readonly KeywordRequest[],
): Promise<string[][]> {
  const logger = createLogger('silent');
  const config = parseConfig({ STORE_URL: 'memory://', LOG_LEVEL: 'silent' });
  const services = await createServices(config, { logger, retrainDelayMs: 3_600_000, starterPath: inputs.starterPath });
  try {
    const admin = { scope: 'eval-requests', userId: 'admin' };
    if (catalog === 'starter-all') await services.catalog.starter(admin);
    else {
      const report = await services.catalog.upload(admin, { bytes: new TextEncoder().encode(overviewsCsv(inputs.overviews)), filename: 'overviews.csv', mode: 'replace' });
      if (report.errors.length > 0 || !report.applied) throw new Error(`the overviews catalog did not upload: ${report.errors[0]?.message ?? 'not applied'}`);
    }
    const out: string[][] = [];
    for (const r of requests) {
      const res = await services.recommend({ scope: admin.scope, userId: 'member' }, { text: r.text, count: 10 });
      out.push(res.items.map((x) => x.item.id.replace(/^x(?=ml-)/, '')));
    }
    return out;
  } finally {
    await services.close();
  }
}
