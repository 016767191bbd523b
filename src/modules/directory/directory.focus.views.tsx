import type { TLocale } from '../../platform/i18n/locale.ts';
import { Field, Select, type TFormState } from '../../platform/views/form.tsx';
import { INVESTOR_TYPES, SECTOR_CODES, STAGES } from './directory.codes.ts';
import { t as td } from './directory.messages.ts';
import { t } from './directory.profile.messages.ts';

// The investment focus part of an investor's edit form: type, sectors, stages, ticket size, regions.

const Checks = (p: {
  legend: string;
  options: readonly { name: string; label: string }[];
  values: Readonly<Record<string, string>>;
}) => (
  <fieldset class="facet">
    <legend>{p.legend}</legend>
    {p.options.map((o) => (
      <div class="checkbox">
        <input
          type="checkbox"
          id={`f-${o.name}`}
          name={o.name}
          value="1"
          checked={p.values[o.name] === '1'}
        />
        <label for={`f-${o.name}`}>{o.label}</label>
      </div>
    ))}
  </fieldset>
);

/** The investor fields of the edit form. */
export const FocusFields = (p: { locale: TLocale; form: TFormState }) => {
  const { locale, form } = p;
  const l = (k: 'subtype' | 'ticket_min' | 'ticket_max' | 'regions') => t(locale, `directory.field.${k}`);
  const optionsOf = (codes: readonly string[], label: (c: string) => string) => [
    { value: '', label: t(locale, 'directory.edit.none') },
    ...codes.map((c) => ({ value: c, label: label(c) })),
  ];
  return (
    <fieldset>
      <legend>{t(locale, 'directory.edit.focus')}</legend>
      <Select
        locale={locale}
        form={form}
        name="subtype"
        label={l('subtype')}
        options={optionsOf(INVESTOR_TYPES, (c) => t(locale, `directory.investorType.${c as 'vc'}`))}
      />
      <Checks
        legend={t(locale, 'directory.record.focusSectors')}
        values={form.values}
        options={SECTOR_CODES.map((s) => ({
          name: `focus_sector_${s}`,
          label: td(locale, `directory.sector.${s}`),
        }))}
      />
      <Checks
        legend={t(locale, 'directory.record.focusStages')}
        values={form.values}
        options={STAGES.map((s) => ({
          name: `focus_stage_${s}`,
          label: t(locale, `directory.stage.${s}`),
        }))}
      />
      <Field
        locale={locale}
        form={form}
        name="ticket_min"
        label={l('ticket_min')}
        hint={t(locale, 'directory.edit.yuanHint')}
        required={false}
        inputmode="numeric"
        maxlength={15}
      />
      <Field
        locale={locale}
        form={form}
        name="ticket_max"
        label={l('ticket_max')}
        hint={t(locale, 'directory.edit.yuanHint')}
        required={false}
        inputmode="numeric"
        maxlength={15}
      />
      <Field
        locale={locale}
        form={form}
        name="regions"
        label={l('regions')}
        hint={t(locale, 'directory.edit.regionsHint')}
        required={false}
        maxlength={1200}
      />
    </fieldset>
  );
};
