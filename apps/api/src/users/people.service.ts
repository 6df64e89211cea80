import { Injectable } from '@nestjs/common';
import { normalizeRoles, personRole, type PersonCardDto } from '@twinning/contracts';
import { AppError } from '../common/app-error';
import { hasRole, type AuthUser } from '../common/auth-user';
import { PeopleRepository } from './people.repository';

@Injectable()
export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  /**
   * The person card: cities, role, languages and time zone. Signed-in users who share a space with
   * the person see it, and admins; anyone else gets 404, as for a person who does not exist. One query.
   */
  async card(viewer: AuthUser, personId: string): Promise<PersonCardDto> {
    const row = await this.people.card(viewer.id, personId);
    if (!row || !(row.shares_space || hasRole(viewer, 'admin'))) throw AppError.notFound('Person');
    return {
      id: row.id,
      displayName: row.display_name,
      handle: row.handle,
      role: personRole(
        row.roles,
        row.cities.map((c) => c.role),
      ),
      platformRoles: normalizeRoles(row.roles),
      cities: row.cities,
      languages: row.work_languages,
      timeZone: row.time_zone,
    };
  }
}
