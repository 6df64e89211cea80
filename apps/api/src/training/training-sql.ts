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

/**
 * Who sees a request. Admins, requesters and named officials always; while open, facilitators,
 * coordinators of expert cities and the people of its offers too; once matched (or later), the
 * accepted offer's trainers.
 */
export const visibleRequestSql = (r: string, user: string, admin: string, facilitator: string) => `
  (${admin}::boolean
   OR ${isRequesterSql(r, user)}
   OR ${isNamedOfficialSql(r, user)}
   OR (${r}.status = 'open'
       AND (${facilitator}::boolean OR ${coordinatesExpertCitySql(user)}
            OR EXISTS (SELECT 1 FROM training_offers vo WHERE vo.request_id = ${r}.id
                         AND ${isOfferPartySql('vo.id', user)})))
   OR (${r}.accepted_offer_id IS NOT NULL AND ${isOfferPartySql(`${r}.accepted_offer_id`, user)}))`;

/** Offers of a request the viewer may see: all for requesters and admins, their own for a trainer. */
export const visibleOfferSql = (o: string, allOffers: string, user: string) => `
  (${allOffers}::boolean OR ${isOfferPartySql(`${o}.id`, user)})`;
