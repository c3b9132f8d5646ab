import { Global, Module } from '@nestjs/common';
import { PdfService } from './pdf.service';

/** The one PDF renderer (official documents, posters), available to every module. */
@Global()
@Module({ providers: [PdfService], exports: [PdfService] })
export class PdfModule {}
