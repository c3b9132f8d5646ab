import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'phone' }) field: string;
  @ApiProperty({ example: 'matches' }) code: string;
  @ApiProperty({ example: 'phone must be a Vietnamese mobile number (0xxxxxxxxx)' }) message: string;
}

/** The one error shape of DESIGN.md section 8. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: 'Invalid input' }) message: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
  @ApiProperty({ example: '0193a0b2-...' }) requestId: string;
}
