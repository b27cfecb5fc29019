import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { ProgressPanel } from '../../components/ProgressPanel';
import { formatQty } from '../../format/amount';
import { formatPpm } from '../../format/rate';
import { useLongCall } from '../../host/use-long-call';
import { useQuery } from '../../host/use-query';
import { RebateExplanation } from './RebateExplanation';

interface Explanation {
  contract: string; period: string; rebate: Parameters<typeof RebateExplanation>[0]['r'] | null;
  deliveryCost: { distributorCode: string; lines: { region: string; method: string; quantity: number; rate: number; amount: number }[]; subtotal: number; floor: number | null; cap: number | null; total: number; rounding: string }[];
  priceProtection: { promotion: string; window: { start: string; end: string }; distributors: { lines: { store: string; sku: string; qty: number; normalPrice: number; promoPrice: number; amount: number }[]; total: number }[]; notExecuted: { store: string; name: string; evidence: string }[] }[];
}

/** 返利与补贴: each contract's rebate, delivery-cost subsidy and price protection for a month, explained; the accruals posted. */
export function TermsScreen({ periods, workMonth }: { periods: string[]; workMonth: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(workMonth);
  const contracts = useQuery('terms.contracts', {});
  const [contract, setContract] = useState<string | null>(null);
  const explained = useQuery('terms.explain', contract ? { contract, period } : null);
  const accruals = useQuery('terms.accruals', { period });
  const long = useLongCall();
  const [accrued, setAccrued] = useState<Row | null>(null);
  const e = explained.data as unknown as Explanation | null;

  const accrueButton = useRef<HTMLButtonElement>(null);
  const accrue = async () => {
    const r = await long.run('terms.accrue', { period });
    if (r) {
      setAccrued(r);
      accruals.reload();
      explained.reload();
    }
  };
  // 计提 is disabled while it runs, which drops the keyboard's focus: once drawn enabled again it has it back.
  const ran = useRef(false);
  useEffect(() => {
    if (long.busy) ran.current = true;
    else if (ran.current) {
      ran.current = false;
      const active = document.activeElement;
      if (!active || active === document.body || active === accrueButton.current) accrueButton.current?.focus();
    }
  }, [long.busy]);
  const posted = accrued?.posted as { rebates: number; deliveryCost: number; priceProtection: number } | undefined;

  return (
    <main className="screen" aria-labelledby="terms-title">
      <div className="screen-head">
        <h1 id="terms-title">{t('areas.terms')}</h1>
        <label className="inline">{t('home.period')}
          <select value={period} onChange={(ev) => setPeriod(ev.target.value)} data-testid="terms-period">{periods.map((p) => <option key={p}>{p}</option>)}</select>
        </label>
        <span className="fill" />
        <button ref={accrueButton} type="button" className="primary" data-testid="accrue" disabled={long.busy} onClick={accrue}>{t('terms.accrue', { period })}</button>
      </div>
      <ErrorNotice error={long.error ?? contracts.error ?? explained.error} onClose={() => { long.setError(null); explained.setError(null); }} />
      {long.busy && <ProgressPanel label={t('app.busy')} progress={long.progress} />}
      {posted && <p className="notice ok" role="status" data-testid="accrue-result">{t('terms.accrued', { period })} <Money fen={posted.rebates} /> · <Money fen={posted.deliveryCost} /> · <Money fen={posted.priceProtection} /></p>}
      <div className="split">
        <DataGrid testId="contracts-grid" height={300} rows={contracts.data?.rows ?? []} rowId={(r) => String(r.code)} selectedId={contract} onOpen={(r) => setContract(String(r.code))}
          columns={[
            { field: 'code', headerName: t('terms.contract'), width: 150 },
            { field: 'ka', headerName: 'KA', width: 70 },
            { field: 'distributor', headerName: t('fees.distributor'), width: 90 },
            { field: 'valid_from', headerName: t('fields.validFrom'), width: 110 },
            { field: 'valid_to', headerName: t('fields.validTo'), width: 110 },
            { field: 'rebate_tier_mode', headerName: t('terms.tierMode'), width: 100, valueFormatter: (p) => t(`terms.mode.${p.value as string}`) },
            { field: 'fee_points_ppm', headerName: t('terms.feePoints'), width: 90, valueFormatter: (p) => formatPpm(p.value as number) },
          ]} />
      </div>
      {e && (
        <div className="explanation" data-testid="terms-explanation">
          <h2>{e.contract} · {e.period}</h2>
          {e.rebate ? <RebateExplanation r={e.rebate} /> : <p className="muted">{t('terms.noRebate')}</p>}
          {e.deliveryCost.length > 0 && <h3>{t('terms.deliveryCost')}</h3>}
          {e.deliveryCost.map((d) => (
            <table key={d.distributorCode} className="table compact">
              <caption>{d.distributorCode}</caption>
              <thead><tr><th>{t('fields.region')}</th><th>{t('terms.method')}</th><th>{t('terms.quantity')}</th><th>{t('terms.rate')}</th><th>{t('fields.amount')}</th></tr></thead>
              <tbody>
                {d.lines.map((l, i) => <tr key={i}><td>{l.region || t('terms.allRegions')}</td><td>{t(`terms.costMethod.${l.method}`)}</td><td className="num">{l.method === 'percent' ? <Money fen={l.quantity} /> : l.method === 'per_case' ? formatQty(l.quantity) : l.quantity}</td><td className="num">{l.method === 'percent' ? formatPpm(l.rate) : <Money fen={l.rate} />}</td><td className="num"><Money fen={l.amount} /></td></tr>)}
                <tr className="total"><td colSpan={4}>{t('terms.subsidyTotal')}{d.floor !== null ? ` · ${t('terms.floor')} ` : ''}{d.floor !== null && <Money fen={d.floor} />}{d.cap !== null ? ` · ${t('terms.cap')} ` : ''}{d.cap !== null && <Money fen={d.cap} />}</td><td className="num"><Money fen={d.total} /></td></tr>
              </tbody>
            </table>
          ))}
          {e.priceProtection.length > 0 && <h3>{t('terms.priceProtection')}</h3>}
          {e.priceProtection.map((p) => (
            <div key={p.promotion}>
              <p>{p.promotion} ({p.window.start} – {p.window.end}): <Money fen={p.distributors.reduce((s, d) => s + d.total, 0)} /></p>
              {p.notExecuted.length > 0 && <p className="notice warn">{t('terms.notExecuted', { stores: p.notExecuted.map((n) => `${n.store} ${n.name}`).join('、') })}</p>}
            </div>
          ))}
        </div>
      )}
      <h2>{t('terms.accruals', { period })}</h2>
      <DataGrid testId="accruals-grid" height={260} rows={accruals.data?.rows ?? []}
        columns={[
          { field: 'kind', headerName: t('terms.kind'), width: 160, valueFormatter: (p) => t(`docKinds.${p.value as string}`, { defaultValue: p.value as string }) },
          { field: 'doc_no', headerName: t('fees.docNo'), width: 220 },
          { field: 'doc_date', headerName: t('fields.date'), width: 110 },
          { field: 'ka', headerName: 'KA', width: 70 },
          { field: 'distributor', headerName: t('fees.distributor'), width: 90 },
          moneyCol('total_fen', t('fields.amount')),
        ]} />
    </main>
  );
}
