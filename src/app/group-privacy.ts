import type { Profile } from '../domain/profile.js';
import type { AppDeps } from './deps.js';
import type { Caller } from './types.js';

/**
 * `/privacy group on|off`: whether a member's taste may be used for group features in this server
 * (`/together`, `/match`, "who here would like this"). On by default. Kept in the member's profile
 * (`preferences.groupTaste: false` when off), so `/privacy export` shows it and `/privacy delete` removes it.
 */
export const GROUP_PREFERENCE = 'groupTaste';

export const allowsGroup = (p: Profile): boolean => p.preferences[GROUP_PREFERENCE] !== false;

export async function groupAllowed(d: AppDeps, c: Caller): Promise<boolean> {
  return allowsGroup(await d.profiles.get(c.scope, c.userId));
}

/** Turns it on (the default: the preference goes) or off; returns the setting now in force. */
export async function setGroupAllowed(d: AppDeps, c: Caller, on: boolean): Promise<boolean> {
  const p = await d.profiles.setPreference(c.scope, c.userId, GROUP_PREFERENCE, on ? undefined : false);
  d.logger.info({ scope: c.scope, user: c.userId, on }, 'group privacy set');
  return allowsGroup(p);
}
