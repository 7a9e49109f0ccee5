import type { CardElement, CardLang } from './card-kit';
import { formTexts } from './form-texts';

/**
 * Input.Text with the client's own checks (Adaptive Cards 1.5: `isRequired`, `regex`,
 * `errorMessage`) and the limit written in the placeholder before anything is typed.
 *
 * No `maxLength`: a browser silently cuts pasted text at `maxlength`, and nothing may be cut
 * without the person knowing. The length is checked by a regular expression instead, which
 * refuses the submit and shows the message; the server checks the same limit again.
 */
export interface TextFieldSpec {
  id: string;
  label: string;
  max: number;
  required?: boolean;
  /** Replaces the generic "fill in …" message (e.g. "Titlen mangler – skriv en titel"). */
  requiredMessage?: string;
  multiline?: boolean;
  placeholder?: string;
  style?: 'Url' | 'Email';
  value?: string;
}

// Anchored: the renderer tests with RegExp.test, which otherwise matches any part of the text.
const lengthAtMost = (max: number): string => `^[\\s\\S]{0,${max}}$`;
const patterns = {
  Url: { regex: (max: number) => `^(?=[\\s\\S]{0,${max}}$)(https?://\\S+)?$`, message: 'url' },
  Email: { regex: (max: number) => `^(?=[\\s\\S]{0,${max}}$)([^\\s@]+@[^\\s@]+\\.[^\\s@]+)?$`, message: 'email' },
} as const;

export function textField(lang: CardLang, spec: TextFieldSpec): CardElement {
  const t = formTexts[lang];
  const limit = t.limit(spec.max);
  const placeholder = spec.placeholder === undefined ? capitalise(limit) : `${spec.placeholder} (${limit})`;
  const pattern = spec.style === undefined ? undefined : patterns[spec.style];
  // One message for every way the client can refuse the field, so it never contradicts itself.
  const errorMessage =
    spec.required === true
      ? `${spec.requiredMessage ?? t.required(spec.label)} ${capitalise(limit)}.`
      : pattern === undefined
        ? t.tooLongHint(spec.max)
        : `${t[pattern.message]}. ${capitalise(limit)}.`;
  return {
    type: 'Input.Text',
    id: spec.id,
    label: spec.label,
    placeholder,
    regex: pattern === undefined ? lengthAtMost(spec.max) : pattern.regex(spec.max),
    errorMessage,
    ...(spec.required === true ? { isRequired: true } : {}),
    ...(spec.multiline === true ? { isMultiline: true } : {}),
    ...(spec.style === undefined ? {} : { style: spec.style }),
    ...(spec.value === undefined ? {} : { value: spec.value }),
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
