/**
 * The words the two staff apps (commune, province) share: list filters and counts, case views and
 * attention reasons. An app merges them into its messages: `mergeMessages(staffVi, ownVi)`.
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
};
