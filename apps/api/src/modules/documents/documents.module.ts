import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { CasesModule } from '../cases/cases.module';
import { GeographyModule } from '../geography/geography.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseDocument } from './document.entity';
import { DocumentCounter } from './document-counter.entity';
import { IsolationDecisionsController, PostersController, PublicDocumentsController, RecoveryConfirmationsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseDocument, DocumentCounter]), forwardRef(() => CasesModule), AccountsModule, GeographyModule, NotificationsModule],
  controllers: [IsolationDecisionsController, RecoveryConfirmationsController, PublicDocumentsController, PostersController],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
