import {
  PARTNERSHIP_GOALS_MAX_LENGTH,
  PARTNERSHIP_MESSAGE_MAX_LENGTH,
  PARTNERSHIP_TITLE_MAX_LENGTH,
  type CitySummaryDto,
  type FieldErrors,
  type MyCityMembership,
  type PartnershipDetailDto,
  type ProposePartnershipRequest,
  type Theme,
} from '@twinning/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { FormError } from '../../../components/form-error';
import { useFocusFirstInvalid } from '../../../components/use-focus-first-invalid';
import { localizedFieldErrors } from '../../../lib/api-errors';
import { useI18n } from '../../../lib/i18n';
import { useProposePartnership } from '../api/propose-partnership';
import { useCityById } from '../api/search-cities';
import { CityPicker } from './city-picker';
import { ThemeCheckboxes } from '../../../components/theme-checkboxes';
import '../partnerships.css';

const PROPOSAL_FIELDS: readonly (keyof ProposePartnershipRequest)[] = [
  'fromCityId',
  'toCityId',
  'title',
  'themes',
  'goals',
  'message',
];

export interface ProposePartnershipFormProps {
  /** The viewer's cities: they propose on behalf of one of them. */
  myCities: readonly MyCityMembership[];
  /** Preselected from the address (`?from=&to=`). */
  initialFromCityId?: string;
  initialToCityId?: string;
  onProposed: (partnership: PartnershipDetailDto) => void;
}

/** Proposes a partnership between one of the viewer's cities and another city of the directory. */
export function ProposePartnershipForm({
  myCities,
  initialFromCityId,
  initialToCityId,
  onProposed,
}: ProposePartnershipFormProps) {
  const { t, language } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);
  const propose = useProposePartnership();
  const [fromCityId, setFromCityId] = useState(
    () => myCities.find((city) => city.cityId === initialFromCityId)?.cityId ?? myCities[0]?.cityId ?? '',
  );
  /** The city chosen in the picker; until then, the one named in the address. */
  const [chosenToCity, setChosenToCity] = useState<CitySummaryDto | null>(null);
  const preselected = useCityById(initialToCityId);
  const [title, setTitle] = useState('');
  const [themes, setThemes] = useState<Theme[]>([]);
  const [goals, setGoals] = useState('');
  const [message, setMessage] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  if (myCities.length === 0) {
    return (
      <div className="empty">
        <p>{t('proposal.noCity')}</p>
        <p>
          <Link to="/cities">{t('proposal.findYourCity')}</Link>
        </p>
      </div>
    );
  }

  // A city cannot partner with itself: choosing it as the proposer clears it as the invited city.
  const candidate = chosenToCity ?? preselected.data ?? null;
  const toCity = candidate && candidate.id !== fromCityId ? candidate : null;
  const fromCity = myCities.find((city) => city.cityId === fromCityId);

  const serverErrors = localizedFieldErrors(propose.error, t, language);
  const errorsFor = (field: keyof ProposePartnershipRequest) => clientErrors[field] ?? serverErrors[field];
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string[]> = {};
    if (!fromCityId) errors['fromCityId'] = [t('validation.required')];
    if (!toCity) errors['toCityId'] = [t('proposal.chooseCity')];
    if (themes.length === 0) errors['themes'] = [t('proposal.chooseTheme')];
    if (!goals.trim()) errors['goals'] = [t('validation.required')];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !toCity) {
      focusFirstInvalid();
      return;
    }
    const body: ProposePartnershipRequest = {
      fromCityId,
      toCityId: toCity.id,
      themes,
      goals: goals.trim(),
    };
    if (title.trim()) body.title = title.trim();
    if (message.trim()) body.message = message.trim();
    propose.mutate(body, { onSuccess: onProposed, onError: focusFirstInvalid });
  }

  const defaultTitle = fromCity && toCity ? `${fromCity.cityName} – ${toCity.name}` : null;

  return (
    <form ref={formRef} className="form" noValidate onSubmit={handleSubmit}>
      {hasClientErrors ? (
        <div role="alert" className="alert alert--error">
          {t('validation.fixErrors')}
        </div>
      ) : (
        <FormError error={propose.error} shownFields={PROPOSAL_FIELDS} />
      )}
      <SelectField
        name="fromCityId"
        required
        label={t('proposal.fromCity')}
        hint={t('proposal.fromCityHint')}
        value={fromCityId}
        onChange={(event) => setFromCityId(event.target.value)}
        errors={errorsFor('fromCityId')}
      >
        {myCities.map((city) => (
          <option key={city.cityId} value={city.cityId}>
            {city.cityName}
          </option>
        ))}
      </SelectField>
      <CityPicker
        legend={t('proposal.toCity')}
        hint={t('proposal.toCityHint')}
        name="toCityId"
        value={toCity}
        onChange={setChosenToCity}
        excludeIds={[fromCityId]}
        errors={errorsFor('toCityId')}
      />
      <TextField
        name="title"
        maxLength={PARTNERSHIP_TITLE_MAX_LENGTH}
        label={t('proposal.title')}
        hint={defaultTitle ? t('proposal.titleHintWith', { title: defaultTitle }) : t('proposal.titleHint')}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        errors={errorsFor('title')}
      />
      <ThemeCheckboxes
        legend={t('proposal.themes')}
        hint={t('proposal.themesHint')}
        value={themes}
        onChange={setThemes}
        errors={errorsFor('themes')}
      />
      <TextAreaField
        name="goals"
        required
        rows={6}
        maxLength={PARTNERSHIP_GOALS_MAX_LENGTH}
        label={t('proposal.goals')}
        hint={t('proposal.goalsHint')}
        value={goals}
        onChange={(event) => setGoals(event.target.value)}
        errors={errorsFor('goals')}
      />
      <TextAreaField
        name="message"
        rows={4}
        maxLength={PARTNERSHIP_MESSAGE_MAX_LENGTH}
        label={t('proposal.message')}
        hint={toCity ? t('proposal.messageHintWith', { city: toCity.name }) : t('proposal.messageHint')}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        errors={errorsFor('message')}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={propose.isPending}>
          {propose.isPending ? t('proposal.sending') : t('proposal.submit')}
        </button>
      </div>
    </form>
  );
}
