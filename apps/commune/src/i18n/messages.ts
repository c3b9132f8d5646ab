/** The commune app's own messages (merged over the shared ones from @cordon/web). */
const vi = {
  commune: {
    homeTitle: 'Xin chào, {name}',
    role: 'Vai trò',
    jurisdiction: 'Địa bàn phụ trách',
    noJurisdiction: 'Tài khoản chưa được gán địa bàn. Vui lòng liên hệ Sở Thông tin và Truyền thông.',
    workTitle: 'Công việc',
    workNote: 'Các chức năng dưới đây đang được xây dựng, chưa dùng được.',
    workReports: 'Tiếp nhận, xác minh khai báo nhiễm COVID-19 (F0) và khai báo khỏi bệnh',
    workDecisions: 'Quyết định cách ly y tế tại nhà',
    workDecisionsSign: 'Ký ban hành, thu hồi quyết định cách ly y tế',
    workConfirmations: 'Giấy xác nhận khỏi bệnh / hoàn thành cách ly',
    workArrivals: 'Theo dõi người đến từ vùng dịch',
    workDistrict: 'Theo dõi các xã trong huyện: khai báo, quyết định, việc tồn đọng, thống kê (chỉ xem)',
  },
};

const en: typeof vi = {
  commune: {
    homeTitle: 'Hello, {name}',
    role: 'Role',
    jurisdiction: 'Jurisdiction',
    noJurisdiction: 'This account has no jurisdiction yet. Please contact the Dept. of Information and Communications.',
    workTitle: 'Work',
    workNote: 'The functions below are being built and cannot be used yet.',
    workReports: 'Receive and verify infection reports (F0) and recovery reports',
    workDecisions: 'Home isolation decisions',
    workDecisionsSign: 'Sign and issue, or revoke, isolation decisions',
    workConfirmations: 'Recovery confirmations',
    workArrivals: 'Follow up arrivals from epidemic zones',
    workDistrict: 'Oversee the district\'s communes: reports, decisions, backlog, statistics (read-only)',
  },
};

export const messages = { vi, en };
