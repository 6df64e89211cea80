import { personRole, type CityRole, type PersonSummary, type PlatformRole } from '@twinning/contracts';

/**
 * A person as the lists show them (PersonSummary), built inside the list's own query so a page of
 * posts, messages or roster rows costs no extra query per person.
 *
 * `personJson('u', 'f.partnership_id')` is a json column for the user row aliased `u` (the users
 * table). With a partnership expression, only the member cities of that partnership the person
 * belongs to are listed; with `NULL` (or an expression that is null), all their cities.
 */
export function personJson(userAlias: string, partnershipExpr = 'NULL'): string {
  const u = userAlias;
  return `json_build_object(
    'id', ${u}.id, 'displayName', ${u}.display_name, 'handle', ${u}.handle, 'platformRoles', ${u}.roles,
    'cities', (SELECT COALESCE(json_agg(json_build_object('id', pc_c.id, 'name', pc_c.name, 'role', pc_m.role)
                                        ORDER BY pc_c.name, pc_c.id), '[]'::json)
                 FROM city_memberships pc_m JOIN cities pc_c ON pc_c.id = pc_m.city_id
                WHERE pc_m.user_id = ${u}.id AND pc_m.status = 'approved'
                  AND (${partnershipExpr}::uuid IS NULL OR EXISTS (
                        SELECT 1 FROM partnership_cities pc_p
                         WHERE pc_p.partnership_id = ${partnershipExpr}::uuid
                           AND pc_p.city_id = pc_m.city_id AND pc_p.status = 'member'))))`;
}

/** What personJson yields, as the driver parses it. */
export interface PersonJson {
  id: string;
  displayName: string;
  handle: string;
  platformRoles: PlatformRole[];
  cities: { id: string; name: string; role: CityRole }[];
}

export function toPerson(json: PersonJson): PersonSummary {
  return {
    id: json.id,
    displayName: json.displayName,
    handle: json.handle,
    cities: json.cities.map((c) => ({ id: c.id, name: c.name })),
    role: personRole(
      json.platformRoles,
      json.cities.map((c) => c.role),
    ),
  };
}
