import type { ReactNode } from 'react';
import { paramsPointer, type FormPath } from '../form/form-path.ts';

interface FieldGroupProps {
  path: FormPath;
  label: string;
  required?: boolean;
  /** Without a frame and title (a list item shows them); still a named group for assistive technology. */
  bare?: boolean | undefined;
  /** Beside the frame's own class, for a group laid out its own way (a duration's inputs side by side). */
  className?: string;
  children: ReactNode;
}

/** A fieldset with a legend around related controls, or a named group when the frame is drawn elsewhere. */
export function FieldGroup({ path, label, required, bare, className, children }: FieldGroupProps) {
  if (bare) {
    return (
      <div className="inspector-bare-group" role="group" aria-label={label} data-path={paramsPointer(path)}>
        {children}
      </div>
    );
  }
  return (
    <fieldset
      className={className === undefined ? 'inspector-group' : `inspector-group ${className}`}
      data-path={paramsPointer(path)}
    >
      <legend className="inspector-legend">
        {label}
        {required && (
          <span className="inspector-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {children}
    </fieldset>
  );
}
