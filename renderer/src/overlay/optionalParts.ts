import type { ComponentType } from 'react';

/**
 * Parts other views provide: the centring moment between calls (care/) and
 * the active profile's badge (profile/). Looked up at build time so the
 * overlay builds and works before they exist and shows them once they do.
 */
const care = import.meta.glob<ComponentType>('../care/BetweenCalls.tsx', { import: 'BetweenCalls', eager: true });
const badge = import.meta.glob<ComponentType>('../profile/ProfileBadge.tsx', { import: 'ProfileBadge', eager: true });

export const BetweenCalls: ComponentType | null = Object.values(care)[0] ?? null;
export const ProfileBadge: ComponentType | null = Object.values(badge)[0] ?? null;
