import { useTranslation } from 'react-i18next';
import type { AreaId } from '../../app/areas';

/** The command that does each area's work today, until its window lands (issue 9). */
const COMMANDS: Partial<Record<AreaId, string[]>> = {
  master: ['import BOOK KIND FILE', 'show BOOK master'],
  fees: ['deductions BOOK --period YYYY-MM', 'claims BOOK'],
  terms: ['accrue BOOK --period YYYY-MM', 'terms BOOK --contract CODE --period YYYY-MM --explain'],
  credit: ['ageing BOOK --as-of YYYY-MM-DD', 'credit BOOK grades'],
  settlement: ['close BOOK prepare --period YYYY-MM', 'statement BOOK --period YYYY-MM --distributor CODE --out FILE.xlsx'],
  audit: ['show BOOK audit', 'check BOOK'],
};

/** An area whose screens are not built yet says so plainly and shows how the work is done meanwhile. */
export function AreaPending({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  return (
    <main className="screen" aria-labelledby="pending-title">
      <h1 id="pending-title">{t(`areas.${area}`)}</h1>
      <p>{t('areasPending.body')}</p>
      <ul>{(COMMANDS[area] ?? []).map((c) => <li key={c}><code>{t('areasPending.cli', { cmd: c })}</code></li>)}</ul>
    </main>
  );
}
