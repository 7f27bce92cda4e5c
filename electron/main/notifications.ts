// The core's Notifier backed by OS notifications. The core decides what is worth telling (a session expired, a
// sign-out of all partly failed) and whether the user's `notifications` setting allows it; this only shows it.
import { Notification } from 'electron';
import type { NativeImage } from 'electron';
import type { LogSink, Notice, Notifier } from '../core';

export interface DesktopNotifierOptions {
  /** Clicking a notification: show the window. */
  onClick?(notice: Notice): void;
  /** A NativeImage rather than a path: on Linux the notification daemon cannot read files inside app.asar. */
  icon?: NativeImage;
  log?: LogSink;
}

const MAX_HELD_NOTIFICATIONS = 20;

export function createDesktopNotifier(options: DesktopNotifierOptions): Notifier {
  // Held until closed: a notification that is garbage-collected loses its click handler on some platforms.
  const shown = new Set<Notification>();
  const show = (notice: Notice): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      ...(options.icon ? { icon: options.icon } : {}),
    });
    shown.add(notification);
    // Some Linux notification daemons never report 'close'; keep only the most recent ones.
    if (shown.size > MAX_HELD_NOTIFICATIONS) shown.delete(shown.values().next().value as Notification);
    notification.on('click', () => options.onClick?.(notice));
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };
  return (notice) => {
    // The core calls this from its own work (a poll, a sign-out): a failing notification must not break that.
    try {
      show(notice);
    } catch (error) {
      options.log?.('warn', 'Notification not shown', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
