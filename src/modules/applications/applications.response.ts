import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CategoryResponse } from '../cycles/cycles.response';
import { SECTION_KEYS } from '../../form/sections';
import { computedSchemaName, sectionSchemaName } from '../../form/section-schema';
import { NominationDto } from './applications.dto';

import { APPLICATION_STATES, type ApplicationState } from './application.entity';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export class LabelResponse {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class ApplicationOrganisationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() memberUnit!: boolean;
}

export class ApplicationCycleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ format: 'date-time' }) submissionDeadline!: string;
}

export class SnapshotRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ format: 'date-time' }) sealedAt!: string;
}

export class SectionCompletenessResponse {
  @ApiProperty({ enum: SECTION_KEYS }) key!: string;
  @ApiProperty({ type: LabelResponse }) title!: LabelResponse;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ description: 'Number of missing or failing paths' }) issues!: number;
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'TT-H7N7SD' }) entryCode!: string;
  @ApiProperty({ enum: APPLICATION_STATES }) state!: ApplicationState;
  @ApiProperty() version!: number;
  @ApiProperty({ example: '"1"' }) etag!: string;
  @ApiProperty({ type: NominationDto }) nomination!: NominationDto;
  @ApiProperty({ type: ApplicationOrganisationResponse }) organisation!: ApplicationOrganisationResponse;
  @ApiProperty({ type: ApplicationCycleResponse }) cycle!: ApplicationCycleResponse;
  @ApiProperty({ format: 'date-time', description: 'This entry’s deadline: the cycle’s, or a later one staff granted' }) deadline!: string;
  @ApiProperty({ format: 'date-time' }) stateChangedAt!: string;
  @ApiProperty({ type: String, nullable: true }) returnReason!: string | null;
  @ApiProperty({ type: SnapshotRefResponse, nullable: true }) snapshot!: SnapshotRefResponse | null;
  @ApiProperty({ type: CategoryResponse }) category!: CategoryResponse;
  @ApiPropertyOptional() complete?: boolean;
  @ApiPropertyOptional({
    description:
      'Required sections complete, in percent: 0 for an empty draft, 100 exactly when complete; the same for applicant and staff',
  })
  percent?: number;
  @ApiPropertyOptional({ type: [SectionCompletenessResponse] }) sections?: SectionCompletenessResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class IssueResponse {
  @ApiProperty({ enum: SECTION_KEYS }) section!: string;
  @ApiProperty({ description: 'Dotted path inside the section' }) path!: string;
  @ApiProperty({ example: 'required' }) code!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) params?: Record<string, unknown>;
}

export class CompletenessResponse {
  @ApiProperty() complete!: boolean;
  @ApiProperty({ description: 'Required sections complete, in percent (100 exactly when complete)' }) percent!: number;
  @ApiProperty({ type: [SectionCompletenessResponse] }) sections!: SectionCompletenessResponse[];
  @ApiProperty({ type: [IssueResponse] }) issues!: IssueResponse[];
}

export class UpdatedByResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** GET/PUT/PATCH of a section; `data` and `computed` are the shapes of the section `:key` names. */
export class SectionResponse {
  @ApiProperty({ enum: SECTION_KEYS }) key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: '"1"' }) etag!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: UpdatedByResponse, nullable: true }) updatedBy!: UpdatedByResponse | null;
  @ApiProperty({ anyOf: SECTION_KEYS.map((k) => ref(sectionSchemaName(k))) }) data!: Record<string, unknown>;
  @ApiProperty({ anyOf: SECTION_KEYS.map((k) => ref(computedSchemaName(k))) }) computed!: Record<string, unknown>;
}

/** A section body (PUT) or merge patch (PATCH, where null removes a key): one of the section shapes (anyOf: an empty document fits them all). */
export const SECTION_BODY_SCHEMA = { anyOf: SECTION_KEYS.map((k) => ref(sectionSchemaName(k))) };
