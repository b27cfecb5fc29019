import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, type Row } from '../../components/DataGrid';
import { hqFigure, hqMoney } from './hq-columns';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, errorFor } from '../../components/Field';
import { formatFen } from '../../format/amount';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';
import { percentOfPpm } from './hq-format';

/** 系统敞口: each KA chain across every distributor — gross, owed by the manufacturer, net, limit, headroom, grade. */
export function HqExposureTab({ period }: { period: string }) {
  const { t } = useTranslation();
  const q = useQuery('hq.exposure', period ? { period } : {});
  const { act, error, setError } = useAction();
  const [ka, setKa] = useState('');
  const [limit, setLimit] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const data = q.data as { chains?: Row[]; unattributedOwedFen?: number } | null;
  const save = async () => {
    const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(limit.trim());
    if (!m) return setError({ code: 'invalid-field', message: t('credit.limitFormat'), field: 'limitFen' });
    if (await act('hq.setLimit', { ka, limitFen: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')), reason })) {
      setDone(t('hq.limitSet', { ka }));
      q.reload();
    }
  };
  return (
    <section>
      <ErrorNotice error={q.error} />
      <DataGrid testId="hq-exposure-grid" height={250} rows={data?.chains ?? []} onOpen={(r) => setKa(String(r.ka))} rowId={(r) => String(r.ka)} columns={[
        // What a controller decides on first (gross, net, limit, headroom, grade), then how it is made up.
        { field: 'ka', headerName: t('hq.cols.ka'), width: 62, pinned: 'left' },
        { field: 'name', headerName: t('hq.cols.name'), width: 76, pinned: 'left' },
        hqMoney('grossFen', t('hq.cols.gross'), { width: 120 }),
        hqMoney('owedByManufacturerFen', t('hq.cols.owed'), { width: 122 }),
        hqMoney('netFen', t('hq.cols.net'), { width: 120 }),
        hqMoney('limitFen', t('hq.cols.limit'), { width: 104 }),
        hqMoney('headroomFen', t('hq.cols.headroom'), { width: 104 }),
        { headerName: t('hq.cols.grade'), width: 74, filter: false, valueGetter: (p) => { const g = p.data?.grade as { grade: string; score: number } | undefined; return g ? `${g.grade} (${g.score})` : ''; } },
        hqMoney('overdueFen', t('hq.cols.overdue'), { width: 104 }),
        hqMoney('overdueOver90Fen', t('hq.cols.over90'), { width: 108 }),
        hqFigure('overdueSharePpm', t('hq.cols.overdueShare'), 80, { valueFormatter: (p) => percentOfPpm(p.value as number) }),
        hqMoney('notDueFen', t('hq.cols.notDue'), { width: 112 }),
        hqMoney('unappliedFen', t('hq.cols.unapplied'), { width: 108 }),
        hqFigure('distributors', t('hq.cols.distributors'), 80),
      ]} />
      {data?.unattributedOwedFen ? <p className="hint">{t('hq.unattributed', { amount: formatFen(data.unattributedOwedFen, { symbol: true }) })}</p> : null}
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Field label={t('hq.cols.ka')} error={errorFor(error, 'ka')}><input value={ka} onChange={(e) => setKa(e.target.value)} data-testid="hq-limit-ka" /></Field>
        <Field label={t('hq.limitYuan')} error={errorFor(error, 'limitFen')}><input value={limit} onChange={(e) => setLimit(e.target.value)} inputMode="decimal" data-testid="hq-limit-amount" /></Field>
        <Field label={t('hq.cols.reason')} error={errorFor(error, 'reason')}><input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="hq-limit-reason" /></Field>
        <button type="submit" className="primary" disabled={!ka || !limit || !reason.trim()} data-testid="hq-limit-save">{t('hq.setLimit')}</button>
      </form>
      {done && <p className="notice ok" role="status">{done}</p>}
      {error && !error.field && <ErrorNotice error={error} onClose={() => setError(null)} />}
    </section>
  );
}
