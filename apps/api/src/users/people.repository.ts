import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CityRole, PlatformRole, WorkLanguage } from '@twinning/contracts';
import { DataSource } from 'typeorm';

export interface PersonCardRow {
  id: string;
  display_name: string;
  handle: string;
  roles: PlatformRole[];
  time_zone: string;
  work_languages: WorkLanguage[];
  cities: { id: string; name: string; slug: string; role: CityRole }[];
  /** The viewer shares a space with the person (see `card`). */
  shares_space: boolean;
}

/**
 * The person card, and whether viewer $1 shares a space with person $2: the same city, cities in
 * the same partnership, the same workshop (attending or facilitating), or a post of theirs in a
 * theme forum (open to every signed-in user). Facilitators and admins are visible to everyone.
 */
const CARD_SQL = `
  SELECT u.id, u.display_name, u.handle, u.roles, u.time_zone, u.work_languages,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'role', m.role)
                                   ORDER BY c.name, c.id)
                     FROM city_memberships m JOIN cities c ON c.id = m.city_id
                    WHERE m.user_id = u.id AND m.status = 'approved'), '[]'::json) AS cities,
         (u.id = $1 OR u.roles && ARRAY['admin', 'facilitator']::text[]
          OR EXISTS (SELECT 1 FROM city_memberships a
                       JOIN city_memberships b ON b.city_id = a.city_id AND b.user_id = u.id AND b.status = 'approved'
                      WHERE a.user_id = $1 AND a.status = 'approved')
          OR EXISTS (SELECT 1 FROM city_memberships a
                       JOIN partnership_cities pa ON pa.city_id = a.city_id AND pa.status = 'member'
                       JOIN partnership_cities pb ON pb.partnership_id = pa.partnership_id AND pb.status = 'member'
                       JOIN city_memberships b ON b.city_id = pb.city_id AND b.user_id = u.id AND b.status = 'approved'
                      WHERE a.user_id = $1 AND a.status = 'approved')
          OR EXISTS (SELECT 1 FROM (SELECT workshop_id FROM workshop_attendees WHERE user_id = $1
                                    UNION SELECT workshop_id FROM workshop_facilitators WHERE user_id = $1) mine
                      WHERE EXISTS (SELECT 1 FROM workshop_attendees t WHERE t.workshop_id = mine.workshop_id AND t.user_id = u.id)
                         OR EXISTS (SELECT 1 FROM workshop_facilitators t WHERE t.workshop_id = mine.workshop_id AND t.user_id = u.id))
          OR EXISTS (SELECT 1 FROM posts p JOIN threads t ON t.id = p.thread_id
                       JOIN forums f ON f.id = t.forum_id AND f.kind IN ('theme', 'course')
                      WHERE p.author_id = u.id AND p.deleted_at IS NULL AND p.hidden_at IS NULL)) AS shares_space
    FROM users u
   WHERE u.id = $2`;

/** People as others see them: the person card (never an email address). */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async card(viewerId: string, personId: string): Promise<PersonCardRow | undefined> {
    const [row]: PersonCardRow[] = await this.dataSource.query(CARD_SQL, [viewerId, personId]);
    return row;
  }
}
