import type { CourseEnrolmentDto } from '@twinning/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { isStepDone, learnPath, type LearnStep } from '../learn-steps';

export interface LearnOutlineProps {
  courseId: string;
  enrolment: CourseEnrolmentDto;
  steps: LearnStep[];
  currentId: string;
  lang: string | undefined;
}

/**
 * The course's outline as a navigation: modules with their lessons and quizzes, the current one marked
 * `aria-current`, each done one said so. On narrow screens it folds behind a button.
 */
export function LearnOutline({ courseId, enrolment, steps, currentId, lang }: LearnOutlineProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // a new step folds it again (on narrow screens)
  const [shownId, setShownId] = useState(currentId);
  if (shownId !== currentId) {
    setShownId(currentId);
    setOpen(false);
  }
  return (
    <nav className="learn-outline" aria-label={t('courses.player.outline')}>
      <button
        type="button"
        className="learn-outline__toggle button button--secondary"
        aria-expanded={open}
        aria-controls="learn-outline-list"
        onClick={() => setOpen((value) => !value)}
      >
        {t('courses.player.outline')}
      </button>
      <ol id="learn-outline-list" className="learn-outline__modules" data-open={open ? 'true' : undefined}>
        {enrolment.modules.map((module, moduleIndex) => (
          <li key={moduleIndex}>
            <p className="learn-outline__module">
              <span lang={lang} dir="auto">
                {module.title}
              </span>
            </p>
            <ul className="learn-outline__steps">
              {steps
                .filter((step) => step.moduleIndex === moduleIndex)
                .map((step) => {
                  const done = isStepDone(step, enrolment);
                  const current = step.id === currentId;
                  return (
                    <li key={step.id} className={done ? 'learn-outline__step--done' : undefined}>
                      <Link to={learnPath(courseId, step.id)} aria-current={current ? 'page' : undefined}>
                        <span aria-hidden="true" className="learn-outline__mark">
                          {done ? '✓' : step.kind === 'quiz' ? '?' : '•'}
                        </span>
                        <span>
                          {step.kind === 'quiz' ? <>{t('courses.outline.quizPrefix')} </> : null}
                          <span lang={lang} dir="auto">
                            {step.title}
                          </span>
                          {done ? <span className="visually-hidden"> ({t('courses.player.doneShort')})</span> : null}
                        </span>
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ol>
    </nav>
  );
}
