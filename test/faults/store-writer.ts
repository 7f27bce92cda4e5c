// Child process for the crash test: rewrites the store as fast as it can until it is killed mid-write.
import { DocumentStore, defaultOpenStore } from '../../electron/core/store/document-store';

const dataDir = process.argv[2] ?? '';
const store = DocumentStore.open(defaultOpenStore, dataDir, Date.now);
const padding = 'x'.repeat(64 * 1024);
for (let i = 0; ; i++) {
  store.update((draft) => {
    const profile = draft.profiles[0];
    // Large writes widen the window in which a kill lands mid-write; the label stays the one the test expects.
    if (profile) profile.caCertificate = `-----BEGIN CERTIFICATE-----${padding}${i}`;
  });
}
