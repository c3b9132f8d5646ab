import { DocumentKind, TestType } from '@cordon/contracts';
import type { OfficialDocumentSpec } from '../../common/pdf/pdf.service';
import { vietnameseShortDate } from '../../common/time';
import type { AdminUnitDetailDto } from '../geography/dtos/admin-unit.dto';
import type { CaseDocument } from './document.entity';

const TEST_NAMES: Record<TestType, string> = {
  RAPID_SELF: 'test nhanh kháng nguyên (tự làm)',
  RAPID_FACILITY: 'test nhanh kháng nguyên tại cơ sở y tế',
  PCR: 'RT-PCR',
};

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/** The signer block: a vice-chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" on behalf of the committee. */
function signerLines(title: string | null): string[] {
  const deputy = !!title && /phó/i.test(title);
  return deputy ? ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
}

/**
 * The text of an isolation decision or recovery confirmation in the administrative layout of
 * Decree 30/2020/ND-CP (issuing body, number, place and date, legal basis, articles, signer).
 */
export function documentSpec(
  doc: Pick<CaseDocument, 'kind' | 'holderName' | 'holderIdNumber' | 'holderDateOfBirth' | 'place' | 'startDate' | 'endDate' | 'legalBasis' | 'negativeTestType' | 'negativeTestDate'> & { numberText: string },
  commune: AdminUnitDetailDto,
  signer: { fullName: string; title: string | null; signedAt: Date },
  verifyUrl: string,
): OfficialDocumentSpec {
  const district = commune.ancestors.find((a) => a.level === 'DISTRICT');
  const parent = district ?? commune.ancestors[0];
  const communeUpper = upper(commune.nameWithType);
  const person = `Ông/Bà ${doc.holderName}, sinh ngày ${vietnameseShortDate(doc.holderDateOfBirth)}, số định danh cá nhân/hộ chiếu: ${doc.holderIdNumber}`;
  const base = {
    issuerParent: parent ? `UBND ${upper(parent.nameWithType)}` : '',
    issuer: `ỦY BAN NHÂN DÂN ${communeUpper}`,
    numberText: doc.numberText,
    placeName: commune.name,
    date: signer.signedAt,
    signer: { titleLines: signerLines(signer.title), name: signer.fullName },
    qr: { url: verifyUrl, caption: 'Quét mã để kiểm tra văn bản' },
  };
  if (doc.kind === DocumentKind.ISOLATION_DECISION) {
    return {
      ...base,
      title: 'QUYẾT ĐỊNH',
      subject: 'Về việc áp dụng biện pháp cách ly y tế tại nhà đối với người nhiễm COVID-19',
      authority: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${communeUpper}`,
      basis: [...doc.legalBasis.split('\n').filter(Boolean).map((line) => `Căn cứ ${line};`), `Xét đề nghị của Trạm Y tế ${commune.nameWithType}.`],
      decisionHeading: 'QUYẾT ĐỊNH:',
      articles: [
        { heading: 'Điều 1.', text: `Áp dụng biện pháp cách ly y tế tại nhà đối với ${person}. Nơi cách ly: ${doc.place}. Thời gian cách ly: từ ngày ${vietnameseShortDate(doc.startDate)} đến hết ngày ${vietnameseShortDate(doc.endDate)}.` },
        { heading: 'Điều 2.', text: 'Người được cách ly có trách nhiệm chấp hành nghiêm các quy định về cách ly y tế tại nhà, khai báo sức khỏe hằng ngày và báo ngay cho Trạm Y tế xã hoặc gọi 115 khi có dấu hiệu nguy hiểm. Khi hết thời gian cách ly, việc kết thúc cách ly thực hiện theo hướng dẫn của ngành y tế.' },
        { heading: 'Điều 3.', text: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng HĐND và UBND, Trạm Y tế ${commune.nameWithType} và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.` },
      ],
      recipients: ['Như Điều 3;', `Trạm Y tế ${commune.nameWithType};`, 'Lưu: VT.'],
    };
  }
  const test = doc.negativeTestType && doc.negativeTestDate ? ` Kết quả xét nghiệm ${TEST_NAMES[doc.negativeTestType]} ngày ${vietnameseShortDate(doc.negativeTestDate)}: âm tính.` : '';
  return {
    ...base,
    title: 'GIẤY XÁC NHẬN',
    subject: 'Khỏi bệnh COVID-19 / hoàn thành cách ly y tế tại nhà',
    basis: doc.legalBasis.split('\n').filter(Boolean).map((line) => `Căn cứ ${line};`),
    articles: [
      { heading: '', text: `Ủy ban nhân dân ${commune.nameWithType} xác nhận: ${person}, nơi cách ly: ${doc.place}.` },
      { heading: '', text: `Đã hoàn thành thời gian cách ly y tế tại nhà từ ngày ${vietnameseShortDate(doc.startDate)} đến hết ngày ${vietnameseShortDate(doc.endDate)}.${test}` },
      { heading: '', text: 'Giấy xác nhận này có giá trị để người có tên trên trở lại sinh hoạt, học tập và làm việc theo quy định.' },
    ],
    recipients: ['Người có tên trên;', 'Lưu: VT.'],
  };
}
