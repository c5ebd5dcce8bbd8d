import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { trayMenuItems, type TrayAction } from './trayMenu';

export interface TrayController {
  refresh(state: { clickThrough: boolean }): void;
  destroy(): void;
}

export function createTray(icon: string, run: (action: TrayAction) => void, initial: { clickThrough: boolean }): TrayController {
  const tray = new Tray(nativeImage.createFromPath(icon));
  tray.setToolTip('Steady');
  const refresh = (state: { clickThrough: boolean }) => {
    const template: MenuItemConstructorOptions[] = trayMenuItems(state).map((item) =>
      'separator' in item
        ? { type: 'separator' }
        : item.checked === undefined
          ? { label: item.label, click: () => run(item.action) }
          : { label: item.label, type: 'checkbox', checked: item.checked, click: () => run(item.action) },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  refresh(initial);
  return { refresh, destroy: () => tray.destroy() };
}
