import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs';
import { AuditLogTab } from './AuditLogTab';
import { BackupsTab } from './BackupsTab';
import { BalancesTab } from './BalancesTab';
import { DocumentsTab } from './DocumentsTab';
import { SettingsTab } from './SettingsTab';
import { UsersTab } from './UsersTab';
import { AuxItems } from '../vouchers/AuxItems';
import { ChartMapping } from '../vouchers/ChartMapping';
import { VouchersTab } from '../vouchers/VouchersTab';

type Tab = 'log' | 'documents' | 'balances' | 'vouchers' | 'users' | 'settings' | 'backups';

/** 审计 and settings: the audit log and its chain, the vouchers for the GL, users and roles, the book's settings and chart mapping, backups. */
export function AuditScreen({ params, periods, workMonth, signedIn, onChanged, onRestore }: {
  params: Record<string, string>; periods: string[]; workMonth: string; signedIn: boolean; onChanged: () => void; onRestore: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>((['log', 'documents', 'balances', 'vouchers', 'users', 'settings', 'backups'] as const).find((x) => x === params.tab) ?? 'log');
  return (
    <main className="screen" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('areas.audit')}</h1>
      <Tabs label={t('areas.audit')} current={tab} onChange={setTab} tabs={[
        { id: 'log', label: t('audit.log') }, { id: 'documents', label: t('audit.documents') }, { id: 'balances', label: t('balances.title') }, { id: 'vouchers', label: t('vouchers.tab') }, { id: 'users', label: t('audit.users') }, { id: 'settings', label: t('audit.settings') }, { id: 'backups', label: t('audit.backups') },
      ]} />
      {tab === 'log' && <AuditLogTab />}
      {tab === 'documents' && <DocumentsTab periods={periods} workMonth={workMonth} />}
      {tab === 'balances' && <BalancesTab />}
      {tab === 'users' && <UsersTab onChanged={onChanged} />}
      {tab === 'vouchers' && <VouchersTab periods={periods} initialPeriod={params.period ?? workMonth} signedIn={signedIn} onMapping={() => setTab('settings')} />}
      {tab === 'settings' && <><SettingsTab /><ChartMapping period={params.period ?? workMonth} /><AuxItems /></>}
      {tab === 'backups' && <BackupsTab onRestore={onRestore} />}
    </main>
  );
}
