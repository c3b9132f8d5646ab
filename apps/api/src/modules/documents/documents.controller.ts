import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendPdf } from '../../common/pdf/send-pdf';
import { DocumentKind, Role } from '@cordon/contracts';
import type { AuthUser, RequestContext } from '../../common/auth/auth-user';
import { Authorize, Public } from '../../common/auth/authorize.decorator';
import { Ctx, CurrentUser } from '../../common/auth/request-context.decorator';
import { CASE_OFFICIALS, CASE_WORKERS } from '../cases/roles';
import { DocumentsService } from './documents.service';
import {
  CaseDocumentBatchDto,
  CaseDocumentDto,
  CaseDocumentListDto,
  DocumentQueryDto,
  DraftConfirmationsDto,
  DraftDecisionsDto,
  PublicDocumentDto,
  RevokeDocumentDto,
  SignDocumentsDto,
  UpdateDraftDto,
} from './dtos/document.dto';


/**
 * The two document resources share one life cycle (draft -> issued -> revoked), so one controller class is
 * made per kind; only drafting differs (from reports, or from eligible cases).
 */
function documentsController(path: string, kind: DocumentKind, name: string, label: string): Type<unknown> {
  @ApiTags(label)
  @Controller(path)
  class DocumentsController {
    constructor(readonly documents: DocumentsService) {}

    @Get()
    @Authorize(Role.CITIZEN, ...CASE_OFFICIALS)
    @ApiOperation({ summary: `${label}: citizens see their own issued ones; officials their jurisdiction's` })
    @ApiOkResponse({ type: CaseDocumentListDto })
    list(@CurrentUser() user: AuthUser, @Query() query: DocumentQueryDto): Promise<CaseDocumentListDto> {
      return this.documents.list(user, kind, query);
    }

    @Post('sign')
    @HttpCode(200)
    @Authorize(Role.COMMUNE_LEADER)
    @ApiOperation({ summary: 'Sign and issue drafts (up to 200): numbers allocated, PDFs rendered once and frozen' })
    @ApiOkResponse({ type: CaseDocumentBatchDto })
    async sign(@CurrentUser() user: AuthUser, @Body() dto: SignDocumentsDto, @Ctx() ctx: RequestContext): Promise<CaseDocumentBatchDto> {
      return { items: await this.documents.sign(user, kind, dto.ids, ctx) };
    }

    @Get(':id')
    @Authorize(Role.CITIZEN, ...CASE_OFFICIALS)
    @ApiOperation({ summary: 'One document' })
    @ApiOkResponse({ type: CaseDocumentDto })
    get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseDocumentDto> {
      return this.documents.get(user, kind, id);
    }

    @Patch(':id')
    @Authorize(...CASE_WORKERS)
    @ApiOperation({ summary: 'Edit a draft (place, dates)' })
    @ApiOkResponse({ type: CaseDocumentDto })
    update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateDraftDto, @Ctx() ctx: RequestContext): Promise<CaseDocumentDto> {
      return this.documents.updateDraft(user, kind, id, dto, ctx);
    }

    @Delete(':id')
    @HttpCode(204)
    @Authorize(...CASE_WORKERS)
    @ApiOperation({ summary: 'Delete a draft' })
    @ApiNoContentResponse()
    remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ctx() ctx: RequestContext): Promise<void> {
      return this.documents.deleteDraft(user, kind, id, ctx);
    }

    @Post(':id/revoke')
    @HttpCode(200)
    @Authorize(Role.COMMUNE_LEADER)
    @ApiOperation({ summary: 'Revoke an issued document with a reason' })
    @ApiOkResponse({ type: CaseDocumentDto })
    revoke(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: RevokeDocumentDto, @Ctx() ctx: RequestContext): Promise<CaseDocumentDto> {
      return this.documents.revoke(user, kind, id, dto.reason, ctx);
    }

    @Get(':id/pdf')
    @Authorize(Role.CITIZEN, ...CASE_OFFICIALS)
    @ApiOperation({ summary: 'The PDF exactly as signed' })
    @ApiProduces('application/pdf')
    async pdf(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
      const { data, filename } = await this.documents.pdfOf(user, kind, id);
      sendPdf(reply, data, filename);
    }
  }
  Object.defineProperty(DocumentsController, 'name', { value: name });
  return DocumentsController;
}

const IsolationDecisionsBase = documentsController('isolation-decisions', DocumentKind.ISOLATION_DECISION, 'IsolationDecisionsController', 'isolation decisions');
const RecoveryConfirmationsBase = documentsController('recovery-confirmations', DocumentKind.RECOVERY_CONFIRMATION, 'RecoveryConfirmationsController', 'recovery confirmations');

@Controller('isolation-decisions')
export class IsolationDecisionsController extends (IsolationDecisionsBase as Type<{ documents: DocumentsService }>) {
  @Post()
  @Authorize(...CASE_WORKERS)
  @ApiOperation({ summary: 'Draft isolation decisions from accepted infection reports (1-200), prefilled' })
  @ApiCreatedResponse({ type: CaseDocumentBatchDto })
  async draft(@CurrentUser() user: AuthUser, @Body() dto: DraftDecisionsDto, @Ctx() ctx: RequestContext): Promise<CaseDocumentBatchDto> {
    return { items: await this.documents.draftDecisions(user, dto.reportIds, ctx) };
  }
}

@Controller('recovery-confirmations')
export class RecoveryConfirmationsController extends (RecoveryConfirmationsBase as Type<{ documents: DocumentsService }>) {
  @Post()
  @Authorize(...CASE_WORKERS)
  @ApiOperation({ summary: 'Draft recovery confirmations for cases eligible to end isolation (1-200)' })
  @ApiCreatedResponse({ type: CaseDocumentBatchDto })
  async draft(@CurrentUser() user: AuthUser, @Body() dto: DraftConfirmationsDto, @Ctx() ctx: RequestContext): Promise<CaseDocumentBatchDto> {
    return { items: await this.documents.draftConfirmations(user, dto.caseIds, ctx) };
  }
}

@ApiTags('public')
@Controller('public/documents')
export class PublicDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'Verify a document by the code in its QR: kind, number, issuer, dates, status, holder name masked, PDF SHA-256' })
  @ApiOkResponse({ type: PublicDocumentDto })
  verify(@Param('code') code: string): Promise<PublicDocumentDto> {
    return this.documents.verify(code);
  }
}

@ApiTags('posters')
@Controller('communes')
export class PostersController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':code/f0-poster.pdf')
  @Authorize(...CASE_OFFICIALS)
  @ApiOperation({ summary: "The commune's A4 F0 poster with a QR opening the citizen app's report form" })
  @ApiProduces('application/pdf')
  async poster(@CurrentUser() user: AuthUser, @Param('code') code: string, @Res() reply: FastifyReply): Promise<void> {
    sendPdf(reply, await this.documents.poster(user, code), `ap-phich-f0-${code}.pdf`);
  }
}
