import type { CourseCertificateRefDto, CourseEnrolmentDto } from '@twinning/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../components/form-error';
import { useI18n } from '../../../lib/i18n';
import { useMoveToPublishedVersion } from '../api/move-course-version';
// the banner's styles, for the player too (which does not load the catalogue's chunk)
import '../catalogue.css';

/** The course is complete: the certificate's verification page and the learner's certificates. */
export function LearnCertificateBanner({ certificate }: { certificate: CourseCertificateRefDto }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className="course-banner course-banner--done" aria-labelledby={headingId}>
      <h2 id={headingId} className="course-banner__title">
        {t('courses.certificate.heading')}
      </h2>
      <p>{certificate.revoked ? t('courses.certificate.revoked') : t('courses.certificate.body')}</p>
      <p className="course-actions">
        <Link to={`/verify/${encodeURIComponent(certificate.verificationCode)}`} className="button button--link">
          {t('courses.certificate.verify')}
        </Link>
        <Link to="/profile#certificates">{t('courses.certificate.mine')}</Link>
      </p>
    </section>
  );
}

/** A newer version of the course is published: the learner may move to it (their progress starts afresh). */
export function LearnNewerVersion({ courseId, enrolment }: { courseId: string; enrolment: CourseEnrolmentDto }) {
  const { t } = useI18n();
  const move = useMoveToPublishedVersion(courseId);
  if (!enrolment.newerVersionId) return null;
  return (
    <div className="notice stack course-newer">
      <p>{t('courses.newer.body', { number: enrolment.versionNumber })}</p>
      <FormError error={move.error} />
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={move.isPending}
          onClick={() => move.mutate()}
        >
          {move.isPending ? t('courses.newer.moving') : t('courses.newer.move')}
        </button>
      </p>
    </div>
  );
}
