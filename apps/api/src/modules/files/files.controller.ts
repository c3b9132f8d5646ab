import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_ROLES, Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { UploadedFileDto } from './dtos/file.dto';
import { FilesService } from './files.service';

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('test-photos')
  @Authorize(Role.CITIZEN)
  @ApiOperation({ summary: 'Upload a photo of a test (raw JPEG or PNG bytes, at most 5 MB; metadata such as GPS is stripped)' })
  @ApiConsumes('image/jpeg', 'image/png')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: UploadedFileDto })
  uploadTestPhoto(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Ctx() ctx: RequestContext): Promise<UploadedFileDto> {
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return this.files.uploadTestPhoto(user, data, req.headers['content-type'], ctx);
  }

  @Get(':id')
  @Authorize(...ALL_ROLES)
  @ApiOperation({ summary: 'A stored file (the uploader; others as the owning module allows, e.g. staff for report photos in their jurisdiction)' })
  @ApiProduces('image/jpeg', 'image/png', 'application/pdf')
  @ApiOkResponse({ description: 'The bytes, with their sniffed content type', schema: { type: 'string', format: 'binary' } })
  async get(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { file, data } = await this.files.readFor(user, id);
    reply.header('Content-Type', file.contentType);
    reply.header('Content-Length', String(data.length));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cache-Control', 'private, max-age=3600');
    reply.header('Content-Disposition', 'inline');
    return data;
  }
}
