/**
 * The words the two staff apps (commune, province) share: list filters and counts, case views and
 * attention reasons, the risk and follow-up of movements. An app merges them into its messages: `mergeMessages(staffVi, ownVi)`.
 */
export const staffVi = {
  staff: {
    filters: 'Bộ lọc',
    commune: 'Xã, phường, thị trấn',
    showing: 'Đang hiển thị {shown} / {total}',
    showingNoTotal: 'Đang hiển thị {shown}',
    backRegistered: 'Khai báo bổ sung (ghi nhận muộn)',
  },
  caseView: {
    ISOLATING: 'Đang cách ly',
    ATTENTION: 'Cần chú ý',
    ELIGIBLE: 'Đủ điều kiện kết thúc cách ly',
    OVERDUE_CONFIRMATION: 'Quá hạn xác nhận khỏi bệnh',
    HOSPITALISED: 'Đang điều trị tại viện',
    RECOVERED: 'Đã khỏi',
  },
  attention: { DANGER_SIGNS: 'Dấu hiệu nguy hiểm', HIGH_RISK: 'Nguy cơ cao', NO_CHECK_IN: 'Không khai báo sức khỏe 2 ngày' },
  /** A declaration's risk level and reasons, the words of an epidemic zone level, an arrival's follow-up. */
  movement: {
    zoneWord: { l1: 'Nguy cơ thấp', l2: 'Nguy cơ trung bình', l3: 'Nguy cơ cao', l4: 'Nguy cơ rất cao' },
    risk: { HIGH: 'Nguy cơ cao', MEDIUM: 'Nguy cơ trung bình', LOW: 'Nguy cơ thấp' },
    reason: {
      ZONE_LEVEL_1: 'Từ vùng dịch cấp 1',
      ZONE_LEVEL_2: 'Từ vùng dịch cấp 2',
      ZONE_LEVEL_3: 'Từ vùng dịch cấp 3',
      ZONE_LEVEL_4: 'Từ vùng dịch cấp 4',
      SYMPTOMS: 'Có triệu chứng',
      CONTACT_WITH_CASE: 'Tiếp xúc với ca bệnh',
      STAYED_IN_ZONE: 'Ở trong vùng dịch 14 ngày qua',
      NO_NEGATIVE_TEST: 'Chưa có xét nghiệm âm tính',
      NOT_VACCINATED: 'Chưa tiêm vắc xin',
    },
    followUp: {
      PENDING: 'Chưa theo dõi',
      MONITORING: 'Theo dõi tại nhà',
      TESTED_NEGATIVE: 'Xét nghiệm âm tính',
      TESTED_POSITIVE: 'Xét nghiệm dương tính',
      REFERRED_TO_ISOLATION: 'Chuyển cách ly',
      DONE: 'Hoàn thành',
    },
  },
};

export const staffEn: typeof staffVi = {
  staff: {
    filters: 'Filters',
    commune: 'Commune',
    showing: 'Showing {shown} of {total}',
    showingNoTotal: 'Showing {shown}',
    backRegistered: 'Back-registered',
  },
  caseView: {
    ISOLATING: 'Isolating',
    ATTENTION: 'Needs attention',
    ELIGIBLE: 'May end isolation',
    OVERDUE_CONFIRMATION: 'Overdue recovery confirmation',
    HOSPITALISED: 'In hospital',
    RECOVERED: 'Recovered',
  },
  attention: { DANGER_SIGNS: 'Danger signs', HIGH_RISK: 'High risk', NO_CHECK_IN: 'No daily check-in for 2 days' },
  movement: {
    zoneWord: { l1: 'Low risk', l2: 'Medium risk', l3: 'High risk', l4: 'Very high risk' },
    risk: { HIGH: 'High risk', MEDIUM: 'Medium risk', LOW: 'Low risk' },
    reason: {
      ZONE_LEVEL_1: 'From a level 1 epidemic zone',
      ZONE_LEVEL_2: 'From a level 2 epidemic zone',
      ZONE_LEVEL_3: 'From a level 3 epidemic zone',
      ZONE_LEVEL_4: 'From a level 4 epidemic zone',
      SYMPTOMS: 'Symptoms',
      CONTACT_WITH_CASE: 'Contact with a case',
      STAYED_IN_ZONE: 'Stayed in an epidemic zone in the last 14 days',
      NO_NEGATIVE_TEST: 'No negative test',
      NOT_VACCINATED: 'Not vaccinated',
    },
    followUp: {
      PENDING: 'Not followed up yet',
      MONITORING: 'Monitored at home',
      TESTED_NEGATIVE: 'Tested negative',
      TESTED_POSITIVE: 'Tested positive',
      REFERRED_TO_ISOLATION: 'Referred to isolation',
      DONE: 'Done',
    },
  },
};
