import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf, renderMessage } from '../../../locale/index.js';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { useQuery } from '../../host/use-query';
import type { ServiceResult } from '../../../contract/service-contract';
import type { InvoiceGapKind } from '../../../vocabulary/index.js';
import { LinkForm } from './LinkForm';

type MatchRow = ServiceResult<'invoices.match'>['rows'][number];

/** Differences shown at a time: a large distributor's month has thousands. */
const PAGE = 200;

/**
 * 三单匹配: a row per KA and month (accepted ↔ invoiced ↔ paid); a row opens its differences, each explained, a page
 * at a time, all of them or one kind (a kind's total is a button).
 */
export function MatchTab({ period, ka, asOf }: { period: string; ka: string; asOf: string }) {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  const match = useQuery('invoices.match', { periods: [period], ...(ka ? { ka } : {}), asOf });
  const [open, setOpen] = useState<string | null>(null);
  const [kind, setKind] = useState<InvoiceGapKind | null>(null);
  const [offset, setOffset] = useState(0);
  const rows = match.data?.rows ?? [];
  const keyOf = (r: { ka: { code: string }; period: string }) => `${r.ka.code}|${r.period}`;
  const grid: Row[] = rows.map((r) => ({
    key: keyOf(r), ka: r.ka.name, period: r.period, accepted: r.accepted, returns: r.returns, ticket: r.ticket, settlement: r.settlement,
    invoicedBlue: r.invoicedBlue, invoicedRed: r.invoicedRed, invoicedNet: r.invoicedNet, paid: r.paid, toExplain: r.toExplain,
    verdict: r.toExplain === r.explained ? t('invoicing.explainedAll') : t('invoicing.notExplained'),
  }));
  const selected: MatchRow | undefined = rows.find((r) => keyOf(r) === open) ?? (rows.length === 1 ? rows[0] : undefined);
  const page = useQuery('invoices.gaps', selected ? { period: selected.period, ka: selected.ka.code, asOf, offset, limit: PAGE, ...(kind ? { kind } : {}) } : null);
  const gaps = page.data?.gaps ?? [];
  const total = page.data?.total ?? 0;
  const choose = (k: InvoiceGapKind | null) => { setKind(k); setOffset(0); };
  return (
    <section>
      <ErrorNotice error={match.error} />
      <DataGrid testId="invoice-match" height="auto" rows={grid} rowId={(r) => String(r.key)} selectedId={selected ? keyOf(selected) : null} onOpen={(r) => { setOpen(String(r.key)); choose(null); }} columns={[
        { field: 'ka', headerName: t('invoicing.ka'), width: 120 }, { field: 'period', headerName: t('invoicing.month'), width: 90 },
        moneyCol('accepted', t('invoicing.accepted'), { width: 120 }), moneyCol('returns', t('invoicing.returns'), { width: 100 }), moneyCol('ticket', t('invoicing.ticket'), { width: 100 }),
        moneyCol('settlement', t('invoicing.settlement'), { width: 120 }), moneyCol('invoicedNet', t('invoicing.invoicedNet'), { width: 120 }),
        moneyCol('invoicedRed', t('invoicing.invoicedRed'), { width: 100 }), moneyCol('paid', t('invoicing.paid'), { width: 120 }),
        moneyCol('toExplain', t('invoicing.toExplain'), { width: 110 }), { field: 'verdict', headerName: t('invoicing.explained'), flex: 1, minWidth: 130 },
      ]} />
      {!selected && rows.length > 1 && <p className="muted">{t('invoicing.pickRow')}</p>}
      {selected && (
        <div data-testid="invoice-gaps">
          <h3>{t('invoicing.gapsOf', { ka: selected.ka.name, period: selected.period })}</h3>
          {selected.gapTotals.length > 0 && (
            <p className="row" data-testid="invoice-gap-totals">
              <button type="button" aria-pressed={kind === null} onClick={() => choose(null)}>{t('invoicing.allGaps')}</button>
              {selected.gapTotals.map((x) => (
                <button type="button" key={x.kind} data-kind={x.kind} aria-pressed={kind === x.kind} onClick={() => choose(x.kind)}>
                  {t(`invoiceGapKinds.${x.kind}`)} {x.count} · <Money fen={x.amount} />
                </button>
              ))}
              <span className="fill" />
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('invoicing.previous')}</button>
              <span className="muted" data-testid="invoice-gaps-range">{t('invoicing.gapsRange', { from: total === 0 ? 0 : offset + 1, to: Math.min(offset + PAGE, total), total })}</span>
              <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('invoicing.next')}</button>
            </p>
          )}
          <ErrorNotice error={page.error} />
          {selected.gapTotals.length === 0 ? <p className="muted">{t('invoicing.noGaps')}</p> : (
            <table className="table compact">
              <thead><tr><th>{t('invoicing.gapKind')}</th><th className="num">{t('invoicing.amount')}</th><th>{t('invoicing.explanation')}</th></tr></thead>
              <tbody>
                {gaps.map((g, i) => (
                  <tr key={i} data-kind={g.kind}>
                    <td>{t(`invoiceGapKinds.${g.kind}`)}</td>
                    <td className="num"><Money fen={g.amount} /></td>
                    <td>
                      {renderMessage(lang, g.message as never)}
                      {g.lines?.map((l, j) => <div key={j} className="muted">{renderMessage(lang, l as never)}</div>)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <LinkForm onDone={() => { void match.reload(); void page.reload(); }} />
    </section>
  );
}
