import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf, renderMessage } from '../../../locale/index.js';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { useQuery } from '../../host/use-query';
import type { ServiceResult } from '../../../contract/service-contract';
import { INVOICE_GAP_KINDS } from '../../../vocabulary/index.js';
import { LinkForm } from './LinkForm';

type MatchRow = ServiceResult<'invoices.match'>['rows'][number];

/** 三单匹配: a row per KA and month (accepted ↔ invoiced ↔ paid); a row opens its differences, each explained. */
export function MatchTab({ period, ka, asOf }: { period: string; ka: string; asOf: string }) {
  const { t, i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  const match = useQuery('invoices.match', { periods: [period], ...(ka ? { ka } : {}), asOf });
  const [open, setOpen] = useState<string | null>(null);
  const rows = match.data?.rows ?? [];
  const keyOf = (r: { ka: { code: string }; period: string }) => `${r.ka.code}|${r.period}`;
  const grid: Row[] = rows.map((r) => ({
    key: keyOf(r), ka: r.ka.name, period: r.period, accepted: r.accepted, returns: r.returns, ticket: r.ticket, settlement: r.settlement,
    invoicedBlue: r.invoicedBlue, invoicedRed: r.invoicedRed, invoicedNet: r.invoicedNet, paid: r.paid, toExplain: r.toExplain,
    verdict: r.toExplain === r.explained ? t('invoicing.explainedAll') : t('invoicing.notExplained'),
  }));
  const selected: MatchRow | undefined = rows.find((r) => keyOf(r) === open) ?? (rows.length === 1 ? rows[0] : undefined);
  // What explains the difference first (to invoice, red-letter missing …), then what is said beside it (overdue, paid without invoice).
  const order = (k: string) => (INVOICE_GAP_KINDS as readonly string[]).indexOf(k);
  const gaps = [...(selected?.gaps ?? [])].sort((a, b) => order(a.kind) - order(b.kind));
  const totals = INVOICE_GAP_KINDS.map((k) => ({ kind: k, amount: gaps.filter((g) => g.kind === k).reduce((s, g) => s + g.amount, 0), count: gaps.filter((g) => g.kind === k).length })).filter((x) => x.count > 0);
  return (
    <section>
      <ErrorNotice error={match.error} />
      <DataGrid testId="invoice-match" height="auto" rows={grid} rowId={(r) => String(r.key)} selectedId={selected ? keyOf(selected) : null} onOpen={(r) => setOpen(String(r.key))} columns={[
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
          {totals.length > 0 && (
            <p className="row" data-testid="invoice-gap-totals">{totals.map((x) => <span key={x.kind}>{t(`invoiceGapKinds.${x.kind}`)} {x.count} · <Money fen={x.amount} /></span>)}</p>
          )}
          {gaps.length === 0 ? <p className="muted">{t('invoicing.noGaps')}</p> : (
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
      <LinkForm onDone={() => void match.reload()} />
    </section>
  );
}
