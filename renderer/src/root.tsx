// The whole window: the dashboard inside the shell that adds the estate screens and dialogs around it.
import { App } from './app';
import type { JiraSessionsBridge } from './bridge';
import { EstateShell } from './components/estate/estate-shell';

export function Root({ bridge }: { bridge: JiraSessionsBridge }) {
  return (
    <EstateShell bridge={bridge}>
      <App bridge={bridge} />
    </EstateShell>
  );
}
