import { readFileSync } from 'node:fs';
import type { VoucherFormat } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import { issueMessage } from '../input-issues.js';
import csv from './layouts/csv.json' with { type: 'json' };
import kingdeeK3 from './layouts/kingdee-k3.json' with { type: 'json' };
import kingdeeKis from './layouts/kingdee-kis.json' with { type: 'json' };
import yonyouU8Txt from './layouts/yonyou-u8-txt.json' with { type: 'json' };
import yonyouU8Xlsx from './layouts/yonyou-u8-xlsx.json' with { type: 'json' };
import { voucherLayout, type VoucherLayout } from './layout-schema.js';

function parsed(raw: unknown, file: string): VoucherLayout {
  const r = voucherLayout.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError('vouchers.layout-invalid', { reason: issueMessage(issue) }, { file, field: issue.path.join('.') || '(file)' });
  }
  return r.data;
}

/** The layouts that come with ka-settle, checked against the schema like any other. */
export const BUILT_IN_LAYOUTS: readonly VoucherLayout[] = [kingdeeK3, kingdeeKis, yonyouU8Xlsx, yonyouU8Txt, csv].map((l) => parsed(l, `${l.name}.json`));

/** The layout a format uses when none is named: 金蝶 K/3 标准凭证, 用友 xlsx (or its 总账工具 text for a .txt file), CSV. */
export function defaultLayout(format: VoucherFormat, extension?: string): VoucherLayout {
  const name = format === 'kingdee' ? 'kingdee-k3' : format === 'yonyou' ? (extension === 'txt' ? 'yonyou-u8-txt' : 'yonyou-u8-xlsx') : 'csv';
  return BUILT_IN_LAYOUTS.find((l) => l.name === name)!;
}

/** A layout by its name, or from a layout file of the user's own (a .json path). */
export function findLayout(nameOrFile: string): VoucherLayout {
  const known = BUILT_IN_LAYOUTS.find((l) => l.name === nameOrFile);
  if (known) return known;
  if (!/\.json$/i.test(nameOrFile)) throw new UserError('vouchers.unknown-layout', { layout: nameOrFile, known: BUILT_IN_LAYOUTS.map((l) => l.name) }, { field: 'layout' });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(nameOrFile, 'utf8')) as unknown;
  } catch (e) {
    throw new UserError('vouchers.layout-invalid', { reason: e instanceof SyntaxError ? { code: 'vouchers.layout-not-json', params: { detail: e.message } } : { code: 'vouchers.layout-unreadable' } }, { file: nameOrFile });
  }
  return parsed(raw, nameOrFile);
}

/** The layout to write with: the one named, which must be of the format asked for (if one was), or the format's default. */
export function chooseLayout(o: { format?: VoucherFormat | undefined; layout?: string | undefined; extension?: string | undefined }): VoucherLayout {
  if (!o.layout) return defaultLayout(o.format ?? 'csv', o.extension);
  const layout = findLayout(o.layout);
  if (o.format && layout.format !== o.format) throw new UserError('vouchers.layout-format', { layout: layout.name, format: layout.format, wanted: o.format }, { field: 'layout' });
  return layout;
}

/** What the window lists to choose from. */
export function layoutChoices(): { name: string; title: string; format: VoucherFormat; extension: string }[] {
  return BUILT_IN_LAYOUTS.map((l) => ({ name: l.name, title: l.title, format: l.format, extension: l.file.type === 'xlsx' ? 'xlsx' : l.file.extension }));
}
