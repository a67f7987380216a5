"""Test helpers: converters that write a UTF-8 string in each input form (see convert.py), and the report text fed to them."""

HEADING = "BÁO CÁO TỔNG KẾT CÔNG TÁC TUYÊN GIÁO NĂM 2023"

PARAGRAPHS = (
    "Năm 2023, Ban Tuyên giáo Huyện ủy đã tham mưu ban hành 64 văn bản (trong đó 42 kế hoạch, "
    "12 báo cáo); phát sóng 2.737 tin và hơn 547 bài viết; mở 09 lớp bồi dưỡng cho 2.108 học viên, "
    "đạt 99,9% kế hoạch.",
    "Công tác nắm bắt tư tưởng, dư luận xã hội được duy trì thường xuyên: 18 chi bộ tổ chức sinh hoạt "
    "chuyên đề, 356 lượt đảng viên góp ý kiến vào dự thảo nghị quyết. Hội Nông dân xã vận động hội viên "
    "hiến 12.450 m² đất làm đường giao thông nông thôn; 37 hộ nghèo ở ấp Ẳng Cũ được hỗ trợ xây nhà, "
    "sửa chữa bếp, mua giống lúa và phân bón với tổng kinh phí 1.250 triệu đồng.",
    "Phương hướng năm 2024: phấn đấu 100% chi bộ trực thuộc quán triệt nghị quyết; xuất bản 4 số bản tin "
    "nội bộ; khuyến khích thanh niên tình nguyện giữ gìn vệ sinh môi trường; quyết tâm giữ vững ổn định "
    "chính trị, không để xảy ra điểm nóng, khiếu kiện đông người. Ủy ban Mặt trận Tổ quốc phối hợp rà soát, "
    "đề nghị khen thưởng 15 tập thể và 28 cá nhân tiêu biểu; những kỹ năng mới được ghi nhận.",
)

ALPHABET_LINE = (
    "Bảng chữ cái: aàảãáạ ăằẳẵắặ âầẩẫấậ eèẻẽéẹ êềểễếệ iìỉĩíị oòỏõóọ ôồổỗốộ ơờởỡớợ "
    "uùủũúụ ưừửữứự yỳỷỹýỵ đ AÀẢÃÁẠ ĂẰẲẴẮẶ ÂẦẨẪẤẬ EÈẺẼÉẸ ÊỀỂỄẾỆ IÌỈĨÍỊ OÒỎÕÓỌ ÔỒỔỖỐỘ "
    "ƠỜỞỠỚỢ UÙỦŨÚỤ ƯỪỬỮỨỰ YỲỶỸÝỴ Đ."
)
"""Every Vietnamese letter in every tone, so each encoding table is exercised in full."""

REPORT = "\n".join((HEADING, *PARAGRAPHS, ALPHABET_LINE))
"""A short work-summary report: heading, three paragraphs, the alphabet line; one paragraph per line."""
