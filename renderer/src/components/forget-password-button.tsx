// "Forget saved password", offered wherever the pane says a password is saved.
export function ForgetPasswordButton({ forgetting, onForget }: { forgetting: boolean; onForget(): void }) {
  return (
    <button type="button" className="button button-small button-quiet" onClick={onForget} disabled={forgetting}>
      {forgetting ? 'Forgetting…' : 'Forget saved password'}
    </button>
  );
}
