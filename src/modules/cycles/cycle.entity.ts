import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One year's award, e.g. "2026 中国十佳呼叫中心评选". */
@Entity('cycles')
export class Cycle {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** IANA zone in which deadlines are stated and shown (default Asia/Shanghai). */
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('timestamptz', { name: 'opens_at' }) opensAt!: Date;
  @Column('timestamptz', { name: 'submission_deadline' }) submissionDeadline!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'cycle_id' }) cycleId!: string;
  @Column('text') code!: string;
  @Column('text', { name: 'name_zh' }) nameZh!: string;
  @Column('text', { name: 'name_en' }) nameEn!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
