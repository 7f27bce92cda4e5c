// Which notices the settings let through: `notifications` turns them all off, and a quiet re-sign-in has a switch
// of its own (`notifyQuietSignIn`), for administrators who want every real login on an account announced or none.
import type { AppSettings } from '../shared/model';
import type { Notice } from './ports';

export function allowsNotice(settings: AppSettings, notice: Notice): boolean {
  if (!settings.notifications) return false;
  return notice.kind !== 'quiet-sign-in' || settings.notifyQuietSignIn;
}
