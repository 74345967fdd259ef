import { ApiError } from '../api';
import type { Action } from '../contract';
import type { Strings } from './i18n';

export function confidenceWords(t: Strings, confidence: number): string {
  const index = confidence >= 0.9 ? 3 : confidence >= 0.75 ? 2 : confidence >= 0.5 ? 1 : 0;
  return t.confidence[index]!;
}

export function percent(t: Strings, confidence: number): string {
  return t.percent(Math.round(confidence * 100));
}

export function dateTime(t: Strings, iso: string): string {
  return new Intl.DateTimeFormat(t.dateTime, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** "Videresend til Servicetorget", or "Slett". */
export function actionText(t: Strings, action: string | null | undefined, unitName: string | null | undefined): string {
  const words = isAction(action) ? t.action[action] : (action ?? '');
  return unitName ? `${words} ${t.unitPrefix} ${unitName}` : words;
}

export function isAction(value: unknown): value is Action {
  return value === 'journalfor' || value === 'videresend' || value === 'slett';
}

/** What went wrong, in words a member of staff can act on. */
export function errorText(t: Strings, error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.readMessage;
  switch (error.status) {
    case 0:
      return t.errors.network;
    case 401:
    case 403:
      return t.errors.forbidden;
    case 404:
      return t.errors.notFound;
    case 413:
      return t.errors.tooLarge;
    case 502:
    case 503:
    case 504:
      return t.errors.unavailable;
    case 400:
      if (error.problem?.errors?.['mailbox']) return t.errors.unknownMailbox;
      return t.errors.other(400);
    default:
      return t.errors.other(error.status);
  }
}
