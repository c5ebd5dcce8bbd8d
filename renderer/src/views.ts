/** The app's views, addressed by the location hash (#/overlay, #/history, ...). */
export const VIEWS = ['overlay', 'reflect', 'history', 'workbench', 'audio'] as const;
export type ViewName = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewName, string> = {
  overlay: 'Call',
  reflect: 'After the call',
  history: 'History',
  workbench: 'Workbench',
  audio: 'Audio & model',
};

export function viewFromHash(hash: string): ViewName {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (VIEWS as readonly string[]).includes(name ?? '') ? (name as ViewName) : 'overlay';
}
