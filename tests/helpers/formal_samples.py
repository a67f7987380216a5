"""Write the four formal reports in samples/ (three .docx, one .pdf) and their gold files.

The reports are made up (units, places, people) in the shape offices publish them: a
letterhead as a borderless two-cell table, "BÁO CÁO" and a two-line title, numbered
sections, a plan part whose figures are targets, and a closing two-cell table with
"Nơi nhận:" and the signature. The gold is written by hand from ANNOTATION.md, one
tuple per quantity in file order: (text, value, noun, qualifier, indicator, part_of).

Run from the repository root: `.venv/bin/python tests/helpers/formal_samples.py`.
The .pdf is the .docx converted by LibreOffice (`libreoffice` on PATH); its gold evidence
is the same quantity found in the PDF's text as the project reads it, whitespace included,
so a line break between a number and its noun is kept as it comes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from report_extract.ingest import read_document_bytes

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SOURCE = "written for report-extract samples"

Q = tuple  # (text, value, noun, qualifier, indicator, part_of)


@dataclass
class Report:
    name: str
    fmt: str  # "docx" or "pdf"
    unit: str
    year: int
    span: str
    left: list[str]  # letterhead, left cell: parent, issuing body, "*", number
    right: list[str]  # letterhead, right cell: motto, rule, place and date
    title: list[str]
    addressee: str | None
    body: list[str]  # headings are recognised by their numbering
    recipients: list[str]
    signature: list[str]
    quantities: list[Q] = field(default_factory=list)


TUYEN_GIAO = Report(
    name="formal-tuyen-giao-nam-son-2024",
    fmt="docx",
    unit="Ban Tuyên giáo Huyện ủy Nam Sơn",
    year=2024,
    span="year",
    left=["HUYỆN ỦY NAM SƠN", "BAN TUYÊN GIÁO", "*", "Số: 45-BC/BTG"],
    right=["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Nam Sơn, ngày 12 tháng 12 năm 2024"],
    title=["Tổng kết công tác tuyên giáo năm 2024 và", "phương hướng, nhiệm vụ năm 2025"],
    addressee=None,
    body=[
        "Thực hiện Hướng dẫn số 112-HD/BTGTU ngày 25/10/2024 của Ban Tuyên giáo Tỉnh ủy về tổng kết công tác "
        "tuyên giáo năm 2024, Ban Tuyên giáo Huyện ủy Nam Sơn báo cáo kết quả thực hiện nhiệm vụ năm 2024 và "
        "phương hướng, nhiệm vụ năm 2025 như sau:",
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024",
        "1. Công tác tham mưu, chỉ đạo, hướng dẫn",
        "Năm 2024, Ban Tuyên giáo Huyện ủy đã tham mưu Ban Thường vụ Huyện ủy ban hành và trực tiếp ban hành "
        "68 văn bản, trong đó có 24 kế hoạch, 17 hướng dẫn, 11 báo cáo, 16 công văn chỉ đạo, định hướng công "
        "tác tuyên giáo trên địa bàn. Ban tham mưu tổ chức sơ kết 03 năm thực hiện Kết luận số 01-KL/TW ngày "
        "18/5/2021 của Bộ Chính trị và hướng dẫn các tổ chức cơ sở đảng tổ chức các hoạt động kỷ niệm 94 năm "
        "Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024).",
        "2. Công tác tuyên truyền",
        "a) Tuyên truyền trên các phương tiện thông tin đại chúng",
        "Ban phối hợp với Trung tâm Văn hóa, Thông tin và Thể thao huyện duy trì 48 chuyên mục \"Nam Sơn ngày "
        "mới\", phát sóng 1.536 tin, 274 bài viết và 22 phóng sự về các sự kiện chính trị, kinh tế, văn hóa - "
        "xã hội của huyện. Bản tin Sinh hoạt chi bộ phát hành đều đặn 12 số, mỗi số 520 cuốn, cấp đến 100% "
        "chi bộ trực thuộc.",
        "b) Tuyên truyền trên không gian mạng",
        "Trang thông tin điện tử Huyện ủy và trang fanpage \"Tuyên giáo Nam Sơn\" đăng tải 612 bài viết, thu "
        "hút gần 245.000 lượt xem và hơn 18.000 lượt tương tác. Toàn huyện duy trì 31 nhóm zalo tuyên truyền ở "
        "cơ sở; lực lượng cộng tác viên dư luận xã hội chia sẻ 3.480 bài viết định hướng, đấu tranh phản bác "
        "các quan điểm sai trái, thù địch.",
        "c) Tuyên truyền trực quan và công tác báo cáo viên",
        "Các cơ quan, đơn vị treo gần 1.900 băng rôn, 126 pa nô, khẩu hiệu và in, cấp phát 8.500 tờ rơi tuyên "
        "truyền các ngày lễ lớn. Đội ngũ 42 báo cáo viên cấp huyện và 236 tuyên truyền viên cơ sở được cung "
        "cấp thông tin thời sự tại 4 hội nghị báo cáo viên định kỳ, với 1.120 lượt người tham dự; hội nghị "
        "được tổ chức vào ngày 15 của tháng cuối mỗi quý.",
        "3. Công tác nắm bắt dư luận xã hội",
        "Ban chỉ đạo 16 cộng tác viên dư luận xã hội cấp huyện và 27 tổ cộng tác viên ở các xã, thị trấn thu "
        "thập thông tin; tổng hợp 9 báo cáo chuyên đề với 143 ý kiến, kiến nghị của cán bộ, đảng viên và Nhân "
        "dân, trong đó 38 ý kiến liên quan đến công tác bồi thường, giải phóng mặt bằng.",
        "4. Công tác giáo dục lý luận chính trị, học tập nghị quyết",
        "Ban phối hợp với Trung tâm Chính trị huyện mở 18 lớp bồi dưỡng, đạt 112,5% kế hoạch năm, với 2.146 "
        "học viên; trong đó có 3 lớp bồi dưỡng nhận thức về Đảng cho 264 quần chúng ưu tú và hai lớp bồi dưỡng "
        "lý luận chính trị cho 121 học viên là đảng viên mới. Việc học tập, quán triệt Nghị quyết Hội nghị lần "
        "thứ mười Ban Chấp hành Trung ương Đảng khóa XIII được tổ chức tại 52/54 tổ chức cơ sở đảng, thu hút "
        "7.384 cán bộ, đảng viên tham dự, đạt 95,6%.",
        "Ban tham mưu tổ chức Hội thi trực tuyến \"Tìm hiểu lịch sử Đảng bộ huyện Nam Sơn\" với 46 đội thi của "
        "các tổ chức cơ sở đảng và hơn 9.600 lượt người tham gia thi. Năm 2024, Ban Tuyên giáo Huyện ủy được "
        "Ban Tuyên giáo Tỉnh ủy tặng Giấy khen; 3 tập thể và 8 cá nhân được Ban Thường vụ Huyện ủy khen thưởng "
        "vì có thành tích xuất sắc trong công tác tuyên giáo.",
        "5. Hạn chế, nguyên nhân",
        "Nội dung sinh hoạt tư tưởng ở một số chi bộ chưa phong phú; việc nắm bắt, tổng hợp dư luận xã hội có "
        "lúc chưa kịp thời; một vài cơ sở chưa quan tâm đúng mức đến tuyên truyền trên không gian mạng.",
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
        "1. Tham mưu Ban Thường vụ Huyện ủy lãnh đạo công tác tuyên truyền Đại hội Đảng bộ các cấp tiến tới "
        "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng và các hoạt động kỷ niệm 95 năm Ngày thành lập Đảng "
        "Cộng sản Việt Nam.",
        "2. Phấn đấu trong năm 2025 mở 20 lớp bồi dưỡng với 2.300 học viên; 100% tổ chức cơ sở đảng tổ chức "
        "học tập, quán triệt nghị quyết đúng thời gian quy định; đăng tải ít nhất 650 bài viết trên trang "
        "fanpage \"Tuyên giáo Nam Sơn\".",
        "3. Nâng cao chất lượng hoạt động của đội ngũ báo cáo viên, cộng tác viên dư luận xã hội; kịp thời "
        "nắm bắt, định hướng tư tưởng trong cán bộ, đảng viên và Nhân dân.",
    ],
    recipients=[
        "- Ban Tuyên giáo Tỉnh ủy (b/c);",
        "- Ban Thường vụ Huyện ủy (b/c);",
        "- Các tổ chức cơ sở đảng;",
        "- Lưu VP.",
    ],
    signature=["TRƯỞNG BAN", "", "(Đã ký)", "", "Trần Văn Khải"],
    quantities=[
        ("68 văn bản", 68, "văn bản", "exact", "documents_issued", None),
        ("24 kế hoạch", 24, "kế hoạch", "exact", "plans_issued", "68 văn bản"),
        ("17 hướng dẫn", 17, "hướng dẫn", "exact", "guidelines_issued", "68 văn bản"),
        ("11 báo cáo", 11, "báo cáo", "exact", "reports_issued", "68 văn bản"),
        ("16 công văn", 16, "công văn", "exact", "official_letters_issued", "68 văn bản"),
        ("48 chuyên mục", 48, "chuyên mục", "exact", "broadcast_programs", None),
        ("1.536 tin", 1536, "tin", "exact", "news_items", None),
        ("274 bài viết", 274, "bài viết", "exact", "articles", None),
        ("22 phóng sự", 22, "phóng sự", "exact", "reportages", None),
        ("12 số", 12, "số", "exact", "publications", None),
        ("520 cuốn", 520, "cuốn", "exact", "publications", None),
        ("100%", 100, "%", "exact", "rate_pct", None),
        ("612 bài viết", 612, "bài viết", "exact", "social_posts", None),
        ("245.000 lượt xem", 245000, "lượt xem", "approx", "online_reach", None),
        ("18.000 lượt tương tác", 18000, "lượt tương tác", "over", "online_reach", None),
        ("31 nhóm zalo", 31, "nhóm zalo", "exact", "social_channels", None),
        ("3.480 bài viết", 3480, "bài viết", "exact", "social_posts", None),
        ("1.900 băng rôn", 1900, "băng rôn", "approx", "publications", None),
        ("126 pa nô", 126, "pa nô", "exact", "publications", None),
        ("8.500 tờ rơi", 8500, "tờ rơi", "exact", "publications", None),
        ("42 báo cáo viên", 42, "báo cáo viên", "exact", "members", None),
        ("236 tuyên truyền viên", 236, "tuyên truyền viên", "exact", "members", None),
        ("4 hội nghị", 4, "hội nghị", "exact", "meetings_events", None),
        ("1.120 lượt người", 1120, "lượt người", "exact", "attendees", None),
        ("16 cộng tác viên", 16, "cộng tác viên", "exact", "members", None),
        ("27 tổ", 27, "tổ", "exact", "units_count", None),
        ("9 báo cáo", 9, "báo cáo", "exact", "reports_issued", None),
        ("143 ý kiến", 143, "ý kiến", "exact", "opinions_reports", None),
        ("38 ý kiến", 38, "ý kiến", "exact", "opinions_reports", "143 ý kiến"),
        ("18 lớp", 18, "lớp", "exact", "training_classes", None),
        ("112,5%", 112.5, "%", "exact", "plan_completion_pct", None),
        ("2.146 học viên", 2146, "học viên", "exact", "trainees", None),
        ("3 lớp", 3, "lớp", "exact", "training_classes", "18 lớp"),
        ("264 quần chúng", 264, "quần chúng", "exact", "trainees", "2.146 học viên"),
        ("hai lớp", 2, "lớp", "exact", "training_classes", "18 lớp"),
        ("121 học viên", 121, "học viên", "exact", "trainees", "2.146 học viên"),
        ("52/54 tổ chức cơ sở đảng", 52, "tổ chức cơ sở đảng", "exact", "units_count", None),
        ("7.384 cán bộ", 7384, "cán bộ", "exact", "attendees", None),
        ("95,6%", 95.6, "%", "exact", "rate_pct", None),
        ("46 đội thi", 46, "đội thi", "exact", "other", None),
        ("9.600 lượt người", 9600, "lượt người", "over", "attendees", None),
        ("3 tập thể", 3, "tập thể", "exact", "commended_collectives", None),
        ("8 cá nhân", 8, "cá nhân", "exact", "commended_individuals", None),
    ],
)

VAN_HOA = Report(
    name="formal-van-hoa-dong-thanh-6-thang-2025",
    fmt="docx",
    unit="Phòng Văn hóa và Thông tin huyện Đông Thành",
    year=2025,
    span="half_year",
    left=["UBND HUYỆN ĐÔNG THÀNH", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "", "Số: 87/BC-VHTT"],
    right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Đông Thành, ngày 18 tháng 6 năm 2025"],
    title=["Sơ kết công tác văn hóa, thông tin 6 tháng đầu năm 2025 và",
           "nhiệm vụ trọng tâm 6 tháng cuối năm 2025"],
    addressee="Kính gửi: Ủy ban nhân dân huyện Đông Thành.",
    body=[
        "Thực hiện Công văn số 1245/UBND-VP ngày 02/6/2025 của Ủy ban nhân dân huyện về việc báo cáo sơ kết "
        "6 tháng đầu năm 2025, Phòng Văn hóa và Thông tin huyện báo cáo kết quả như sau:",
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2025",
        "1. Công tác tham mưu, quản lý nhà nước",
        "Phòng đã tham mưu Ủy ban nhân dân huyện ban hành 34 văn bản chỉ đạo, điều hành, trong đó có 2 quyết "
        "định, 12 kế hoạch, 20 công văn; trực tiếp ban hành 41 văn bản hướng dẫn chuyên môn đối với 14 xã, thị "
        "trấn.",
        "Phòng phối hợp với Đội Kiểm tra liên ngành văn hóa - xã hội huyện tiến hành 9 cuộc kiểm tra đối với "
        "57 cơ sở kinh doanh dịch vụ karaoke, internet, trò chơi điện tử, quảng cáo; phát hiện 6 cơ sở vi "
        "phạm, xử phạt vi phạm hành chính với tổng số tiền 38,5 triệu đồng.",
        "2. Công tác thông tin, tuyên truyền",
        "a) Hoạt động truyền thanh",
        "Trung tâm Văn hóa - Thông tin huyện và Đài truyền thanh các xã, thị trấn thực hiện 312 buổi phát "
        "sóng, với 864 tin, 196 bài, 24 phóng sự; tiếp sóng đầy đủ các chương trình của Đài Tiếng nói Việt "
        "Nam và Đài Phát thanh - Truyền hình tỉnh. Hệ thống truyền thanh ứng dụng công nghệ thông tin - viễn "
        "thông đã được lắp đặt tại 9/14 xã, thị trấn, với 126 cụm loa.",
        "b) Tuyên truyền cổ động trực quan",
        "Toàn huyện treo 2.450 băng rôn, cờ phướn, thay mới 84 pa nô, áp phích tuyên truyền kỷ niệm 95 năm "
        "Ngày thành lập Đảng Cộng sản Việt Nam, 50 năm Ngày giải phóng miền Nam, thống nhất đất nước và 135 "
        "năm Ngày sinh Chủ tịch Hồ Chí Minh; tổ chức 3 đợt tuyên truyền lưu động với 36 buổi chiếu phim, biểu "
        "diễn văn nghệ tại các thôn, khu phố.",
        "c) Thông tin cơ sở và trang thông tin điện tử",
        "Trang thông tin điện tử huyện đăng tải 418 tin, bài, thu hút trên 96.000 lượt truy cập. Ủy ban nhân "
        "dân 14/14 xã, thị trấn có trang fanpage hoặc zalopage, thu hút hơn 27.000 lượt theo dõi.",
        "3. Công tác văn hóa, gia đình",
        "a) Phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\"",
        "Toàn huyện có 41.236/43.580 hộ gia đình đăng ký danh hiệu \"Gia đình văn hóa\" năm 2025, đạt 94,6%; "
        "168/172 thôn, khu phố đăng ký danh hiệu \"Thôn, khu phố văn hóa\", đạt 97,7%. Trong 6 tháng, 2 thiết "
        "chế văn hóa thôn được xây mới với tổng kinh phí 1,6 tỷ đồng, trong đó Nhân dân đóng góp 620 triệu "
        "đồng.",
        "b) Công tác gia đình",
        "Phòng phối hợp tổ chức 4 buổi tuyên truyền phòng, chống bạo lực gia đình với 680 lượt người tham dự; "
        "toàn huyện duy trì 57 câu lạc bộ gia đình phát triển bền vững và 14 địa chỉ tin cậy ở cộng đồng. "
        "Trong 6 tháng, xảy ra 5 vụ bạo lực gia đình, giảm 3 vụ so với cùng kỳ năm 2024; 5/5 vụ đã được hòa "
        "giải, xử lý kịp thời.",
        "4. Công tác thể dục, thể thao",
        "Đại hội Thể dục thể thao huyện lần thứ IX thu hút 1.350 vận động viên của 14 xã, thị trấn tham gia "
        "12 môn thi đấu. Đoàn vận động viên huyện tham gia các giải cấp tỉnh đạt 15 huy chương các loại (trong "
        "đó 3 huy chương vàng).",
        "5. Hạn chế",
        "Cơ sở vật chất của một số thiết chế văn hóa thôn xuống cấp; hệ thống truyền thanh ở một số xã chưa "
        "được đầu tư nâng cấp; việc quản lý hoạt động quảng cáo ngoài trời còn bất cập.",
        "II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025",
        "1. Phấn đấu hoàn thành lắp đặt hệ thống truyền thanh ứng dụng công nghệ thông tin - viễn thông tại 5 "
        "xã còn lại; 95% hộ gia đình đạt danh hiệu \"Gia đình văn hóa\".",
        "2. Tổ chức tốt các hoạt động kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9; phấn đấu mỗi xã, "
        "thị trấn tổ chức ít nhất 2 đợt tuyên truyền lưu động.",
        "3. Tăng cường kiểm tra các cơ sở kinh doanh dịch vụ văn hóa; xử lý nghiêm các trường hợp vi phạm.",
        "III. KIẾN NGHỊ, ĐỀ XUẤT",
        "Đề nghị Ủy ban nhân dân huyện quan tâm bố trí kinh phí nâng cấp hệ thống truyền thanh cơ sở ở các xã "
        "chưa được đầu tư; đề nghị Sở Văn hóa, Thể thao và Du lịch tỉnh mở các lớp tập huấn nghiệp vụ cho công "
        "chức văn hóa - xã hội cấp xã.",
        "Trên đây là báo cáo sơ kết công tác văn hóa, thông tin 6 tháng đầu năm 2025 của Phòng Văn hóa và "
        "Thông tin huyện./.",
    ],
    recipients=[
        "- Như trên;",
        "- Sở VHTTDL tỉnh (b/c);",
        "- Chủ tịch, các PCT UBND huyện;",
        "- Lưu: VT, VHTT.",
    ],
    signature=["TRƯỞNG PHÒNG", "", "(Đã ký)", "", "Nguyễn Thị Lan Phương"],
    quantities=[
        ("34 văn bản", 34, "văn bản", "exact", "documents_issued", None),
        ("2 quyết định", 2, "quyết định", "exact", "decisions_issued", "34 văn bản"),
        ("12 kế hoạch", 12, "kế hoạch", "exact", "plans_issued", "34 văn bản"),
        ("20 công văn", 20, "công văn", "exact", "official_letters_issued", "34 văn bản"),
        ("41 văn bản", 41, "văn bản", "exact", "documents_issued", None),
        ("14 xã", 14, "xã", "exact", "units_count", None),
        ("9 cuộc kiểm tra", 9, "cuộc kiểm tra", "exact", "inspections", None),
        ("57 cơ sở", 57, "cơ sở", "exact", "units_count", None),
        ("6 cơ sở", 6, "cơ sở", "exact", "units_count", None),
        ("38,5 triệu đồng", 38500000, "đồng", "exact", "money_vnd", None),
        ("312 buổi phát sóng", 312, "buổi phát sóng", "exact", "broadcast_programs", None),
        ("864 tin", 864, "tin", "exact", "news_items", None),
        ("196 bài", 196, "bài", "exact", "articles", None),
        ("24 phóng sự", 24, "phóng sự", "exact", "reportages", None),
        ("9/14 xã", 9, "xã", "exact", "units_count", None),
        ("126 cụm loa", 126, "cụm loa", "exact", "other", None),
        ("2.450 băng rôn", 2450, "băng rôn", "exact", "publications", None),
        ("84 pa nô", 84, "pa nô", "exact", "publications", None),
        ("3 đợt tuyên truyền", 3, "đợt tuyên truyền", "exact", "propaganda_campaigns", None),
        ("36 buổi", 36, "buổi", "exact", "meetings_events", None),
        ("418 tin", 418, "tin", "exact", "news_items", None),
        ("96.000 lượt truy cập", 96000, "lượt truy cập", "over", "online_reach", None),
        ("14/14 xã", 14, "xã", "exact", "units_count", None),
        ("27.000 lượt theo dõi", 27000, "lượt theo dõi", "over", "online_reach", None),
        ("41.236/43.580 hộ", 41236, "hộ", "exact", "other", None),
        ("94,6%", 94.6, "%", "exact", "rate_pct", None),
        ("168/172 thôn", 168, "thôn", "exact", "units_count", None),
        ("97,7%", 97.7, "%", "exact", "rate_pct", None),
        ("2 thiết chế", 2, "thiết chế", "exact", "other", None),
        ("1,6 tỷ đồng", 1600000000, "đồng", "exact", "money_vnd", None),
        ("620 triệu đồng", 620000000, "đồng", "exact", "money_vnd", "1,6 tỷ đồng"),
        ("4 buổi", 4, "buổi", "exact", "propaganda_campaigns", None),
        ("680 lượt người", 680, "lượt người", "exact", "attendees", None),
        ("57 câu lạc bộ", 57, "câu lạc bộ", "exact", "units_count", None),
        ("14 địa chỉ", 14, "địa chỉ", "exact", "units_count", None),
        ("5 vụ", 5, "vụ", "exact", "cases_handled", None),
        ("3 vụ", 3, "vụ", "exact", "cases_handled", None),
        ("5/5 vụ", 5, "vụ", "exact", "cases_handled", None),
        ("1.350 vận động viên", 1350, "vận động viên", "exact", "attendees", None),
        ("14 xã", 14, "xã", "exact", "units_count", None),
        ("12 môn", 12, "môn", "exact", "other", None),
        ("15 huy chương", 15, "huy chương", "exact", "other", None),
        ("3 huy chương vàng", 3, "huy chương vàng", "exact", "other", "15 huy chương"),
    ],
)

NONG_DAN = Report(
    name="formal-hoi-nong-dan-tan-loc-dong-2025",
    fmt="docx",
    unit="Hội Nông dân xã Tân Lộc Đông",
    year=2025,
    span="year",
    left=["HỘI NÔNG DÂN TỈNH VĨNH LONG", "BCH HỘI NÔNG DÂN XÃ TÂN LỘC ĐÔNG", "*", "Số: 32-BC/HND"],
    right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Tân Lộc Đông, ngày 10 tháng 12 năm 2025"],
    title=["Tổng kết công tác Hội và phong trào nông dân năm 2025,",
           "phương hướng, nhiệm vụ năm 2026"],
    addressee=None,
    body=[
        "PHẦN THỨ NHẤT",
        "KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO NÔNG DÂN NĂM 2025",
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "Năm 2025, tình hình sản xuất nông nghiệp trên địa bàn xã gặp nhiều khó khăn do thời tiết diễn biến "
        "bất thường, giá vật tư nông nghiệp tăng cao. Hội Nông dân xã hiện có 12 chi hội, 68 tổ hội nông dân "
        "nghề nghiệp với 2.614 hội viên, chiếm 78,4% số hộ sản xuất nông nghiệp.",
        "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "1. Công tác tuyên truyền, giáo dục chính trị tư tưởng",
        "Ban Thường vụ Hội Nông dân xã ban hành 26 văn bản (gồm 9 kế hoạch, 7 báo cáo, 6 công văn, 4 hướng "
        "dẫn) triển khai nhiệm vụ. Các chi hội tổ chức 148 buổi sinh hoạt, tuyên truyền với 5.420 lượt hội "
        "viên tham dự; phối hợp Đài truyền thanh xã thực hiện 24 chuyên mục \"Nông dân Tân Lộc Đông\", đưa 96 "
        "tin, bài về gương nông dân sản xuất, kinh doanh giỏi.",
        "2. Công tác xây dựng tổ chức Hội",
        "a) Phát triển hội viên",
        "Trong năm, Hội kết nạp 137 hội viên mới, đạt 114,2% chỉ tiêu, nâng tổng số hội viên lên 2.614 hội "
        "viên. Qua phân loại, 2.287 hội viên hoàn thành tốt nhiệm vụ, 289 hội viên hoàn thành nhiệm vụ, 38 hội "
        "viên không hoàn thành nhiệm vụ; 10/12 chi hội đạt vững mạnh, 2 chi hội đạt khá.",
        "b) Công tác cán bộ Hội và Quỹ Hỗ trợ nông dân",
        "Cử 14 cán bộ chi hội tham gia lớp bồi dưỡng nghiệp vụ công tác Hội do Hội Nông dân tỉnh tổ chức; thu "
        "hội phí được 31,4 triệu đồng, đạt 100% kế hoạch. Quỹ Hỗ trợ nông dân xã tăng trưởng thêm 150 triệu "
        "đồng, nâng tổng nguồn quỹ lên 1 tỷ 270 triệu đồng, hỗ trợ 46 hộ vay vốn phát triển sản xuất.",
        "3. Các phong trào thi đua",
        "a) Phong trào nông dân thi đua sản xuất, kinh doanh giỏi",
        "Năm 2025 có 1.046 hộ đăng ký thi đua sản xuất, kinh doanh giỏi các cấp; qua bình xét, 812 hộ đạt "
        "danh hiệu, trong đó cấp tỉnh 26 hộ, cấp xã 786 hộ. Hội phối hợp mở 6 lớp chuyển giao khoa học kỹ "
        "thuật cho 420 lượt hội viên; tín chấp với Ngân hàng Chính sách xã hội cho 318 hộ vay với dư nợ trên "
        "17,5 tỷ đồng.",
        "b) Phong trào nông dân tham gia xây dựng nông thôn mới",
        "Hội viên nông dân hiến 2.350 m2 đất, đóng góp 1.240 ngày công và gần 380 triệu đồng để làm mới 3,2 km "
        "đường giao thông nông thôn; 4 chi hội xây dựng mô hình \"Tuyến đường hoa nông dân\".",
        "4. Công tác thi đua, khen thưởng",
        "Hội Nông dân xã được Ban Thường vụ Hội Nông dân tỉnh tặng Bằng khen; 2 tập thể và 11 cá nhân được Ban "
        "Thường vụ Hội Nông dân xã khen thưởng.",
        "III. HẠN CHẾ, NGUYÊN NHÂN",
        "Nội dung sinh hoạt ở một số chi hội còn đơn điệu; việc phát triển tổ hội nghề nghiệp còn chậm; nguồn "
        "Quỹ Hỗ trợ nông dân còn ít so với nhu cầu vay vốn của hội viên.",
        "PHẦN THỨ HAI",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
        "1. Đẩy mạnh tuyên truyền, giáo dục chính trị tư tưởng cho cán bộ, hội viên; phấn đấu kết nạp 120 hội "
        "viên mới, 100% chi hội đạt khá trở lên.",
        "2. Vận động 850 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp; tăng trưởng Quỹ Hỗ trợ nông dân "
        "thêm 200 triệu đồng; mở ít nhất 6 lớp chuyển giao khoa học kỹ thuật.",
        "3. Chuẩn bị tốt các điều kiện tiến tới Đại hội Hội Nông dân xã nhiệm kỳ 2028 - 2033.",
    ],
    recipients=[
        "- Hội Nông dân tỉnh (b/c);",
        "- Đảng ủy xã (b/c);",
        "- 12 chi hội trực thuộc;",
        "- Lưu VP.",
    ],
    signature=["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "(Đã ký)", "", "Huỳnh Văn Tâm"],
    quantities=[
        ("12 chi hội", 12, "chi hội", "exact", "units_count", None),
        ("68 tổ hội", 68, "tổ hội", "exact", "units_count", None),
        ("2.614 hội viên", 2614, "hội viên", "exact", "members", None),
        ("78,4%", 78.4, "%", "exact", "rate_pct", None),
        ("26 văn bản", 26, "văn bản", "exact", "documents_issued", None),
        ("9 kế hoạch", 9, "kế hoạch", "exact", "plans_issued", "26 văn bản"),
        ("7 báo cáo", 7, "báo cáo", "exact", "reports_issued", "26 văn bản"),
        ("6 công văn", 6, "công văn", "exact", "official_letters_issued", "26 văn bản"),
        ("4 hướng dẫn", 4, "hướng dẫn", "exact", "guidelines_issued", "26 văn bản"),
        ("148 buổi", 148, "buổi", "exact", "meetings_events", None),
        ("5.420 lượt hội viên", 5420, "lượt hội viên", "exact", "attendees", None),
        ("24 chuyên mục", 24, "chuyên mục", "exact", "broadcast_programs", None),
        ("96 tin", 96, "tin", "exact", "news_items", None),
        ("137 hội viên mới", 137, "hội viên mới", "exact", "new_members", None),
        ("114,2%", 114.2, "%", "exact", "plan_completion_pct", None),
        ("2.614 hội viên", 2614, "hội viên", "exact", "members", None),
        ("2.287 hội viên", 2287, "hội viên", "exact", "members", "2.614 hội viên"),
        ("289 hội viên", 289, "hội viên", "exact", "members", "2.614 hội viên"),
        ("38 hội viên", 38, "hội viên", "exact", "members", "2.614 hội viên"),
        ("10/12 chi hội", 10, "chi hội", "exact", "units_count", None),
        ("2 chi hội", 2, "chi hội", "exact", "units_count", None),
        ("14 cán bộ", 14, "cán bộ", "exact", "trainees", None),
        ("31,4 triệu đồng", 31400000, "đồng", "exact", "money_vnd", None),
        ("100%", 100, "%", "exact", "plan_completion_pct", None),
        ("150 triệu đồng", 150000000, "đồng", "exact", "money_vnd", None),
        ("1 tỷ 270 triệu đồng", 1270000000, "đồng", "exact", "money_vnd", None),
        ("46 hộ", 46, "hộ", "exact", "other", None),
        ("1.046 hộ", 1046, "hộ", "exact", "other", None),
        ("812 hộ", 812, "hộ", "exact", "other", None),
        ("26 hộ", 26, "hộ", "exact", "other", "812 hộ"),
        ("786 hộ", 786, "hộ", "exact", "other", "812 hộ"),
        ("6 lớp", 6, "lớp", "exact", "training_classes", None),
        ("420 lượt hội viên", 420, "lượt hội viên", "exact", "trainees", None),
        ("318 hộ", 318, "hộ", "exact", "other", None),
        ("17,5 tỷ đồng", 17500000000, "đồng", "over", "money_vnd", None),
        ("2.350 m2", 2350, "m2", "exact", "other", None),
        ("1.240 ngày công", 1240, "ngày công", "exact", "other", None),
        ("380 triệu đồng", 380000000, "đồng", "approx", "money_vnd", None),
        ("3,2 km", 3.2, "km", "exact", "other", None),
        ("4 chi hội", 4, "chi hội", "exact", "units_count", None),
        ("2 tập thể", 2, "tập thể", "exact", "commended_collectives", None),
        ("11 cá nhân", 11, "cá nhân", "exact", "commended_individuals", None),
    ],
)

PHU_NU = Report(
    name="formal-hoi-phu-nu-kim-hoa-2024",
    fmt="pdf",
    unit="Hội Liên hiệp Phụ nữ huyện Kim Hòa",
    year=2024,
    span="year",
    left=["HỘI LHPN TỈNH NGHỆ AN", "BCH HỘI LHPN HUYỆN KIM HÒA", "***", "Số: 58/BC-HPN"],
    right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Kim Hòa, ngày 16 tháng 12 năm 2024"],
    title=["Tổng kết công tác Hội và phong trào phụ nữ năm 2024,", "phương hướng, nhiệm vụ năm 2025"],
    addressee=None,
    body=[
        "Căn cứ Hướng dẫn số 21/HD-HPN ngày 08/11/2024 của Ban Thường vụ Hội LHPN tỉnh, Ban Chấp hành Hội "
        "Liên hiệp Phụ nữ huyện Kim Hòa báo cáo kết quả công tác Hội và phong trào phụ nữ năm 2024 như sau:",
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024",
        "1. Công tác tuyên truyền, giáo dục",
        "Ban Thường vụ Hội LHPN huyện ban hành 39 văn bản, trong đó có 15 kế hoạch, 8 hướng dẫn, 16 báo cáo. "
        "Các cấp Hội tổ chức 1.126 buổi tuyên truyền lồng ghép trong sinh hoạt chi hội với 42.580 lượt hội "
        "viên, phụ nữ tham dự. Trang fanpage \"Phụ nữ Kim Hòa\" đăng tải 356 bài viết, thu hút trên 72.000 "
        "lượt tiếp cận; toàn huyện duy trì 185 nhóm zalo chi hội.",
        "Hội phối hợp với Trung tâm Chính trị huyện mở 4 lớp bồi dưỡng nghiệp vụ cho 386 cán bộ Hội cơ sở và "
        "chi hội trưởng, đạt 103,2% kế hoạch; cử 12 cán bộ tham gia lớp tập huấn do Hội LHPN tỉnh tổ chức.",
        "2. Công tác xây dựng tổ chức Hội",
        "Toàn huyện có 21 cơ sở Hội, 164 chi hội với 14.728 hội viên, chiếm 86,5% tổng số phụ nữ từ 18 tuổi "
        "trở lên. Trong năm, các cấp Hội kết nạp 612 hội viên mới. Qua đánh giá, xếp loại, có 17 cơ sở Hội "
        "hoàn thành xuất sắc nhiệm vụ, 4 cơ sở Hội hoàn thành tốt nhiệm vụ.",
        "3. Hỗ trợ phụ nữ phát triển kinh tế, xây dựng gia đình",
        "a) Hỗ trợ phát triển kinh tế",
        "Hội nhận ủy thác với Ngân hàng Chính sách xã hội huyện qua 96 tổ tiết kiệm và vay vốn, dư nợ đạt "
        "186,4 tỷ đồng với 4.352 hộ vay; vận động hội viên tiết kiệm được 2 tỷ 350 triệu đồng. Các cấp Hội hỗ "
        "trợ thành lập mới 3 hợp tác xã và 15 tổ hợp tác do phụ nữ làm chủ; giúp 47 hộ phụ nữ nghèo thoát "
        "nghèo.",
        "b) Xây dựng gia đình hạnh phúc, chăm lo trẻ em",
        "Các cấp Hội duy trì 58 câu lạc bộ \"Gia đình hạnh phúc\" và 21 địa chỉ tin cậy ở cộng đồng; thăm, "
        "tặng 1.240 suất quà cho phụ nữ, trẻ em có hoàn cảnh khó khăn với tổng trị giá gần 620 triệu đồng; "
        "trao 35 suất học bổng \"Mẹ đỡ đầu\", mỗi suất 3 triệu đồng/năm.",
        "4. Tham gia giám sát, phản biện xã hội",
        "Ban Thường vụ Hội LHPN huyện chủ trì 2 cuộc giám sát, phối hợp với Ủy ban Mặt trận Tổ quốc huyện "
        "tham gia 5 cuộc giám sát; tổng hợp 23 ý kiến, kiến nghị của hội viên, phụ nữ gửi các cơ quan chức "
        "năng, đến nay đã có 19 ý kiến được trả lời, giải quyết.",
        "5. Công tác thi đua, khen thưởng",
        "Năm 2024, Hội LHPN huyện được Trung ương Hội LHPN Việt Nam tặng Bằng khen; Ban Thường vụ Hội LHPN "
        "huyện khen thưởng 14 tập thể và 36 cá nhân có thành tích xuất sắc.",
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
        "1. Phấn đấu kết nạp 550 hội viên mới; 90% cơ sở Hội xếp loại hoàn thành tốt nhiệm vụ trở lên.",
        "2. Hỗ trợ 40 hộ phụ nữ nghèo thoát nghèo; thành lập mới ít nhất 2 hợp tác xã do phụ nữ làm chủ.",
        "3. Chuẩn bị tốt các điều kiện tổ chức Đại hội đại biểu phụ nữ các cấp nhiệm kỳ 2026 - 2031.",
    ],
    recipients=[
        "- Hội LHPN tỉnh (b/c);",
        "- Ban Thường vụ Huyện ủy (b/c);",
        "- 21 cơ sở Hội;",
        "- Lưu VP.",
    ],
    signature=["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "(Đã ký)", "", "Lê Thị Minh Nguyệt"],
    quantities=[
        ("39 văn bản", 39, "văn bản", "exact", "documents_issued", None),
        ("15 kế hoạch", 15, "kế hoạch", "exact", "plans_issued", "39 văn bản"),
        ("8 hướng dẫn", 8, "hướng dẫn", "exact", "guidelines_issued", "39 văn bản"),
        ("16 báo cáo", 16, "báo cáo", "exact", "reports_issued", "39 văn bản"),
        ("1.126 buổi", 1126, "buổi", "exact", "propaganda_campaigns", None),
        ("42.580 lượt hội viên", 42580, "lượt hội viên", "exact", "attendees", None),
        ("356 bài viết", 356, "bài viết", "exact", "social_posts", None),
        ("72.000 lượt tiếp cận", 72000, "lượt tiếp cận", "over", "online_reach", None),
        ("185 nhóm zalo", 185, "nhóm zalo", "exact", "social_channels", None),
        ("4 lớp", 4, "lớp", "exact", "training_classes", None),
        ("386 cán bộ", 386, "cán bộ", "exact", "trainees", None),
        ("103,2%", 103.2, "%", "exact", "plan_completion_pct", None),
        ("12 cán bộ", 12, "cán bộ", "exact", "trainees", None),
        ("21 cơ sở Hội", 21, "cơ sở hội", "exact", "units_count", None),
        ("164 chi hội", 164, "chi hội", "exact", "units_count", None),
        ("14.728 hội viên", 14728, "hội viên", "exact", "members", None),
        ("86,5%", 86.5, "%", "exact", "rate_pct", None),
        ("612 hội viên mới", 612, "hội viên mới", "exact", "new_members", None),
        ("17 cơ sở Hội", 17, "cơ sở hội", "exact", "units_count", "21 cơ sở Hội"),
        ("4 cơ sở Hội", 4, "cơ sở hội", "exact", "units_count", "21 cơ sở Hội"),
        ("96 tổ tiết kiệm", 96, "tổ tiết kiệm", "exact", "units_count", None),
        ("186,4 tỷ đồng", 186400000000, "đồng", "exact", "money_vnd", None),
        ("4.352 hộ", 4352, "hộ", "exact", "other", None),
        ("2 tỷ 350 triệu đồng", 2350000000, "đồng", "exact", "money_vnd", None),
        ("3 hợp tác xã", 3, "hợp tác xã", "exact", "units_count", None),
        ("15 tổ hợp tác", 15, "tổ hợp tác", "exact", "units_count", None),
        ("47 hộ", 47, "hộ", "exact", "other", None),
        ("58 câu lạc bộ", 58, "câu lạc bộ", "exact", "units_count", None),
        ("21 địa chỉ", 21, "địa chỉ", "exact", "units_count", None),
        ("1.240 suất quà", 1240, "suất quà", "exact", "other", None),
        ("620 triệu đồng", 620000000, "đồng", "approx", "money_vnd", None),
        ("35 suất học bổng", 35, "suất học bổng", "exact", "other", None),
        ("3 triệu đồng", 3000000, "đồng", "exact", "money_vnd", None),
        ("2 cuộc giám sát", 2, "cuộc giám sát", "exact", "inspections", None),
        ("5 cuộc giám sát", 5, "cuộc giám sát", "exact", "inspections", None),
        ("23 ý kiến", 23, "ý kiến", "exact", "opinions_reports", None),
        ("19 ý kiến", 19, "ý kiến", "exact", "opinions_reports", None),
        ("14 tập thể", 14, "tập thể", "exact", "commended_collectives", None),
        ("36 cá nhân", 36, "cá nhân", "exact", "commended_individuals", None),
    ],
)

REPORTS = [TUYEN_GIAO, VAN_HOA, NONG_DAN, PHU_NU]


# --- writing the .docx ------------------------------------------------------------------

_SECTION = re.compile(r"^[IVX]+\.\s")
_SUBHEADING = re.compile(r"^\d+\.\s+\D")
_POINT = re.compile(r"^[a-zđ]\)\s")


def _no_borders(table) -> None:
    """Clear every border of a table, as letterheads and signature blocks have none."""
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _widths(table, *widths) -> None:
    """Fixed column widths, in the grid (which LibreOffice reads) and in each cell (which Word reads)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _cell_lines(cell, lines: list[str], bold_upper: bool = True, italic_from: int | None = None) -> None:
    cell.paragraphs[0].text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.font.size = Pt(12)
        run.bold = bold_upper and line.isupper()
        run.italic = italic_from is not None and index >= italic_from


def _write_docx(report: Report, path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)

    letterhead = document.add_table(rows=1, cols=2)
    letterhead.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(letterhead)
    _widths(letterhead, Cm(7.5), Cm(9.5))
    left, right = letterhead.rows[0].cells
    _cell_lines(left, report.left)
    _cell_lines(right, report.right, italic_from=len(report.right) - 1)

    def centred(text: str, bold: bool = True, size: int = 14) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)

    document.add_paragraph()
    centred("BÁO CÁO", size=15)
    for line in report.title:
        centred(line)
    centred("-----", bold=False)
    if report.addressee:
        centred(report.addressee, bold=False)

    for text in report.body:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(6)
        if _SECTION.match(text):
            paragraph.add_run(text).bold = True
        elif text.isupper():  # "PHẦN THỨ NHẤT" and the part's name under it
            paragraph.add_run(text).bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif _SUBHEADING.match(text) and len(text) < 90:
            paragraph.add_run(text).bold = True
        elif _POINT.match(text) and len(text) < 90:
            run = paragraph.add_run(text)
            run.bold, run.italic = True, True
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1.0)
            paragraph.add_run(text)

    document.add_paragraph()
    closing = document.add_table(rows=1, cols=2)
    _no_borders(closing)
    _widths(closing, Cm(8.0), Cm(8.0))
    recipients, signer = closing.rows[0].cells
    first = recipients.paragraphs[0]
    heading = first.add_run("Nơi nhận:")
    heading.bold, heading.italic, heading.font.size = True, True, Pt(12)
    for line in report.recipients:
        paragraph = recipients.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(line).font.size = Pt(11)
    _cell_lines(signer, report.signature)
    properties = document.core_properties
    properties.author = properties.last_modified_by = report.left[1].title()
    properties.title = " ".join(report.title)
    properties.created = properties.modified = datetime(report.year, 12 if report.span == "year" else 6, 1)
    properties.revision = 1
    document.save(path)


def _to_pdf(source: Path, target: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        sys.exit("libreoffice is needed for the .pdf: apt-get install --no-install-recommends libreoffice-writer")
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", work, str(source)], check=True, capture_output=True, timeout=300)
        shutil.copyfile(Path(work) / (source.stem + ".pdf"), target)


# --- gold --------------------------------------------------------------------------------

def _evidence(text: str, wanted: str, start: int) -> tuple[str, int]:
    """The characters of `wanted` in `text` from `start`, any run of whitespace standing for a space."""
    pattern = r"\s+".join(re.escape(word) for word in wanted.split(" "))
    found = re.compile(r"(?<![\w.,/])" + pattern + r"(?!\w)").search(text, start)
    if found is None:
        raise SystemExit(f"not found after {start}: {wanted!r}")
    return found.group(0), found.start()


def _gold(report: Report, path: Path) -> dict:
    text = read_document_bytes(path.read_bytes(), str(path)).text
    quantities, cursor, evidence_of = [], 0, {}
    for wanted, value, noun, qualifier, indicator, parent in report.quantities:
        evidence, at = _evidence(text, wanted, cursor)
        cursor = at + 1
        evidence_of.setdefault(wanted, evidence)
        quantities.append({"value": value, "noun": noun, "qualifier": qualifier, "indicator": indicator,
                           "text": evidence, "part_of": evidence_of[parent] if parent else None})
    return {"doc": path.name, "source": SOURCE, "period": {"year": report.year, "span": report.span},
            "unit": report.unit, "quantities": quantities}


def main() -> None:
    for report in REPORTS:
        target = SAMPLES / f"{report.name}.{report.fmt}"
        if report.fmt == "docx":
            _write_docx(report, target)
        else:
            with tempfile.TemporaryDirectory() as work:
                source = Path(work) / f"{report.name}.docx"
                _write_docx(report, source)
                _to_pdf(source, target)
        gold = _gold(report, target)
        (SAMPLES / f"{report.name}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(gold['quantities'])} quantities")


if __name__ == "__main__":
    main()
