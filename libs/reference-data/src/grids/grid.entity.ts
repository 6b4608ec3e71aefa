import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('grids')
export class GridEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ name: 'street_code', type: 'varchar', nullable: true }) streetCode: string | null;
  @Column({ type: 'jsonb', nullable: true }) boundary: GeoJsonPolygon | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}
