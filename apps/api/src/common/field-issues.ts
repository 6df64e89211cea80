import {
  API_ERROR_TEXT,
  isFieldRule,
  type FieldErrors,
  type FieldRule,
  type FieldRuleParams,
  type UiLanguage,
} from '@twinning/contracts';
import { getMetadataStorage, ValidationTypes, type ValidationError } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** One problem with one field, in words of no language yet: a rule and what fills its sentence. */
export interface FieldIssue {
  rule: FieldRule;
  params: FieldRuleParams;
  /**
   * The English words the DTO chose for this constraint (its `message`), or the validator's own for the rules
   * that word the case at hand: English keeps them, the other languages say the rule's text.
   */
  original?: string;
}

/**
 * Rules whose validator words its English message for the case at hand (which part of a meeting link is
 * wrong, why a partnership id is refused). A constraint the contracts do not know yet (`invalid`) also keeps
 * its English words.
 */
const SPECIFIC_IN_ENGLISH: ReadonlySet<FieldRule> = new Set(['meetingUrl', 'partnershipIdForScope', 'invalid']);

export type FieldIssues = Record<string, FieldIssue[]>;

/** The constraint name class-validator reports for a metadata entry (the key of `ValidationError.constraints`). */
export function constraintName(metadata: ValidationMetadata): string {
  if (metadata.type !== ValidationTypes.CUSTOM_VALIDATION) return metadata.type;
  return getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)[0]?.name ?? metadata.type;
}

/** The rule a metadata entry's failure is worded with: the DTO's `context.text` when it names one. */
export function ruleOf(metadata: ValidationMetadata): string {
  const text = (metadata.context as { text?: unknown } | undefined)?.text;
  return isFieldRule(text) ? text : constraintName(metadata);
}

function paramsOf(field: string, metadata: ValidationMetadata | undefined): FieldRuleParams {
  if (!metadata) return { field };
  const c = (metadata.constraints ?? []) as unknown[];
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const params: FieldRuleParams = { field, ...(metadata.each ? { each: true } : {}) };
  switch (constraintName(metadata)) {
    case 'isLength':
      return { ...params, min: num(c[0]), max: num(c[1]) };
    case 'minLength':
    case 'min':
    case 'arrayMinSize':
      return { ...params, min: num(c[0]) };
    case 'maxLength':
    case 'max':
    case 'arrayMaxSize':
      return { ...params, max: num(c[0]) };
    case 'isIn':
      return { ...params, values: Array.isArray(c[0]) ? c[0].map(String) : [] };
    default:
      return params;
  }
}

function metadataFor(target: object | undefined, property: string, constraint: string): ValidationMetadata | undefined {
  if (!target || typeof target !== 'object' || Array.isArray(target)) return undefined;
  const ctor = (target as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(ctor, '', true, false)
    .find((m) => m.propertyName === property && constraintName(m) === constraint);
}

function collect(errors: ValidationError[], prefix: string, out: FieldIssues): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const constraints = error.constraints;
      const issues = Object.keys(constraints).map((constraint): FieldIssue => {
        if (constraint === 'whitelistValidation') return { rule: 'whitelistValidation', params: { field } };
        const metadata = metadataFor(error.target, error.property, constraint);
        const rule = metadata ? ruleOf(metadata) : constraint;
        const known: FieldRule = isFieldRule(rule) ? rule : 'invalid';
        const worded = metadata?.message !== undefined || SPECIFIC_IN_ENGLISH.has(known);
        return {
          rule: known,
          params: paramsOf(field, metadata),
          ...(worded && constraints[constraint] ? { original: constraints[constraint] } : {}),
        };
      });
      out[field] = [...(out[field] ?? []), ...issues];
    }
    if (error.children?.length) collect(error.children, field, out);
  }
}

/** class-validator's errors → the issues of each field (nested fields as `parent.child`, `list.0.child`). */
export function validationErrorsToIssues(errors: ValidationError[]): FieldIssues {
  const issues: FieldIssues = {};
  collect(errors, '', issues);
  return issues;
}

/** Words the issues in a language; two rules with the same sentence are said once. */
export function renderFieldIssues(issues: FieldIssues, lang: UiLanguage): FieldErrors {
  const texts = API_ERROR_TEXT[lang].fields;
  return Object.fromEntries(
    Object.entries(issues).map(([field, list]) => [
      field,
      [...new Set(list.map((i) => (lang === 'en' && i.original ? i.original : texts[i.rule](i.params))))],
    ]),
  );
}

/** Field messages written as free English text (by a service): in another language each field is said refused. */
export function localizeFreeFieldErrors(fields: FieldErrors, lang: UiLanguage): FieldErrors {
  if (lang === 'en') return fields;
  const invalid = API_ERROR_TEXT[lang].fields.invalid;
  return Object.fromEntries(Object.keys(fields).map((field) => [field, [invalid({ field })]]));
}
