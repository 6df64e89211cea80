import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImmigrationProfile, Region, Theme, TrainingSkill, WorkLanguage } from '@twinning/contracts';
import { DataSource } from 'typeorm';

/**
 * A facilitator as matching sees them. People declare no skills: theirs are the skills of the
 * requests their offers were accepted for, their themes those of the workshops they facilitate.
 */
export interface FacilitatorCandidateRow {
  id: string;
  display_name: string;
  time_zone: string;
  work_languages: WorkLanguage[];
  skills: TrainingSkill[];
  themes: Theme[];
  /** Evaluation answers of the trainings they gave (accepted offers they train in), and their average overall. */
  eval_answers: number;
  eval_average: number | null;
}

/** A city that declares training expertise. */
export interface ExpertCityRow {
  id: string;
  slug: string;
  name: string;
  country_code: string;
  region: Region;
  immigration_profile: ImmigrationProfile;
  population: number;
  themes: Theme[];
  languages: string[];
  time_zone: string;
  training_skills: TrainingSkill[];
  /** Evaluation answers of the trainings given on the city's accepted offers, and their average overall. */
  eval_answers: number;
  eval_average: number | null;
}

/** The candidates matching ranks: one query for the facilitators, one for the expert cities. */
@Injectable()
export class TrainingMatchingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every facilitator (platform role), but those in `excludeIds`.
   */
  facilitators(excludeIds: string[]): Promise<FacilitatorCandidateRow[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name, u.time_zone, u.work_languages,
              ARRAY(SELECT DISTINCT s FROM training_offers o
                      JOIN training_offer_trainers t ON t.offer_id = o.id AND t.user_id = u.id
                      JOIN training_requests r ON r.accepted_offer_id = o.id, unnest(r.skills) s
                     ORDER BY s) AS skills,
              ARRAY(SELECT DISTINCT w.theme FROM workshop_facilitators f JOIN workshops w ON w.id = f.workshop_id
                     WHERE f.user_id = u.id ORDER BY w.theme) AS themes,
              ev.answers AS eval_answers, ev.average AS eval_average
         FROM users u
         CROSS JOIN LATERAL (
           SELECT count(e.*)::int AS answers, round(avg(e.overall), 2)::float AS average
             FROM training_offer_trainers et
             JOIN training_requests er ON er.accepted_offer_id = et.offer_id
             JOIN training_evaluations e ON e.request_id = er.id
            WHERE et.user_id = u.id) ev
        WHERE 'facilitator' = ANY(u.roles) AND u.id <> ALL($1::uuid[])`,
      [excludeIds],
    );
  }

  /** Cities declaring training expertise, but the requesting ones. */
  expertCities(excludeIds: string[]): Promise<ExpertCityRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.slug, c.name, c.country_code, c.region, c.immigration_profile, c.population, c.themes,
              c.languages, c.time_zone, c.training_skills,
              ev.answers AS eval_answers, ev.average AS eval_average
         FROM cities c
         CROSS JOIN LATERAL (
           SELECT count(e.*)::int AS answers, round(avg(e.overall), 2)::float AS average
             FROM training_offers eo
             JOIN training_requests er ON er.accepted_offer_id = eo.id
             JOIN training_evaluations e ON e.request_id = er.id
            WHERE eo.city_id = c.id) ev
        WHERE cardinality(c.training_skills) > 0 AND c.id <> ALL($1::uuid[])`,
      [excludeIds],
    );
  }
}
