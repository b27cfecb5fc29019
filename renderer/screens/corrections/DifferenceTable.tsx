import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { formatFen, formatPrice, formatQty } from '../../format/amount';

type Conflict = ServiceResult<'import.preview'>['conflicts'][number];
type Difference = NonNullable<Conflict['difference']>;
type LineView = NonNullable<Difference['lines'][number]['old']>;

function value(field: string, v: LineView | null): string {
  if (!v) return '—';
  const x = v[field as keyof LineView];
  if (x === null || x === undefined) return '—';
  if (field === 'qtyMilli') return formatQty(Number(x));
  if (field === 'priceE4') return formatPrice(Number(x));
  if (field === 'amountFen') return formatFen(Number(x));
  return String(x);
}

const what = (v: LineView | null) => (v ? [v.store, v.sku ?? v.feeText ?? v.reference].filter(Boolean).join(' ') : '');

/** A re-imported document against the version in force, line by line: each changed field old → new. */
export function DifferenceTable({ d }: { d: Difference }) {
  const { t } = useTranslation();
  return (
    <table className="table compact diff" data-testid={`difference-${d.docNo}`}>
      <thead><tr><th>{t('corrections.line')}</th><th>{t('corrections.change')}</th><th>{t('corrections.old')}</th><th>{t('corrections.new')}</th></tr></thead>
      <tbody>
        {d.header.map((h) => (
          <tr key={h.field}><td /><td>{t(`diffFields.${h.field}`)}</td><td className="old">{h.old ?? '—'}</td><td className="new">{h.new ?? '—'}</td></tr>
        ))}
        {d.lines.flatMap((l) => (l.change === 'changed'
          ? l.fields.map((f, i) => (
            <tr key={`${l.oldLine}-${f}`}><td>{i === 0 ? `${l.newLine ?? l.oldLine} ${what(l.new)}` : ''}</td><td>{t(`diffFields.${f}`)}</td>
              <td className="old">{value(f, l.old)}</td><td className="new">{value(f, l.new)}</td></tr>))
          : [<tr key={`${l.change}-${l.oldLine ?? l.newLine}`}><td>{l.newLine ?? l.oldLine} {what(l.new ?? l.old)}</td><td>{t(`lineChanges.${l.change}`)}</td>
            <td className="old">{l.old ? `${formatQty(l.old.qtyMilli ?? 0)} × ${formatPrice(l.old.priceE4)} = ${formatFen(l.old.amountFen)}` : '—'}</td>
            <td className="new">{l.new ? `${formatQty(l.new.qtyMilli ?? 0)} × ${formatPrice(l.new.priceE4)} = ${formatFen(l.new.amountFen)}` : '—'}</td></tr>]))}
        <tr className="total"><td>{t('corrections.total')}</td><td /><td className="num">{formatFen(d.oldTotalFen)}</td><td className="num">{formatFen(d.newTotalFen)}</td></tr>
      </tbody>
    </table>
  );
}
