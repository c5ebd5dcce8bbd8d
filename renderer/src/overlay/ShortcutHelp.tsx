import { useEffect, useId, useRef, useState } from 'react';
import { ShortcutSettings } from '../api/ShortcutSettings';
import { SHORTCUTS } from './shortcuts';

/**
 * A small popover listing the in-window keys and the desktop app's global
 * shortcuts (editable there); Esc or the button closes it and focus goes back to the button.
 */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div
      className="help"
      onBlur={(event) => {
        // Tabbing or clicking away closes the list without pulling focus back.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className="help-button" aria-expanded={open} aria-controls={id} onClick={() => (open ? close() : setOpen(true))}>
        Keys
      </button>
      {open ? (
        <div
          ref={panel}
          id={id}
          className="help-panel"
          role="dialog"
          aria-label="Keyboard shortcuts"
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              // Esc here closes the list; it must not also dismiss the card.
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        >
          <h3 className="help-heading">In this window</h3>
          <dl className="help-list">
            {SHORTCUTS.map((s) => (
              <div key={s.keys}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
          <p className="help-note">Letter keys do nothing while you type in a field.</p>
          <ShortcutSettings />
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
