import { useCallback, useEffect, useState, type RefObject } from 'react';

const focused = () => {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
};

/**
 * A drawer or dialog that Escape closes, and that gives the focus back to what opened it: the
 * element focused when it opened, or when it opened for something else (`opened`, e.g. another
 * row). Escape in a field outside it stays the field's (the grid takes back what was typed).
 * Returns the close to use for its own close or cancel button too.
 */
export function useEscapeClose(
  onClose: () => void,
  panel: RefObject<HTMLElement | null>,
  opened: unknown = null,
) {
  // Read while rendering: by the time effects run, the panel may have taken the focus.
  const [seen, setSeen] = useState(() => ({ opened, opener: focused() }));
  if (seen.opened !== opened) setSeen({ opened, opener: focused() ?? seen.opener });
  const { opener } = seen;
  const close = useCallback(() => {
    onClose();
    if (opener?.isConnected) opener.focus();
  }, [onClose, opener]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const inside = target !== null && panel.current?.contains(target);
      if (!inside && target?.closest('input, select, textarea')) return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close, panel]);
  return close;
}
