// One TLS secure context per trust configuration, shared by every connection and every profile that uses it.
// Building one with an extra CA parses Node's ~140 root certificates again (tens of milliseconds of CPU), which
// per connection made HTTPS checks many times dearer than HTTP ones.
import { createHash } from 'node:crypto';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

export interface TrustAnchors {
  /** PEM certificates trusted on top of Node's default roots. */
  extra: string[];
  /** Lets a non-self-signed certificate among `extra` anchor a chain (a pinned leaf issued by a private CA). */
  partialChain: boolean;
}

// Weak, so a context lives exactly as long as some agent holds it: edits and deletions leave nothing behind.
const contexts = new Map<string, WeakRef<SecureContext>>();
const forget = new FinalizationRegistry<string>((key) => {
  if (contexts.get(key)?.deref() === undefined) contexts.delete(key);
});

export function secureContextFor(anchors: TrustAnchors): SecureContext {
  const key = createHash('sha256')
    .update(JSON.stringify([anchors.extra, anchors.partialChain]))
    .digest('hex');
  const cached = contexts.get(key)?.deref();
  if (cached) return cached;
  const context = createSecureContext({
    ...(anchors.extra.length > 0 ? { ca: [...rootCertificates, ...anchors.extra] } : {}),
    ...(anchors.partialChain ? { allowPartialTrustChain: true } : {}),
  });
  contexts.set(key, new WeakRef(context));
  forget.register(context, key);
  return context;
}
