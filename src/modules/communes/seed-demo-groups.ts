import type { SeedContext } from '../../server/modules.js';
import { systemContext } from '../../server/audit/record.js';
import type { TGroupInput } from './communes.types.js';
import { createGroup } from './create-group.js';

/** Groups named in the seed documents (press release of 17.12.2021). */
const DEMO_GROUPS: TGroupInput[] = [
  { name: 'Städtebund Silberberg', kind: 'Städtebund', description: 'Aue-Bad Schlema, Lauter-Bernsbach, Lößnitz, Schneeberg und Schwarzenberg; gemeinsame Kooperationsvereinbarung vom 17.12.2021.',
    members: ['14521035', '14521355', '14521370', '14521530', '14521550'] },
  { name: 'Göltzschtal', kind: 'Region', description: 'Auerbach/Vogtl., Lengenfeld und Rodewisch; gemeinsame Kooperationsvereinbarung vom 22.07.2022.',
    members: ['14523020', '14523170', '14523360'] },
];

export async function seedDemoGroups(ctx: SeedContext) {
  for (const g of DEMO_GROUPS) await createGroup(ctx.db, systemContext('demo-seed'), g);
  ctx.log(`demo groups: ${DEMO_GROUPS.map((g) => g.name).join(', ')}`);
}
