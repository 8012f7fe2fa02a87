import { USAGES, USER_CLASSES } from '../../core/terms/vocabulary';
import { CheckboxGroup } from './checkbox-group';
import { USE_LABELS, USER_LABELS } from './labels';
import type { SectionProps } from './section-props';

/** What may be done with the posts, and by whom. */
export function UseFields({ form, update, issue, disabled }: SectionProps) {
  return (
    <>
      <CheckboxGroup
        legend="Allowed uses"
        options={USAGES}
        labels={USE_LABELS}
        checked={form.uses}
        onChange={(uses) => update({ uses })}
        hint="Anything not ticked is not allowed."
        error={issue('permits')}
        disabled={disabled}
      />
      <CheckboxGroup
        legend="Who may use them"
        options={USER_CLASSES}
        labels={USER_LABELS}
        checked={form.users}
        onChange={(users) => update({ users })}
        hint="None ticked: anyone."
        error={issue('users')}
        disabled={disabled}
      />
    </>
  );
}
