import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ImmigrationProfile, Region, Theme, TrainingSkill } from '@twinning/contracts';

@Entity({ name: 'cities' })
export class CityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 140 })
  slug!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'varchar', length: 32 })
  region!: Region;

  @Column({ name: 'immigration_profile', type: 'varchar', length: 16 })
  immigrationProfile!: ImmigrationProfile;

  @Column({ type: 'integer' })
  population!: number;

  /** BCP 47 language tags spoken in the city. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  /** IANA time zone, e.g. Asia/Kuala_Lumpur. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes!: Theme[];

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Skills the city can train others in (TRAINING_SKILLS); its coordinators may answer training requests. */
  @Column({ name: 'training_skills', type: 'text', array: true, default: () => "'{}'" })
  trainingSkills!: TrainingSkill[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
