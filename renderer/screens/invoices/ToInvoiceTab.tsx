import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, moneyCol, type Row } from '../../components/DataGrid';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { formatFen } from '../../format/amount';
import { useHost } from '../../host/host-context';
import { useQuery } from '../../host/use-query';

interface ToInvoice { serial: number; kaName: string; period: string; buyerName: string | null; buyerTaxId: string | null; gross: number; lines: unknown[]; receipts: string[]; tickets: string[] }

/** 待开票: the invoices still to make, one per invoicing entity and month, and the workbook the invoicing clerk keys from. */
export function ToInvoiceTab({ period, ka, asOf }: { period: string; ka: string; asOf: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const list = useQuery('invoices.toInvoice', { periods: [period], ...(ka ? { ka } : {}), asOf });
  const [message, setMessage] = useState('');
  const invoices = (list.data?.invoices ?? []) as unknown as ToInvoice[];
  const rows: Row[] = invoices.map((i) => ({
    serial: i.serial, ka: i.kaName, period: i.period, buyerName: i.buyerName ?? t('invoicing.noEntity'), buyerTaxId: i.buyerTaxId ?? '', gross: i.gross,
    lines: i.lines.length, remark: [...i.receipts, ...i.tickets].join('、'),
  }));
  const exportList = async () => {
    try {
      const out = await host.exportFile('invoices.exportToInvoice', { periods: [period], ...(ka ? { ka } : {}) }, `待开票-${period}${ka ? `-${ka}` : ''}.xlsx`);
      if (out) setMessage(t('invoicing.exported', { where: out.where }));
    } catch (e) {
      list.setError(asServiceError(e));
    }
  };
  return (
    <section>
      <ErrorNotice error={list.error} />
      <div className="row">
        <span className="muted" data-testid="to-invoice-count">{t('invoicing.toInvoiceCount', { count: invoices.length, total: formatFen(invoices.reduce((s, i) => s + i.gross, 0), { symbol: true }) })}</span>
        <button type="button" className="primary" data-testid="to-invoice-export" disabled={!invoices.length} onClick={() => void exportList()}>{t('invoicing.export')}</button>
        {message && <span className="ok-text" role="status" data-testid="to-invoice-exported">{message}</span>}
      </div>
      <DataGrid testId="to-invoice" height="auto" rows={rows} rowId={(r) => String(r.serial)} columns={[
        { field: 'serial', headerName: t('invoicing.serial'), width: 80 }, { field: 'ka', headerName: t('invoicing.ka'), width: 110 },
        { field: 'period', headerName: t('invoicing.month'), width: 90 }, { field: 'buyerName', headerName: t('invoicing.buyerName'), width: 230 },
        { field: 'buyerTaxId', headerName: t('invoicing.buyerTaxId'), width: 180 }, moneyCol('gross', t('invoicing.gross'), { width: 130 }),
        { field: 'lines', headerName: t('invoicing.lines'), width: 80, type: 'rightAligned' }, { field: 'remark', headerName: t('invoicing.remark'), flex: 1, minWidth: 160 },
      ]} />
    </section>
  );
}
