// The editor's state: what has been typed, what is wrong with it, and the ProfileInput it makes. Values are checked
// as they are typed with the rules the schemas enforce (electron/shared/field-rules.ts and base-url.ts).
import { useId, useState } from 'react';
import { normalizeBaseUrl } from '../../../../electron/shared/base-url';
import {
  ENVIRONMENT_REQUIRED,
  missingValueProblem,
  pollIntervalProblem,
  proxyUrlProblem,
} from '../../../../electron/shared/field-rules';
import type {
  AppErrorInfo,
  CertificateSummary,
  Environment,
  ProfileInput,
  ServerProfile,
  SignInMethod,
} from '../../../../electron/shared/model';
import { checkIntervalFloor, policyFloorProblem } from '../../../../electron/shared/policy';
import {
  joinPollInterval,
  MIN_POLL_INTERVAL_SECONDS,
  splitPollInterval,
  type PollUnit,
} from '../../format/poll-interval';
import type { ManagedSetup, NewServerDefaults } from '../policy/managed-setup';
import { hostOf } from '../../view-model';

/** The fields an error can point at, in the order they appear (the first one in error takes focus). */
const FIELDS = [
  'label',
  'baseUrl',
  'username',
  'environment',
  'signInMethod',
  'pollIntervalSeconds',
  'proxyUrl',
  'proxyUsername',
  'proxyPassword',
  'caCertificate',
  'pinnedCertificatePem',
] as const;
export type Field = (typeof FIELDS)[number];
export type FieldErrors = Partial<Record<Field, string>>;

function isField(name: string | undefined): name is Field {
  return name !== undefined && (FIELDS as readonly string[]).includes(name);
}

/** Which field an invalid-input error is about: the core names it in `field`. */
export function fieldOfInvalidInput(error: AppErrorInfo): { field?: Field; text: string } {
  return isField(error.field) ? { field: error.field, text: error.message } : { text: error.message };
}

export interface CaState {
  pem: string;
  fileName?: string;
  certificate?: CertificateSummary;
}

export interface FormValues {
  label: string;
  baseUrl: string;
  username: string;
  /** Empty until the user chooses one: a new server is never production by default. */
  environment: Environment | '';
  signInMethod: SignInMethod;
  pollValue: string;
  pollUnit: PollUnit;
  keepAlive: boolean;
  proxyUrl: string;
  proxyUsername: string;
  /** Like the sign-in password, held only until it is sent; empty means "keep the saved one". */
  proxyPassword: string;
  ca: CaState | null;
  pinned: CertificateSummary | null;
}

/** A new server starts with Settings' defaults; a saved one with its own values. */
function initialValues(profile: ServerProfile | undefined, newServer: NewServerDefaults): FormValues {
  const poll = splitPollInterval(profile?.pollIntervalSeconds ?? newServer.pollIntervalSeconds);
  return {
    label: profile?.label ?? '',
    baseUrl: profile?.baseUrl ?? '',
    username: profile?.username ?? '',
    environment: profile?.environment ?? '',
    signInMethod: profile?.signInMethod ?? 'password',
    pollValue: poll.value,
    pollUnit: poll.unit,
    keepAlive: profile?.keepAlive ?? newServer.keepAlive,
    proxyUrl: profile?.proxyUrl ?? '',
    proxyUsername: profile?.proxyUsername ?? '',
    proxyPassword: '',
    ca: profile?.caCertificate ? { pem: profile.caCertificate } : null,
    pinned: profile?.pinnedCertificate ?? null,
  };
}

/** The values as saving sees them: a certificate is its PEM (details looked up later are not a change). */
function comparable(values: FormValues) {
  return { ...values, ca: values.ca?.pem ?? null, pinned: values.pinned?.fingerprint256 ?? null };
}

export function useServerForm(profile: ServerProfile | undefined, setup: Pick<ManagedSetup, 'policy' | 'newServer'>) {
  const ids = useId();
  const [initial] = useState(() => initialValues(profile, setup.newServer));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const fieldId = (field: Field | 'pollUnit' | 'keepAlive' | 'signInMethod') => `${ids}-${field}`;

  const clearError = (field: Field) => {
    if (errors[field]) setErrors(({ [field]: _removed, ...rest }) => rest);
  };

  /** Sets one value; a field the user types in loses its error. */
  const set = <K extends keyof FormValues>(name: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    const field = name === 'pollValue' ? 'pollIntervalSeconds' : name;
    if (isField(field)) clearError(field);
  };

  /** Shows these errors, and puts focus on the first field that has one. */
  const showErrors = (shown: FieldErrors) => {
    setErrors(shown);
    const first = FIELDS.find((field) => shown[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const url = normalizeBaseUrl(values.baseUrl);
  const pollSeconds = joinPollInterval(values.pollValue, values.pollUnit);
  const problems = {
    poll: pollIntervalProblem(pollSeconds) ?? policyFloorProblem(pollSeconds, setup.policy),
    proxy: values.proxyUrl.trim() === '' ? undefined : proxyUrlProblem(values.proxyUrl),
  };

  /** The input to send, or null after showing what is wrong. A connection test needs no name. */
  const buildInput = (forTest: boolean): ProfileInput | null => {
    const found: FieldErrors = {};
    const missingLabel = missingValueProblem('label', values.label);
    if (!forTest && missingLabel) found.label = missingLabel;
    if (!url.ok) found.baseUrl = url.reason;
    if (!forTest && values.environment === '') found.environment = ENVIRONMENT_REQUIRED;
    if (problems.poll) found.pollIntervalSeconds = problems.poll;
    if (problems.proxy) found.proxyUrl = problems.proxy;
    if (!url.ok || pollSeconds === undefined || FIELDS.some((field) => found[field])) {
      showErrors(found);
      return null;
    }
    const input: ProfileInput = {
      label: values.label.trim() || hostOf(url.baseUrl),
      baseUrl: url.baseUrl,
      username: values.username.trim(),
      ...(values.environment ? { environment: values.environment } : {}),
      signInMethod: values.signInMethod,
      pollIntervalSeconds: pollSeconds,
      keepAlive: values.keepAlive,
    };
    if (profile) input.id = profile.id;
    if (values.ca) input.caCertificate = values.ca.pem;
    if (values.pinned?.pem) input.pinnedCertificatePem = values.pinned.pem;
    const proxyUrl = values.proxyUrl.trim();
    const proxyUsername = values.proxyUsername.trim();
    if (proxyUrl) {
      input.proxyUrl = proxyUrl;
      if (proxyUsername) input.proxyUsername = proxyUsername;
      if (proxyUsername && values.proxyPassword !== '') input.proxyPassword = values.proxyPassword;
    }
    return input;
  };

  /** Whether anything differs from what the form opened with (what leaving it would drop). */
  const hasChanges = () => JSON.stringify(comparable(values)) !== JSON.stringify(comparable(initial));

  return {
    ids,
    fieldId,
    values,
    set,
    setValues,
    errors,
    showErrors,
    clearError,
    url,
    problems,
    buildInput,
    hasChanges,
    /** The shortest interval allowed (the administrator's floor, or the app's) and what a new server starts at. */
    pollLimits: {
      floor: checkIntervalFloor(setup.policy, MIN_POLL_INTERVAL_SECONDS),
      byPolicy: setup.policy.minimumCheckIntervalSeconds !== undefined,
      proposed: setup.newServer.pollIntervalSeconds,
    },
  };
}

export type ServerForm = ReturnType<typeof useServerForm>;
