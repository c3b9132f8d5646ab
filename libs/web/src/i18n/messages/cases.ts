/**
 * The words of F0 reports, cases and documents (the UX word list), shared by the apps that show them.
 * An app merges them into its messages: `mergeMessages(casesVi, ownVi)`; SymptomChecklist reads `cases.symptoms.*`.
 */
export const casesVi = {
  cases: {
    symptoms: {
      FEVER: 'Sốt',
      COUGH: 'Ho',
      SORE_THROAT: 'Đau họng',
      RUNNY_NOSE: 'Sổ mũi',
      LOSS_OF_SMELL: 'Mất khứu giác/vị giác',
      FATIGUE: 'Mệt mỏi',
      MUSCLE_PAIN: 'Đau cơ',
      HEADACHE: 'Đau đầu',
      DIARRHEA: 'Tiêu chảy',
      BREATHLESSNESS: 'Khó thở',
      CHEST_PAIN: 'Đau tức ngực',
      CONFUSION: 'Lú lẫn',
    },
    dangerSymptom: 'dấu hiệu nguy hiểm',
    testTypes: {
      RAPID_SELF: 'Test nhanh tự làm',
      RAPID_FACILITY: 'Test nhanh tại cơ sở y tế',
      PCR: 'PCR',
    },
    testResults: {
      POSITIVE: 'Dương tính',
      NEGATIVE: 'Âm tính',
    },
    relations: {
      SELF: 'Bản thân',
      PARENT: 'Bố/mẹ',
      CHILD: 'Con',
      SPOUSE: 'Vợ/chồng',
      SIBLING: 'Anh/chị/em',
      GRANDPARENT: 'Ông/bà',
      GRANDCHILD: 'Cháu',
      OTHER: 'Khác',
    },
    reportKinds: {
      INFECTION: 'Khai báo nhiễm COVID-19 (F0)',
      RECOVERY: 'Khai báo khỏi bệnh',
    },
    reportStatus: {
      SUBMITTED: 'Đã gửi',
      ACCEPTED: 'Đã tiếp nhận',
      REJECTED: 'Bị từ chối',
    },
    caseStatus: {
      ISOLATING: 'Đang cách ly y tế tại nhà',
      HOSPITALISED: 'Đang điều trị tại cơ sở y tế',
      RECOVERED: 'Đã khỏi bệnh',
    },
    documentKinds: {
      ISOLATION_DECISION: 'Quyết định cách ly y tế',
      RECOVERY_CONFIRMATION: 'Giấy xác nhận khỏi bệnh / hoàn thành cách ly',
    },
    documentStatus: {
      DRAFT: 'Bản nháp',
      ISSUED: 'Có hiệu lực',
      REVOKED: 'Đã thu hồi',
    },
  },
};

export const casesEn: typeof casesVi = {
  cases: {
    symptoms: {
      FEVER: 'Fever',
      COUGH: 'Cough',
      SORE_THROAT: 'Sore throat',
      RUNNY_NOSE: 'Runny nose',
      LOSS_OF_SMELL: 'Loss of smell or taste',
      FATIGUE: 'Tiredness',
      MUSCLE_PAIN: 'Muscle pain',
      HEADACHE: 'Headache',
      DIARRHEA: 'Diarrhoea',
      BREATHLESSNESS: 'Shortness of breath',
      CHEST_PAIN: 'Chest pain or pressure',
      CONFUSION: 'Confusion',
    },
    dangerSymptom: 'danger sign',
    testTypes: {
      RAPID_SELF: 'Rapid self-test',
      RAPID_FACILITY: 'Rapid test at a health facility',
      PCR: 'PCR',
    },
    testResults: {
      POSITIVE: 'Positive',
      NEGATIVE: 'Negative',
    },
    relations: {
      SELF: 'Self',
      PARENT: 'Parent',
      CHILD: 'Child',
      SPOUSE: 'Spouse',
      SIBLING: 'Sibling',
      GRANDPARENT: 'Grandparent',
      GRANDCHILD: 'Grandchild',
      OTHER: 'Other',
    },
    reportKinds: {
      INFECTION: 'Infection report (F0)',
      RECOVERY: 'Recovery report',
    },
    reportStatus: {
      SUBMITTED: 'Submitted',
      ACCEPTED: 'Accepted',
      REJECTED: 'Rejected',
    },
    caseStatus: {
      ISOLATING: 'In home isolation',
      HOSPITALISED: 'In hospital',
      RECOVERED: 'Recovered',
    },
    documentKinds: {
      ISOLATION_DECISION: 'Isolation decision',
      RECOVERY_CONFIRMATION: 'Recovery confirmation',
    },
    documentStatus: {
      DRAFT: 'Draft',
      ISSUED: 'In force',
      REVOKED: 'Revoked',
    },
  },
};
