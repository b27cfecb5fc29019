import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../format/dates';
import { useQuery } from '../../host/use-query';
import { useWords, type WireMessage } from '../../i18n/words';

interface History { limits: Record<string, unknown>[]; grades: Record<string, unknown>[] }

/** 诚信档案: one KA's or distributor's credit limits and grades over time, each grade with its reasons. */
export function CreditHistory({ party }: { party: string }) {
  const { t } = useTranslation();
  const { say } = useWords();
  const history = useQuery('credit.history', { party });
  const h = history.data as unknown as History | null;
  return (
    <section data-testid="credit-history">
      <h3>{t('credit.history', { party })}</h3>
      <ErrorNotice error={history.error} />
      {h && (
        <div className="split">
          <DataGrid height={220} rows={h.limits} columns={[
            moneyCol('limit_fen', t('credit.limit')), { field: 'reason', headerName: t('settlement.reason'), flex: 1 },
            { field: 'set_by', headerName: t('audit.actor'), width: 90 }, { field: 'set_at', headerName: t('audit.at'), width: 150, valueFormatter: (p) => formatTimestamp(p.value as string) },
          ]} />
          <DataGrid height={220} rows={h.grades} columns={[
            { field: 'as_of', headerName: t('home.asOf'), width: 110 }, { field: 'grade', headerName: t('credit.grade'), width: 70 }, { field: 'score', headerName: t('credit.score'), width: 70 },
            { field: 'reasons_json', headerName: t('credit.reasons'), flex: 1, valueFormatter: (p) => ((JSON.parse(String(p.value)) as { measures?: { reason: WireMessage | string }[] }).measures ?? []).map((m) => (typeof m.reason === 'string' ? m.reason : say(m.reason))).join('；') },
          ]} />
        </div>
      )}
    </section>
  );
}
