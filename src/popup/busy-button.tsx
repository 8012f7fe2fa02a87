import type { ButtonHTMLAttributes } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean | undefined;
  /** What the button says while its action runs ("Saving…"). */
  busyLabel: string;
}

/**
 * A button whose action is running: it says so and ignores clicks (and Enter in its form), but stays
 * focusable. A disabled button would drop keyboard focus to the top of the page.
 */
export function BusyButton({ busy, busyLabel, children, onClick, ...rest }: Props) {
  return (
    <button
      {...rest}
      aria-disabled={busy || undefined}
      onClick={(e) => {
        if (busy) return e.preventDefault();
        onClick?.(e);
      }}
    >
      {busy ? busyLabel : children}
    </button>
  );
}
