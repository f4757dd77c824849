import { useRef, type HTMLAttributes, type ReactNode } from 'react';
import { useEscapeClose } from '../lib/escape';

/**
 * A dialog's frame that Escape closes, giving the focus back to what opened it; its children get
 * the same close for their cancel button.
 */
export function Dismissable({
  onClose,
  children,
  ...rest
}: Omit<HTMLAttributes<HTMLDivElement>, 'children'> & {
  onClose: () => void;
  children: (close: () => void) => ReactNode;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const close = useEscapeClose(onClose, panel);
  return (
    <div ref={panel} {...rest}>
      {children(close)}
    </div>
  );
}
