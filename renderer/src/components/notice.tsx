// Every message block in the window: a tone, an icon, a title, and what follows. A notice with a heading is a
// labelled section (a landmark a screen reader can jump to); one without is a plain block whose role the caller
// chooses (an alert for the result of an action, a status for news).
import { useId, type HTMLAttributes, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import './notice.css';

export type NoticeTone = 'danger' | 'warning' | 'info' | 'success';

export interface NoticeProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  tone: NoticeTone;
  icon: ReactNode;
  title: ReactNode;
  /** Makes the notice a section labelled by an h2 or h3; without it the title is a paragraph. */
  heading?: 'h2' | 'h3';
  titleId?: string;
  /** A full-width notice about the whole window or pane rather than one action. */
  banner?: boolean;
  /** Beside the body, centred: a single control. */
  side?: ReactNode;
  onDismiss?: () => void;
  /** Shown under the title. */
  children?: ReactNode;
}

export function Notice({
  tone,
  icon,
  title,
  heading,
  titleId,
  banner,
  side,
  onDismiss,
  children,
  className,
  ...rest
}: NoticeProps) {
  const ownId = useId();
  const labelId = titleId ?? `${ownId}-title`;
  const classes = ['notice', `notice-${tone}`, banner ? 'notice-banner' : '', className ?? ''].filter(Boolean);
  const Title = heading ?? 'p';
  const content = (
    <>
      <span className="notice-icon">{icon}</span>
      <div className="notice-body">
        <Title className="notice-title" id={labelId}>
          {title}
        </Title>
        {children}
      </div>
      {side ? <div className="notice-side">{side}</div> : null}
      {onDismiss ? (
        <button type="button" className="icon-button notice-dismiss" aria-label="Dismiss" onClick={onDismiss}>
          <CloseIcon />
        </button>
      ) : null}
    </>
  );
  return heading ? (
    <section className={classes.join(' ')} aria-labelledby={labelId} {...rest}>
      {content}
    </section>
  ) : (
    <div className={classes.join(' ')} {...rest}>
      {content}
    </div>
  );
}
