/**
 * SQL fragments shared by the training repositories: who requests a training, and who may see it.
 * `r` is the training_requests alias; `$user`, `$admin` and `$facilitator` are parameter names.
 */

/** The cities on whose behalf a request was made: its city, or the partnership's member cities. */
export const requestingCityIdsSql = (r: string) => `
  (SELECT coalesce(array_agg(x.city_id), '{}') FROM (
     SELECT ${r}.city_id WHERE ${r}.city_id IS NOT NULL
     UNION
     SELECT pc.city_id FROM partnership_cities pc
      WHERE pc.partnership_id = ${r}.partnership_id AND pc.status = 'member') x)`;

/** The user coordinates (approved) the requesting city, or a member city of the requesting partnership. */
export const isRequesterSql = (r: string, user: string) => `
  EXISTS (SELECT 1 FROM city_memberships m
           WHERE m.user_id = ${user} AND m.status = 'approved' AND m.role = 'coordinator'
             AND (m.city_id = ${r}.city_id
                  OR m.city_id IN (SELECT pc.city_id FROM partnership_cities pc
                                    WHERE pc.partnership_id = ${r}.partnership_id AND pc.status = 'member')))`;

/** The user is one of the officials named in the request. */
export const isNamedOfficialSql = (r: string, user: string) => `
  EXISTS (SELECT 1 FROM training_request_officials tro WHERE tro.request_id = ${r}.id AND tro.user_id = ${user})`;

/** The user coordinates a city that declares training expertise. */
export const coordinatesExpertCitySql = (user: string) => `
  EXISTS (SELECT 1 FROM city_memberships m JOIN cities ec ON ec.id = m.city_id
           WHERE m.user_id = ${user} AND m.status = 'approved' AND m.role = 'coordinator'
             AND cardinality(ec.training_skills) > 0)`;

/** The user made, or trains in, the given offer. */
export const isOfferPartySql = (offerId: string, user: string) => `
  (EXISTS (SELECT 1 FROM training_offers po WHERE po.id = ${offerId} AND po.created_by = ${user})
   OR EXISTS (SELECT 1 FROM training_offer_trainers pt WHERE pt.offer_id = ${offerId} AND pt.user_id = ${user}))`;

/** The user made, or trains in, the request's accepted offer. */
export const isTrainerSql = (r: string, user: string) => `
  (${r}.accepted_offer_id IS NOT NULL AND ${isOfferPartySql(`${r}.accepted_offer_id`, user)})`;

/** The user registered (and was not removed) for one of the workshops created for the request's sessions. */
export const isSessionAttendeeSql = (r: string, user: string) => `
  EXISTS (SELECT 1 FROM training_sessions sa JOIN workshop_attendees wa ON wa.workshop_id = sa.workshop_id
           WHERE sa.request_id = ${r}.id AND wa.user_id = ${user} AND wa.registered AND wa.removed_at IS NULL)`;

/**
 * Takes part in the training (and so evaluates it): a named official not marked absent (in person),
 * or a registered attendee of one of its workshops (live online); never one of its trainers. Named
 * officials of a self-paced training are its enrolled learners.
 */
export const isParticipantSql = (r: string, user: string) => `
  ((EXISTS (SELECT 1 FROM training_request_officials po WHERE po.request_id = ${r}.id AND po.user_id = ${user})
    AND NOT EXISTS (SELECT 1 FROM training_attendance pa
                     WHERE pa.request_id = ${r}.id AND pa.user_id = ${user} AND NOT pa.present))
   OR ${isSessionAttendeeSql(r, user)})
  AND NOT ${isTrainerSql(r, user)}`;

/**
 * Who sees a request. Admins, requesters and named officials always; while open, facilitators,
 * coordinators of expert cities and the people of its offers too; once matched (or later), the
 * accepted offer's trainers; once scheduled, the registered attendees of its workshops.
 */
export const visibleRequestSql = (r: string, user: string, admin: string, facilitator: string) => `
  (${admin}::boolean
   OR ${isRequesterSql(r, user)}
   OR ${isNamedOfficialSql(r, user)}
   OR (${r}.status = 'open'
       AND (${facilitator}::boolean OR ${coordinatesExpertCitySql(user)}
            OR EXISTS (SELECT 1 FROM training_offers vo WHERE vo.request_id = ${r}.id
                         AND ${isOfferPartySql('vo.id', user)})))
   OR (${r}.accepted_offer_id IS NOT NULL AND ${isOfferPartySql(`${r}.accepted_offer_id`, user)})
   OR (${r}.status IN ('scheduled', 'delivered', 'evaluated') AND ${isSessionAttendeeSql(r, user)}))`;

/** Offers of a request the viewer may see: all for requesters and admins, their own for a trainer. */
export const visibleOfferSql = (o: string, allOffers: string, user: string) => `
  (${allOffers}::boolean OR ${isOfferPartySql(`${o}.id`, user)})`;
