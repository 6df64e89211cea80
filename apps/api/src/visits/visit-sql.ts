/**
 * SQL fragments the visit repositories share (nothing outside the repositories uses them). Lists are
 * one statement whatever their length.
 */

/** A date column as "YYYY-MM-DD" (never through a JS Date, which would shift it by the server's zone). */
export const dateText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
/** A wall-time column as "YYYY-MM-DDTHH:mm". */
export const localText = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')`;

/** Officials of the partnership's member cities, as a condition on `partnershipExpr` for user `userExpr`. */
export const isMemberSql = (partnershipExpr: string, userExpr: string, coordinatorOnly = false) =>
  `EXISTS (SELECT 1 FROM partnership_cities pc JOIN city_memberships m ON m.city_id = pc.city_id
            WHERE pc.partnership_id = ${partnershipExpr} AND pc.status = 'member'
              AND m.user_id = ${userExpr} AND m.status = 'approved'${coordinatorOnly ? ` AND m.role = 'coordinator'` : ''})`;

/**
 * Visits with their partnership, host city, waitlist size and the viewer's ($1; $2 = is admin)
 * coordinator flag and registration. Alias `v`; the columns of `VisitSummaryRow`.
 */
export const VISIT_SUMMARY_COLUMNS = `
  v.id, v.partnership_id, p.title AS partnership_title, v.host_city_id, hc.slug AS host_slug, hc.name AS host_name,
  v.title, v.themes, v.status, v.time_zone, ${dateText('v.start_date')} AS start_date, ${dateText('v.end_date')} AS end_date,
  v.capacity, v.places_taken, v.registration_deadline,
  (SELECT count(*)::int FROM visit_registrations w WHERE w.visit_id = v.id AND w.status = 'waitlisted') AS waitlist_count,
  ($2::boolean OR ${isMemberSql('v.partnership_id', '$1', true)}) AS coordinator,
  mr.status AS my_status,
  CASE WHEN mr.status = 'waitlisted' THEN
    (SELECT count(*)::int FROM visit_registrations w
      WHERE w.visit_id = v.id AND w.status = 'waitlisted' AND (w.queued_at, w.id) <= (mr.queued_at, mr.id))
  END AS my_position`;

export const VISIT_SUMMARY_FROM = `
  visits v
  JOIN partnerships p ON p.id = v.partnership_id
  JOIN cities hc ON hc.id = v.host_city_id
  LEFT JOIN visit_registrations mr ON mr.visit_id = v.id AND mr.user_id = $1 AND mr.status <> 'cancelled'`;
