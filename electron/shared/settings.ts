// The Settings screen's settings (issue 13): how the app starts and closes, the defaults for new servers, the
// theme and which notifications it sends. AppSettings (model.ts) extends these.
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** What an OS notification is about; each can be turned off on its own (the master switch is `notifications`). */
export const NOTICE_TOPICS = ['expiry', 'sign-out', 'tokens', 'quiet-sign-in'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

export interface EstateSettings {
  /** Start the app when the person logs in to the computer. */
  startAtLogin: boolean;
  /** Start with the window hidden: only the tray icon. */
  startHidden: boolean;
  /** Closing the window keeps the app in the tray; off, closing the window quits. */
  closeToTray: boolean;
  /** What a new server's check interval and keep-alive start at. */
  defaultPollIntervalSeconds: number;
  defaultKeepAlive: boolean;
  theme: Theme;
  /** A session expired. */
  notifyExpiry: boolean;
  /** A sign-out (or an end of admin access) that some servers could not confirm. */
  notifySignOutProblems: boolean;
  /** Personal access tokens that expire soon. */
  notifyTokenExpiry: boolean;
  /** Each quiet re-sign-in with a remembered password: a real login on a possibly production account. */
  notifyQuietSignIn: boolean;
}

export const ESTATE_SETTINGS_DEFAULTS: EstateSettings = {
  startAtLogin: false,
  startHidden: false,
  closeToTray: true,
  defaultPollIntervalSeconds: 300,
  defaultKeepAlive: false,
  theme: 'system',
  notifyExpiry: true,
  notifySignOutProblems: true,
  notifyTokenExpiry: true,
  notifyQuietSignIn: true,
};

const TOPIC_SETTING: Record<NoticeTopic, keyof EstateSettings> = {
  expiry: 'notifyExpiry',
  'sign-out': 'notifySignOutProblems',
  tokens: 'notifyTokenExpiry',
  'quiet-sign-in': 'notifyQuietSignIn',
};

/** Whether a notice on `topic` may be shown with these settings (a notice without a topic always may). */
export function topicAllowed(settings: EstateSettings, topic: NoticeTopic | undefined): boolean {
  return topic === undefined || settings[TOPIC_SETTING[topic]] !== false;
}
