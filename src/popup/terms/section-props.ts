import type { TermsFormValues } from './form-values';

/** What each part of the terms form gets: the values, a way to change some, and the issue for a field path. */
export interface SectionProps {
  form: TermsFormValues;
  update(patch: Partial<TermsFormValues>): void;
  issue(field: string): string | undefined;
  disabled?: boolean;
}
