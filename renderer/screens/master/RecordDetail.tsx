import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import { formatPrice } from '../../format/amount';
import { formatPpm } from '../../format/rate';
import { useQuery } from '../../host/use-query';
import { ErrorNotice } from '../../components/ErrorNotice';

/** A value of a record as it reads: money, prices and rates by their unit suffix; lists of records as tables. */
function Value({ name, value }: { name: string; value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (typeof value === 'number' && /(_fen|Fen|threshold|maxAmount|max_amount)$/.test(name)) return <Money fen={value} />;
  if (typeof value === 'number' && /(_e4|Price|price)$/.test(name)) return <>{formatPrice(value)}</>;
  if (typeof value === 'number' && /(_ppm|rate|Share|share|Points|points)$/.test(name)) return <>{formatPpm(value)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    if (typeof value[0] !== 'object') return <>{value.join(', ')}</>;
    const keys = Object.keys(value[0] as object);
    return (
      <table className="table compact">
        <thead><tr>{keys.map((k) => <th key={k}>{k}</th>)}</tr></thead>
        <tbody>{(value as Record<string, unknown>[]).map((r, i) => <tr key={i}>{keys.map((k) => <td key={k}><Value name={k} value={r[k]} /></td>)}</tr>)}</tbody>
      </table>
    );
  }
  if (typeof value === 'object') return <dl className="facts">{Object.entries(value as object).map(([k, v]) => <div key={k} className="contents"><dt>{k}</dt><dd><Value name={k} value={v} /></dd></div>)}</dl>;
  return <>{String(value)}</>;
}

/** A contract or promotion as the book holds it: header, then its tables (tiers, fee terms, delivery cost; products). */
export function RecordDetail({ entity, code }: { entity: 'contracts' | 'promotions'; code: string }) {
  const { t } = useTranslation();
  const record = useQuery('master.detail', { entity, key: code });
  const r = record.data?.record;
  return (
    <aside className="detail wide" aria-label={code} data-testid="record-detail">
      <h3>{t(`master.entities.${entity}`)} {code}</h3>
      <ErrorNotice error={record.error} />
      {r && <dl className="facts">{Object.entries(r).filter(([k]) => !/^(id|.*_id)$/.test(k)).map(([k, v]) => <div key={k} className="contents"><dt>{k}</dt><dd><Value name={k} value={v} /></dd></div>)}</dl>}
    </aside>
  );
}
