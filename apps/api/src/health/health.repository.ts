import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One round trip to the database. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
