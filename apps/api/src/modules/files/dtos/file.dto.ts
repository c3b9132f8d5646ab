import { ApiProperty } from '@nestjs/swagger';
import { STORED_CONTENT_TYPES } from '../file-types';

export class UploadedFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: STORED_CONTENT_TYPES, description: 'Sniffed from the bytes' }) contentType: string;
  @ApiProperty({ description: 'Bytes stored (after metadata was stripped)' }) size: number;
}
