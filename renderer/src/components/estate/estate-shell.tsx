// Around the dashboard: the History and Settings screens (shown in its place, the dashboard kept mounted so its
// selection and forms survive) and the import and export dialogs, opened through EstateNavContext.
import { useMemo, useState, type ReactNode } from 'react';
import type { JiraSessionsBridge } from '../../bridge';
import { HistoryScreen } from '../history/history-screen';
import { ManagedSetupContext, useLoadManagedSetup } from '../policy/managed-setup';
import { SettingsScreen } from '../settings/settings-screen';
import { ExportDialog } from '../transfer/export-dialog';
import { ImportDialog } from '../transfer/import-dialog';
import { EstateNavContext, type EstateDialog, type EstateNav, type EstateScreen } from './estate-nav';
import './estate-shell.css';

export interface EstateShellProps {
  bridge: JiraSessionsBridge;
  children: ReactNode;
}

export function EstateShell({ bridge, children }: EstateShellProps) {
  const [screen, setScreen] = useState<EstateScreen>('dashboard');
  const [dialog, setDialog] = useState<EstateDialog | null>(null);
  const nav = useMemo<EstateNav>(
    () => ({
      open: (target) => {
        if (target === 'import' || target === 'export') setDialog(target);
        else setScreen(target);
      },
    }),
    [],
  );
  const close = () => setDialog(null);
  const setup = useLoadManagedSetup(bridge);
  return (
    <EstateNavContext.Provider value={nav}>
      <ManagedSetupContext.Provider value={setup}>
        <div className="estate-dashboard" hidden={screen !== 'dashboard'}>
          {children}
        </div>
        {screen === 'history' ? <HistoryScreen bridge={bridge} onBack={() => setScreen('dashboard')} /> : null}
        {screen === 'settings' ? <SettingsScreen bridge={bridge} onBack={() => setScreen('dashboard')} /> : null}
        {dialog === 'import' ? <ImportDialog bridge={bridge} onClose={close} /> : null}
        {dialog === 'export' ? <ExportDialog bridge={bridge} onClose={close} /> : null}
      </ManagedSetupContext.Provider>
    </EstateNavContext.Provider>
  );
}
