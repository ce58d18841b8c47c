import { Equals, IsOptional } from 'class-validator';

/** A command without data: any member is an unknown field (400); class-validator needs one declared member. */
export class EmptyBodyDto {
  @IsOptional() @Equals(undefined) readonly _?: undefined;
}
