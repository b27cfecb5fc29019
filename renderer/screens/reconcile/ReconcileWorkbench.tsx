import type { CellKeyDownEvent, GridApi, ICellRendererParams, IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceArgs, ServiceResult } from '../../../contract/service-contract';
import { routeHash, type Route } from '../../app/areas';
import { gridTheme } from '../../app/grid-theme';
import { ErrorNotice, asServiceError } from '../../components/ErrorNotice';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useHost } from '../../host/host-context';
import { useKaAccounts } from '../../host/use-ka-accounts';
import { useLongCall } from '../../host/use-long-call';
import { FilterBar, type Filters } from './FilterBar';
import { LineDetail } from './LineDetail';
import { isTotalRow, reconcileColumns, type ResultRow } from './reconcile-columns';
import { useWords } from '../../i18n/words';
import { useGridLocale } from '../../components/DataGrid';
import { Tabs } from '../../components/Tabs';
import { UnexpectedReceipts } from './UnexpectedReceipts';

const BLOCK = 200;

function queryOf(f: Filters): Omit<ServiceArgs<'reconcile.lines'>, 'offset' | 'limit' | 'withTotal'> {
  const q: Record<string, string> = { from: f.from, to: f.to };
  for (const k of ['ka', 'status', 'store', 'sku', 'dateFrom', 'dateTo'] as const) if (f[k].trim()) q[k] = f[k].trim();
  return q as never;
}

/**
 * The reconciliation workbench: AG Grid's infinite row model pages through the stored results in SQLite (a
 * block of 200 lines per request), so a year of a million lines opens at once and scrolls without loading it.
 */
export function ReconcileWorkbench({ periods, workMonth, params, go }: { periods: string[]; workMonth: string; params: Record<string, string>; go: (r: Route) => void }) {
  const { t } = useTranslation();
  const { lang } = useWords();
  const gridLocale = useGridLocale();
  const host = useHost();
  const long = useLongCall();
  const latest = workMonth;
  const filters: Filters = {
    from: params.from ?? latest, to: params.to ?? params.from ?? latest, ka: params.ka ?? '', status: params.status ?? '',
    store: params.store ?? '', sku: params.sku ?? '', dateFrom: params.dateFrom ?? '', dateTo: params.dateTo ?? '',
  };
  const key = JSON.stringify(filters);
  const [total, setTotal] = useState<number | null>(null);
  const [sums, setSums] = useState<ServiceResult<'reconcile.lines'>['sums'] | null>(null);
  const [selected, setSelected] = useState<number | null>(params.view !== "unexpected" && params.line ? Number(params.line) : null);
  const [message, setMessage] = useState<{ key: string; values: Record<string, string | number> } | null>(null);
  const [label, setLabel] = useState('');
  const api = useRef<GridApi<ResultRow> | null>(null);

  const kas = useKaAccounts().rows;
  /** after 对账 the focus goes to the first line of the results, which is what is looked at next */
  const focusFirstLine = useRef(false);

  const datasource = useMemo<IDatasource>(() => ({
    getRows: (p) => {
      const withTotal = p.startRow === 0;
      host.call('reconcile.lines', { ...queryOf(filters), offset: p.startRow, limit: p.endRow - p.startRow, withTotal }).then((r) => {
        if (withTotal) {
          setTotal(r.total ?? null);
          setSums(r.sums ?? null);
        }
        const last = r.rows.length < p.endRow - p.startRow ? p.startRow + r.rows.length : (withTotal && r.total !== undefined ? r.total : -1);
        p.successCallback(r.rows, last);
        if (withTotal && focusFirstLine.current) {
          focusFirstLine.current = false;
          if (r.rows.length > 0) requestAnimationFrame(() => api.current?.setFocusedCell(0, 'delivery_date'));
        }
      }, (e) => {
        long.setError(asServiceError(e));
        p.failCallback();
      });
    },
  }), [host, key]);

  useEffect(() => {
    setTotal(null);
    setSums(null);
    api.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  const refresh = useCallback(() => api.current?.refreshInfiniteCache(), []);

  const confirmCell = useCallback((p: ICellRendererParams<ResultRow>) => {
    if (!p.data || isTotalRow(p) || p.data.status === 'matched' && !p.data.decision) return null;
    const lineId = p.data.line_id;
    return (
      <button type="button" className="cell-button" data-testid={`confirm-${lineId}`} onClick={async (e) => {
        e.stopPropagation();
        try {
          await host.call('reconcile.decide', { lineId, decision: 'confirmed' });
          refresh();
        } catch (err) {
          long.setError(asServiceError(err));
        }
      }}>{t('reconcile.confirmBtn')}</button>
    );
  }, [host, refresh, t]);
  const columnDefs = useMemo(() => reconcileColumns(t, confirmCell), [t, confirmCell]);
  // Only the fields the 合计 row shows; the columns leave everything else of it blank.
  const totalRow = useMemo(() => (sums && total ? [{
    line_id: 0, delivery_date: t('app.total'), line_delivered_fen: sums.delivered, line_received_fen: sums.received,
  } as unknown as ResultRow] : undefined), [sums, total, t]);

  const months = periods.filter((p) => p >= filters.from && p <= filters.to);
  const runReconcile = async () => {
    setMessage(null);
    for (const period of months) {
      setLabel(t('reconcile.running', { period }));
      const r = await long.run('reconcile.run', { period });
      if (!r) return;
      const d = r.deliveryLines;
      setMessage({ key: 'reconcile.runDone', values: { period, matched: d.matched, short: d.short, over: d.over, priceDiff: d.priceDiff, missing: d.receiptMissing } });
    }
    focusFirstLine.current = true;
    api.current?.purgeInfiniteCache();
    api.current?.setGridOption('datasource', datasource);
  };
  useEffect(() => {
    if (params.run === '1') {
      // Asked for from the home page: run once, and leave no "run" in the address to repeat it.
      history.replaceState(null, '', routeHash({ area: 'reconcile', params: { ...params, run: '' } }));
      void runReconcile();
    }
  }, []);

  const exportView = async () => {
    setLabel(t('reconcile.export'));
    try {
      const out = await host.exportFile('reconcile.export', { ...queryOf(filters), lang }, `${t('reconcile.fileName')}-${filters.from}_${filters.to}.xlsx`);
      if (out) setMessage({ key: 'reconcile.exported', values: { rows: out.result.rows, where: out.where } });
    } catch (e) {
      long.setError(asServiceError(e));
    }
  };

  const keyDown = (e: CellKeyDownEvent<ResultRow>) => {
    if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data && !isTotalRow(e)) setSelected(e.data.line_id);
  };

  return (
    <main className="screen workbench" aria-labelledby="reconcile-title">
      <div className="screen-head">
        <h1 id="reconcile-title">{t('reconcile.title')}</h1>
        <span className="muted" data-testid="line-count">{total === null ? '' : t('reconcile.lines', { count: total })}</span>
        <span className="fill" />
        <button type="button" data-testid="run-reconcile" disabled={long.busy || months.length === 0} onClick={runReconcile}>{t('reconcile.run')}</button>
        <button type="button" data-testid="export-xlsx" disabled={long.busy} onClick={exportView}>{t('reconcile.export')}</button>
      </div>
      <FilterBar key={key} value={filters} periods={periods} kas={kas}
        onApply={(f) => go({ area: 'reconcile', params: { ...f, ...(params.view ? { view: params.view } : {}) } })} />
      <Tabs label={t('reconcile.title')} current={params.view === 'unexpected' ? 'unexpected' : 'deliveries'}
        onChange={(v) => go({ area: 'reconcile', params: { ...params, view: v === 'unexpected' ? 'unexpected' : '', line: '' } })}
        tabs={[{ id: 'deliveries', label: t('reconcile.viewDeliveries') }, { id: 'unexpected', label: t('reconcile.viewUnexpected') }]} />
      <ErrorNotice error={long.error} onClose={() => long.setError(null)} />
      {long.busy && <ProgressPanel label={label} progress={long.progress} onCancel={long.cancel} />}
      {message && <p className="notice ok" role="status" data-testid="workbench-message">{t(message.key, message.values)}</p>}
      {total === 0 && !long.busy && <p className="muted">{t('reconcile.noResults')}</p>}
      {params.view === 'unexpected' ? <UnexpectedReceipts from={filters.from} to={filters.to} ka={filters.ka} openLine={params.line ? Number(params.line) : undefined} /> : (
      <div className={`workbench-body ${selected !== null ? 'with-panel' : ''}`}>
        <div className="grid big-grid" data-testid="reconcile-grid">
          <AgGridReact<ResultRow>
            theme={gridTheme}
            localeText={gridLocale}
            rowModelType="infinite"
            cacheBlockSize={BLOCK}
            maxBlocksInCache={100}
            infiniteInitialRowCount={BLOCK}
            columnDefs={columnDefs}
            defaultColDef={{ sortable: false, resizable: true }}
            suppressColumnVirtualisation
            getRowId={(p) => String(p.data.line_id)}
            pinnedBottomRowData={totalRow}
            getRowClass={(p) => (isTotalRow(p) ? 'row-total' : undefined)}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onGridReady={(e) => { api.current = e.api; e.api.setGridOption('datasource', datasource); }}
            onRowClicked={(e) => e.data && !isTotalRow(e) && setSelected(e.data.line_id)}
            onCellKeyDown={keyDown}
          />
        </div>
        {selected !== null && <LineDetail lineId={selected} onDecided={refresh} onClose={() => setSelected(null)} />}
      </div>
      )}
    </main>
  );
}
