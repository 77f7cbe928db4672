"""Write the project's own sample corpus: invented reports and their gold records.

Run with the project's Python:  .venv/bin/python samples/make_samples.py

Every report below was written for this project (people, figures and meetings are invented;
places are real Vietnamese provinces and districts). Each sample is written in the format named
in its entry (UTF-8 / UTF-8 with BOM / UTF-16 / Windows-1258 text, HTML, DOCX, PDF), and its gold
record (GOLD_FORMAT.md, conventions of dev/notes.md) is written beside it as <stem>.json.

The script is deterministic: re-running it rewrites byte-identical files (fixed DOCX core
properties and zip timestamps, reportlab `invariant=1`). After writing, it reads every file back
and checks that the gold's names, title, author, venue, cluster name, units and legal references
occur in the text that can be extracted from the file.
"""
from __future__ import annotations

import io
import json
import re
import sys
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FIXED_TIME = datetime(2024, 1, 1, 8, 0, 0)


# --------------------------------------------------------------------------------------------
# gold helper
# --------------------------------------------------------------------------------------------
def gold(title, published, author, date, kinds, period, venue, cluster, members, participants,
         ranks, heads, legal_refs):
    """cluster = (name, kind, number); participants = [(name, title, organization)];
    ranks = [(unit, rank, score)]; heads = [(unit, role, year)]."""
    name, kind, number = cluster
    return {
        "title": title,
        "published": published,
        "author": author,
        "meeting": {"date": date, "kinds": list(kinds), "period": period, "venue": venue},
        "cluster": {"name": name, "kind": kind, "number": number},
        "members": list(members),
        "participants": [{"name": n, "title": t, "organization": o} for n, t, o in participants],
        "ranks": [{"unit": u, "rank": r, "score": s} for u, r, s in ranks],
        "heads": [{"unit": u, "role": r, "year": y} for u, r, y in heads],
        "legal_refs": list(legal_refs),
    }


SAMPLES: list[dict] = []


def sample(stem, fmt, text, record, **options):
    SAMPLES.append({"stem": stem, "fmt": fmt, "text": text.strip("\n"), "gold": record, **options})


# --------------------------------------------------------------------------------------------
# 1. Hà Tĩnh, Cụm thi đua số 4: tổng kết + bình xét, "đứng thứ 1/2/3", heads current and next
# --------------------------------------------------------------------------------------------
sample("hatinh_cum4_tongket_2022", "txt", """
Cụm thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2022

Ngày đăng: 21/12/2022

Ngày 19/12/2022, tại Hội trường UBND huyện Hương Khê, Cụm thi đua số 4 tỉnh Hà Tĩnh gồm: thị xã Hồng Lĩnh và các huyện Hương Khê (Cụm trưởng), Vũ Quang (Cụm phó), Hương Sơn, Đức Thọ tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2022 và bình xét thi đua giữa các đơn vị trong cụm.

Dự và chỉ đạo hội nghị có đồng chí Trần Đình Khôi - Phó Chủ tịch UBND tỉnh; ông Phan Văn Lợi, Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh; cùng lãnh đạo UBND, Văn phòng HĐND và UBND, Phòng Nội vụ các huyện, thị xã trong cụm. Đồng chí Lê Quang Hòa - Chủ tịch UBND huyện Hương Khê, Cụm trưởng Cụm thi đua số 4 chủ trì hội nghị.

Năm 2022, các đơn vị trong cụm đã bám sát Kế hoạch số 87/KH-UBND của UBND tỉnh về tổ chức phong trào thi đua năm 2022, cụ thể hóa thành các chỉ tiêu thi đua phù hợp với điều kiện từng địa phương. Trong bối cảnh phục hồi sau dịch COVID-19, giá trị sản xuất của các địa phương đều đạt và vượt kế hoạch; thu ngân sách toàn cụm đạt 127% dự toán; có thêm 14 xã đạt chuẩn nông thôn mới nâng cao, 3 xã đạt chuẩn nông thôn mới kiểu mẫu. Phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” được hưởng ứng sâu rộng, tỷ lệ hộ nghèo toàn cụm giảm còn 2,1%.

Công tác thi đua, khen thưởng có nhiều đổi mới; việc phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến được chú trọng, nhất là người lao động trực tiếp. Các đơn vị duy trì tốt chế độ thông tin, báo cáo và tổ chức nhiều hoạt động giao lưu, học tập kinh nghiệm lẫn nhau. Tuy vậy, một số tiêu chí như giải ngân vốn đầu tư công, chuyển đổi số ở cấp xã còn chậm so với yêu cầu.

Đồng chí Trần Đình Khôi - Phó Chủ tịch UBND tỉnh phát biểu chỉ đạo hội nghị. Ảnh: Minh Hằng

Phát biểu chỉ đạo, đồng chí Trần Đình Khôi ghi nhận những kết quả cụm đạt được, đề nghị các địa phương tập trung tháo gỡ khó khăn trong giải phóng mặt bằng, đẩy nhanh tiến độ các công trình trọng điểm và chuẩn bị tốt các điều kiện để triển khai nhiệm vụ năm 2023 ngay từ đầu năm.

Trên cơ sở kết quả chấm điểm chéo, hội nghị đã bình xét: huyện Hương Sơn đứng thứ 1, huyện Đức Thọ đứng thứ 2, thị xã Hồng Lĩnh đứng thứ 3; thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho huyện Hương Sơn. Hội nghị cũng đã bầu huyện Vũ Quang làm Cụm trưởng, huyện Hương Sơn làm Cụm phó Cụm thi đua số 4 năm 2023.

Minh Hằng
""", gold(
    "Cụm thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2022", "2022-12-21", "Minh Hằng",
    "2022-12-19", ["tong_ket", "cham_diem"], 2022, "Hội trường UBND huyện Hương Khê",
    ("Cụm thi đua số 4", "cum", 4),
    ["thị xã Hồng Lĩnh", "huyện Hương Khê", "huyện Vũ Quang", "huyện Hương Sơn", "huyện Đức Thọ"],
    [("Trần Đình Khôi", "Phó Chủ tịch UBND tỉnh", "UBND tỉnh"),
     ("Phan Văn Lợi", "Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh", "Sở Nội vụ"),
     ("Lê Quang Hòa", "Chủ tịch UBND huyện Hương Khê, Cụm trưởng Cụm thi đua số 4", "UBND huyện Hương Khê")],
    [("huyện Hương Sơn", 1, None), ("huyện Đức Thọ", 2, None), ("thị xã Hồng Lĩnh", 3, None)],
    [("huyện Hương Khê", "truong", 2022), ("huyện Vũ Quang", "pho", 2022),
     ("huyện Vũ Quang", "truong", 2023), ("huyện Hương Sơn", "pho", 2023)],
    ["87/KH-UBND"]))

# --------------------------------------------------------------------------------------------
# 2. Quảng Ninh, Khối thi đua 3: ký kết, date without year + "(09:12 | 18/03/2019)", UTF-8 BOM,
#    PCI "dẫn đầu" distractor
# --------------------------------------------------------------------------------------------
sample("quangninh_khoi3_kyket_2019", "txt", """
Khối thi đua 3 ký kết giao ước thi đua năm 2019

(09:12 | 18/03/2019)

Ngày 15/3, tại Hội trường Sở Tài chính, Khối thi đua 3 - Khối các cơ quan quản lý kinh tế tổng hợp tỉnh Quảng Ninh tổ chức Hội nghị ký kết giao ước thi đua năm 2019.

Dự hội nghị có ông Vũ Ngọc Thạch, Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh; bà Đoàn Thị Mai Hương, Giám đốc Sở Tài chính, Khối trưởng Khối thi đua 3 năm 2019; ông Ngô Văn Quyết, Phó Giám đốc Sở Kế hoạch và Đầu tư - đơn vị khối phó, cùng lãnh đạo và cán bộ làm công tác thi đua, khen thưởng của các đơn vị trong khối.

Khối thi đua 3 gồm 8 đơn vị: Sở Tài chính, Sở Kế hoạch và Đầu tư, Sở Công Thương, Cục Thuế tỉnh, Cục Hải quan Quảng Ninh, Kho bạc Nhà nước Quảng Ninh, Cục Thống kê tỉnh và Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh. Đây là các cơ quan tham mưu trực tiếp cho tỉnh trong điều hành phát triển kinh tế; năm 2018, Quảng Ninh tiếp tục dẫn đầu cả nước về Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), trong đó có sự đóng góp quan trọng của các đơn vị trong khối.

Tại hội nghị, bà Đoàn Thị Mai Hương đã quán triệt Quyết định số 1523/QĐ-UBND ngày 10/5/2018 của UBND tỉnh ban hành Quy chế tổ chức và hoạt động của các cụm, khối thi đua và Hướng dẫn số 02/HD-BTĐKT của Ban Thi đua - Khen thưởng tỉnh về đánh giá thi đua năm 2019. Các đại biểu đã thảo luận, thống nhất nội dung giao ước gồm 4 nhóm tiêu chí: thực hiện nhiệm vụ chính trị, chuyên môn được giao; cải cách hành chính và nâng cao chỉ số hài lòng của tổ chức, công dân; xây dựng tổ chức đảng, đoàn thể trong sạch, vững mạnh; thực hiện công tác thi đua, khen thưởng.

Phát biểu tại hội nghị, ông Vũ Ngọc Thạch đề nghị các đơn vị trong khối bám sát các chỉ tiêu kinh tế - xã hội năm 2019, gắn phong trào thi đua với việc thực hiện chủ đề công tác năm của tỉnh; chú trọng phát hiện, khen thưởng kịp thời tập thể, cá nhân có thành tích xuất sắc, nhất là cán bộ, công chức trực tiếp thực hiện nhiệm vụ.

Kết thúc hội nghị, thủ trưởng 8 đơn vị đã ký kết giao ước thi đua năm 2019, thể hiện quyết tâm cùng nhau hoàn thành xuất sắc nhiệm vụ được giao.

Hồng Nhung (Sở Nội vụ)
""", gold(
    "Khối thi đua 3 ký kết giao ước thi đua năm 2019", "2019-03-18", "Hồng Nhung",
    "2019-03-15", ["ky_ket_giao_uoc"], 2019, "Hội trường Sở Tài chính",
    ("Khối thi đua 3", "khoi", 3),
    ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Cục Thuế tỉnh", "Cục Hải quan Quảng Ninh",
     "Kho bạc Nhà nước Quảng Ninh", "Cục Thống kê tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh Quảng Ninh"],
    [("Vũ Ngọc Thạch", "Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh", "Sở Nội vụ"),
     ("Đoàn Thị Mai Hương", "Giám đốc Sở Tài chính, Khối trưởng Khối thi đua 3 năm 2019", "Sở Tài chính"),
     ("Ngô Văn Quyết", "Phó Giám đốc Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư")],
    [],
    [("Sở Tài chính", "truong", 2019), ("Sở Kế hoạch và Đầu tư", "pho", 2019)],
    ["1523/QĐ-UBND", "02/HD-BTĐKT"]), encoding="utf-8-sig")

# --------------------------------------------------------------------------------------------
# 3. Đắk Lắk, Cụm thi đua số VII (Roman numeral), Hội Nông dân: tổng kết held in January
#    without year and without publication date (period rule -> N+1), "dẫn đầu", handover
# --------------------------------------------------------------------------------------------
sample("daklak_cumVII_hoinongdan_tongket_2021", "txt", """
Cụm thi đua số VII Hội Nông dân các tỉnh Tây Nguyên tổng kết năm 2021

Ngày 12/1, tại Hội trường Hội Nông dân tỉnh Đắk Lắk, Cụm thi đua số VII Hội Nông dân các tỉnh Tây Nguyên tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 và ký kết giao ước thi đua năm 2022. Cụm thi đua số VII gồm Hội Nông dân 5 tỉnh: Đắk Lắk, Đắk Nông, Gia Lai, Kon Tum và Lâm Đồng.

Dự và chỉ đạo hội nghị có đồng chí Đinh Khắc Lâm - Ủy viên Đoàn Chủ tịch - Trưởng Ban Kiểm tra Trung ương Hội Nông dân Việt Nam. Ông Nguyễn Hữu Tài, Chủ tịch Hội Nông dân tỉnh Đắk Lắk, Cụm trưởng Cụm thi đua số VII năm 2021 chủ trì hội nghị; bà H'Luyến Niê, Phó Chủ tịch Hội Nông dân tỉnh Đắk Lắk trình bày báo cáo tổng kết.

Năm 2021, dù chịu ảnh hưởng nặng nề của dịch COVID-19, các cấp Hội trong cụm đã bám sát Kết luận số 61-KL/TW của Ban Bí thư, chủ động đổi mới nội dung, phương thức hoạt động. Toàn cụm kết nạp mới hơn 21.000 hội viên; có trên 186.000 hộ đăng ký, 97.500 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp; nguồn vốn Quỹ Hỗ trợ nông dân tăng 8,6%, giúp hàng nghìn hộ hội viên phát triển sản xuất. Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với phong trào nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững.

Qua bình xét, Hội Nông dân tỉnh Gia Lai được các đơn vị thống nhất suy tôn là đơn vị dẫn đầu Cụm thi đua số VII năm 2021, đề nghị Trung ương Hội tặng Cờ thi đua.

Phát biểu chỉ đạo, đồng chí Đinh Khắc Lâm đánh giá cao tinh thần đoàn kết, chia sẻ kinh nghiệm giữa các tỉnh trong cụm, đồng thời lưu ý cụm tiếp tục nâng cao chất lượng tiêu chí thi đua, tăng cường kiểm tra chéo, tránh hình thức.

Tại hội nghị, các đơn vị đã ký kết giao ước thi đua năm 2022; Hội Nông dân tỉnh Đắk Lắk bàn giao nhiệm vụ Cụm trưởng cho Hội Nông dân tỉnh Lâm Đồng; Hội Nông dân tỉnh Kon Tum được bầu làm Cụm phó năm 2022.

Tin, ảnh: NGỌC LAN
""", gold(
    "Cụm thi đua số VII Hội Nông dân các tỉnh Tây Nguyên tổng kết năm 2021", None, "NGỌC LAN",
    "2022-01-12", ["tong_ket", "cham_diem", "ky_ket_giao_uoc"], 2021, "Hội trường Hội Nông dân tỉnh Đắk Lắk",
    ("Cụm thi đua số VII", "cum", 7),
    ["Đắk Lắk", "Đắk Nông", "Gia Lai", "Kon Tum", "Lâm Đồng"],
    [("Đinh Khắc Lâm", "Ủy viên Đoàn Chủ tịch, Trưởng Ban Kiểm tra Trung ương Hội Nông dân Việt Nam",
      "Ban Kiểm tra Trung ương Hội Nông dân Việt Nam"),
     ("Nguyễn Hữu Tài", "Chủ tịch Hội Nông dân tỉnh Đắk Lắk, Cụm trưởng Cụm thi đua số VII năm 2021",
      "Hội Nông dân tỉnh Đắk Lắk"),
     ("H'Luyến Niê", "Phó Chủ tịch Hội Nông dân tỉnh Đắk Lắk", "Hội Nông dân tỉnh Đắk Lắk")],
    [("Hội Nông dân tỉnh Gia Lai", 1, None)],
    [("Hội Nông dân tỉnh Đắk Lắk", "truong", 2021), ("Hội Nông dân tỉnh Lâm Đồng", "truong", 2022),
     ("Hội Nông dân tỉnh Kon Tum", "pho", 2022)],
    ["61-KL/TW"]))

# --------------------------------------------------------------------------------------------
# 4. Hà Giang, Cụm thi đua số 4 Bộ Công an: "Công an các tỉnh: A, B, C", ranks before names,
#    title before a name, Windows-1258 with CRLF, no publication date (period rule -> N)
# --------------------------------------------------------------------------------------------
sample("hagiang_cum4_congan_tongket_2023_cp1258", "txt", """
Cụm thi đua số 4, Bộ Công an tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2023

Sáng 18/12, tại Hội trường Công an tỉnh Hà Giang, Cụm thi đua số 4, Bộ Công an gồm Công an các tỉnh: Hà Giang, Tuyên Quang, Yên Bái, Lạng Sơn, Bắc Kạn và Thái Nguyên tổ chức Hội nghị tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2023.

Dự và chỉ đạo hội nghị có Thiếu tướng Vương Đình Nghĩa, Cục trưởng Cục Công tác đảng và công tác chính trị, Bộ Công an; Phó Chủ tịch UBND tỉnh Hà Giang Lục Văn Sinh. Đại tá Hoàng Minh Tuấn, Giám đốc Công an tỉnh Hà Giang, Cụm trưởng Cụm thi đua số 4 chủ trì hội nghị.

Năm 2023, Công an các tỉnh trong cụm đã bám sát Hướng dẫn số 18/HD-X03 của Cục Công tác đảng và công tác chính trị về tổ chức phong trào thi đua, cụ thể hóa thành các chỉ tiêu, khẩu hiệu hành động phù hợp với đặc điểm địa bàn biên giới, miền núi. Lực lượng Công an đã chủ động nắm chắc tình hình, giữ vững an ninh chính trị, trật tự an toàn xã hội; kéo giảm 7,8% số vụ phạm pháp hình sự, tỷ lệ điều tra khám phá án đạt trên 90%; triệt phá nhiều đường dây mua bán người, vận chuyển trái phép chất ma túy qua biên giới. Việc triển khai Đề án 06 của Chính phủ được đẩy mạnh, dữ liệu dân cư được làm sạch, cập nhật thường xuyên.

Phong trào “Toàn dân bảo vệ an ninh Tổ quốc” tiếp tục được đổi mới; nhiều mô hình tự quản về an ninh, trật tự ở thôn, bản vùng cao phát huy hiệu quả. Công tác xây dựng Công an xã chính quy được quan tâm, góp phần đưa lực lượng bám sát cơ sở.

Phát biểu chỉ đạo, Thiếu tướng Vương Đình Nghĩa biểu dương những kết quả nổi bật của các đơn vị, đề nghị cụm tiếp tục đổi mới nội dung, hình thức thi đua, chú trọng phát hiện, bồi dưỡng điển hình tiên tiến trong lực lượng Công an xã.

Tại hội nghị, Công an tỉnh Thái Nguyên được các đơn vị trong cụm bình xét, suy tôn là đơn vị dẫn đầu phong trào thi đua “Vì an ninh Tổ quốc” năm 2023. Công an tỉnh Hà Giang đã bàn giao đơn vị Cụm trưởng năm 2024 cho Công an tỉnh Tuyên Quang; Công an tỉnh Lạng Sơn được bầu làm Cụm phó năm 2024.

Đức Thịnh
""", gold(
    "Cụm thi đua số 4, Bộ Công an tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2023", None, "Đức Thịnh",
    "2023-12-18", ["tong_ket", "cham_diem"], 2023, "Hội trường Công an tỉnh Hà Giang",
    ("Cụm thi đua số 4", "cum", 4),
    ["Hà Giang", "Tuyên Quang", "Yên Bái", "Lạng Sơn", "Bắc Kạn", "Thái Nguyên"],
    [("Vương Đình Nghĩa", "Cục trưởng Cục Công tác đảng và công tác chính trị, Bộ Công an",
      "Cục Công tác đảng và công tác chính trị"),
     ("Lục Văn Sinh", "Phó Chủ tịch UBND tỉnh Hà Giang", "UBND tỉnh Hà Giang"),
     ("Hoàng Minh Tuấn", "Giám đốc Công an tỉnh Hà Giang, Cụm trưởng Cụm thi đua số 4", "Công an tỉnh Hà Giang")],
    [("Công an tỉnh Thái Nguyên", 1, None)],
    [("Công an tỉnh Hà Giang", "truong", 2023), ("Công an tỉnh Tuyên Quang", "truong", 2024),
     ("Công an tỉnh Lạng Sơn", "pho", 2024)],
    ["18/HD-X03"]), encoding="cp1258", newline="\r\n")

# --------------------------------------------------------------------------------------------
# 5. Sóc Trăng, Khối thi đua các cơ quan Đảng tỉnh (unnumbered khối): HTML page with furniture,
#    list of attendees "Dự hội nghị có các đồng chí: A - ...; B - ...", "xếp thứ hai/ba"
# --------------------------------------------------------------------------------------------
sample("soctrang_khoi_dang_tongket_2020", "html", """
Khối thi đua các cơ quan Đảng tỉnh tổng kết, bình xét thi đua năm 2020

Thứ Sáu, 25/12/2020 - 15:40

Chiều 23/12, tại Hội trường Ban Tổ chức Tỉnh ủy, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2020 và bình xét thi đua giữa các đơn vị trong khối.

Dự hội nghị có các đồng chí: Lâm Văn Khởi - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy, Khối trưởng Khối thi đua các cơ quan Đảng tỉnh; Sơn Thị Ngọc Hân - Phó Trưởng Ban Dân vận Tỉnh ủy; Trần Quốc Bình - Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh.

Khối thi đua các cơ quan Đảng tỉnh gồm 7 đơn vị: Ban Tổ chức Tỉnh ủy (Khối trưởng), Ủy ban Kiểm tra Tỉnh ủy (Khối phó), Ban Tuyên giáo Tỉnh ủy, Ban Dân vận Tỉnh ủy, Ban Nội chính Tỉnh ủy, Văn phòng Tỉnh ủy và Trường Chính trị tỉnh.

Năm 2020, các đơn vị trong khối đã tập trung tham mưu Tỉnh ủy tổ chức thành công Đại hội đại biểu Đảng bộ tỉnh lần thứ XIV, nhiệm kỳ 2020 - 2025; triển khai thực hiện Kế hoạch số 45-KH/TU của Tỉnh ủy về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” được hưởng ứng rộng rãi; 100% đơn vị hoàn thành tốt và hoàn thành xuất sắc nhiệm vụ được giao.

Đồng chí Lâm Văn Khởi phát biểu tại hội nghị. Ảnh: K.N

Qua chấm điểm, bình xét, Ủy ban Kiểm tra Tỉnh ủy được suy tôn là đơn vị dẫn đầu khối; Ban Dân vận Tỉnh ủy xếp thứ hai; Văn phòng Tỉnh ủy xếp thứ ba. Khối thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Ủy ban Kiểm tra Tỉnh ủy.

Phát biểu tại hội nghị, đồng chí Lâm Văn Khởi đề nghị các đơn vị tiếp tục đổi mới phương thức tham mưu, nâng cao chất lượng công tác thi đua, khen thưởng, gắn với thực hiện Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025.

Hội nghị thống nhất giới thiệu Ủy ban Kiểm tra Tỉnh ủy làm Khối trưởng, Ban Tuyên giáo Tỉnh ủy làm Khối phó năm 2021.

Khánh Ngọc
""", gold(
    "Khối thi đua các cơ quan Đảng tỉnh tổng kết, bình xét thi đua năm 2020", "2020-12-25", "Khánh Ngọc",
    "2020-12-23", ["tong_ket", "cham_diem"], 2020, "Hội trường Ban Tổ chức Tỉnh ủy",
    ("Khối thi đua các cơ quan Đảng tỉnh", "khoi", None),
    ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy",
     "Ban Nội chính Tỉnh ủy", "Văn phòng Tỉnh ủy", "Trường Chính trị tỉnh"],
    [("Lâm Văn Khởi", "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy, Khối trưởng Khối thi đua các cơ quan Đảng tỉnh",
      "Ban Tổ chức Tỉnh ủy"),
     ("Sơn Thị Ngọc Hân", "Phó Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy"),
     ("Trần Quốc Bình", "Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh", "Sở Nội vụ")],
    [("Ủy ban Kiểm tra Tỉnh ủy", 1, None), ("Ban Dân vận Tỉnh ủy", 2, None), ("Văn phòng Tỉnh ủy", 3, None)],
    [("Ban Tổ chức Tỉnh ủy", "truong", 2020), ("Ủy ban Kiểm tra Tỉnh ủy", "pho", 2020),
     ("Ủy ban Kiểm tra Tỉnh ủy", "truong", 2021), ("Ban Tuyên giáo Tỉnh ủy", "pho", 2021)],
    ["45-KH/TU"]),
    caption="Đồng chí Lâm Văn Khởi phát biểu tại hội nghị. Ảnh: K.N")

# --------------------------------------------------------------------------------------------
# 6. Thái Bình, Cụm thi đua số 3: sơ kết 6 tháng, "Ngày: 25.07.2018", "UBND các huyện: A, B",
#    "- đơn vị cụm phó" descriptor, "(Ảnh: ...)" credit, Chỉ thị 05-CT/TW
# --------------------------------------------------------------------------------------------
sample("thaibinh_cum3_soket_6thang_2018", "txt", """
Cụm thi đua số 3 sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2018

Ngày: 25.07.2018

Ngày 20/7/2018, tại Nhà văn hóa trung tâm huyện Vũ Thư, Cụm thi đua số 3 tỉnh Thái Bình tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm và bàn phương hướng nhiệm vụ 6 tháng cuối năm 2018. Cụm thi đua số 3 gồm UBND các huyện: Vũ Thư, Kiến Xương, Tiền Hải và UBND thành phố Thái Bình.

Dự hội nghị có các đồng chí: Nguyễn Thị Thu Trang - Phó Trưởng Ban Thi đua - Khen thưởng tỉnh; Phạm Đức Huân - Phó Bí thư Thường trực Huyện ủy Vũ Thư; Bùi Văn Mạnh - Chủ tịch UBND huyện Vũ Thư, Cụm trưởng Cụm thi đua số 3; Đỗ Thị Hương - Phó Chủ tịch UBND huyện Kiến Xương - đơn vị cụm phó; cùng lãnh đạo Văn phòng HĐND và UBND, Phòng Nội vụ các đơn vị trong cụm.

6 tháng đầu năm 2018, các địa phương trong cụm đã triển khai thực hiện nghiêm túc Quyết định số 1340/QĐ-UBND của UBND tỉnh về ban hành kế hoạch tổ chức phong trào thi đua năm 2018; gắn phong trào thi đua với việc thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Giá trị sản xuất nông nghiệp, thủy sản toàn cụm tăng 3,2% so với cùng kỳ; thu ngân sách đạt 61% dự toán; có thêm 9 xã hoàn thành các tiêu chí nông thôn mới. Nhiều mô hình hay như “Dân vận khéo”, “Khu dân cư kiểu mẫu” được nhân rộng.

Đồng chí Phạm Đức Huân phát biểu tại hội nghị. (Ảnh: Quang Huy)

Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế: tiến độ giải ngân vốn đầu tư công ở một số đơn vị còn chậm; việc phát hiện, biểu dương điển hình tiên tiến chưa thường xuyên; chế độ báo cáo thi đua của một số xã chưa đúng thời hạn.

Phát biểu tại hội nghị, đồng chí Nguyễn Thị Thu Trang đề nghị các đơn vị trong cụm tập trung hoàn thành các chỉ tiêu đã đăng ký, chuẩn bị tốt nội dung cho hội nghị tổng kết năm và tiếp tục lan tỏa tinh thần Lời kêu gọi thi đua ái quốc của Chủ tịch Hồ Chí Minh trong cán bộ, công chức và nhân dân.

Thu Hà
""", gold(
    "Cụm thi đua số 3 sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2018", "2018-07-25", "Thu Hà",
    "2018-07-20", ["so_ket"], 2018, "Nhà văn hóa trung tâm huyện Vũ Thư",
    ("Cụm thi đua số 3", "cum", 3),
    ["Vũ Thư", "Kiến Xương", "Tiền Hải", "UBND thành phố Thái Bình"],
    [("Nguyễn Thị Thu Trang", "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh", "Ban Thi đua - Khen thưởng tỉnh"),
     ("Phạm Đức Huân", "Phó Bí thư Thường trực Huyện ủy Vũ Thư", "Huyện ủy Vũ Thư"),
     ("Bùi Văn Mạnh", "Chủ tịch UBND huyện Vũ Thư, Cụm trưởng Cụm thi đua số 3", "UBND huyện Vũ Thư"),
     ("Đỗ Thị Hương", "Phó Chủ tịch UBND huyện Kiến Xương", "UBND huyện Kiến Xương")],
    [],
    [("UBND huyện Vũ Thư", "truong", 2018), ("UBND huyện Kiến Xương", "pho", 2018)],
    ["1340/QĐ-UBND", "05-CT/TW"]))

# --------------------------------------------------------------------------------------------
# 7. Bình Định, Cụm thi đua số 2: triển khai/phát động, "Cập nhật: 05-03-2024", title before name,
#    "Bà X đại diện Ban Thi đua - Khen thưởng tỉnh", Kế hoạch 12/KH-CTTĐ
# --------------------------------------------------------------------------------------------
sample("binhdinh_cum2_trienkhai_2024", "txt", """
Cụm thi đua số 2 triển khai nhiệm vụ, phát động phong trào thi đua năm 2024

Cập nhật: 05-03-2024

Ngày 1/3, tại Hội trường UBND thị xã Hoài Nhơn, Cụm thi đua số 2 tỉnh Bình Định (gồm thị xã Hoài Nhơn và các huyện Hoài Ân, Phù Mỹ, Phù Cát, An Lão) tổ chức hội nghị triển khai Kế hoạch 12/KH-CTTĐ về hoạt động của cụm và phát động phong trào thi đua năm 2024.

Phó Chủ tịch UBND thị xã Hoài Nhơn Trần Văn Bình chủ trì hội nghị. Bà Nguyễn Thị Kim Yến đại diện Ban Thi đua - Khen thưởng tỉnh dự và hướng dẫn nghiệp vụ. Cùng dự có lãnh đạo UBND, Phòng Nội vụ và công chức làm công tác thi đua, khen thưởng của 5 địa phương trong cụm.

Năm 2024, thị xã Hoài Nhơn là đơn vị Cụm trưởng, huyện Phù Mỹ là đơn vị Cụm phó. Theo kế hoạch, cụm tập trung thi đua hoàn thành các chỉ tiêu phát triển kinh tế - xã hội năm 2024 theo Quyết định số 4125/QĐ-UBND của UBND tỉnh; đẩy mạnh phong trào “Bình Định chung sức xây dựng nông thôn mới” và “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”; thực hiện có hiệu quả chương trình chuyển đổi số, cải cách hành chính, nâng cao mức độ hài lòng của người dân.

Hội nghị cũng thống nhất bộ tiêu chí thi đua gồm 5 nhóm nội dung với thang điểm 100, trong đó điểm thưởng dành cho các đơn vị có mô hình mới, cách làm sáng tạo được tỉnh công nhận. Kết quả thực hiện sẽ được đánh giá công khai, dân chủ vào cuối năm trên cơ sở số liệu thẩm định của các sở, ngành.

Phát biểu tại hội nghị, Phó Chủ tịch UBND thị xã Hoài Nhơn Trần Văn Bình đề nghị các địa phương sớm cụ thể hóa kế hoạch của cụm, gắn phong trào thi đua với các hoạt động kỷ niệm 76 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc; thường xuyên trao đổi thông tin, học tập kinh nghiệm giữa các đơn vị. Bà Nguyễn Thị Kim Yến hướng dẫn một số điểm mới về hồ sơ, thủ tục đề nghị khen thưởng theo Luật Thi đua, khen thưởng năm 2022 và Nghị định số 98/2023/NĐ-CP của Chính phủ.

Minh Nhật
""", gold(
    "Cụm thi đua số 2 triển khai nhiệm vụ, phát động phong trào thi đua năm 2024", "2024-03-05", "Minh Nhật",
    "2024-03-01", ["trien_khai"], 2024, "Hội trường UBND thị xã Hoài Nhơn",
    ("Cụm thi đua số 2", "cum", 2),
    ["thị xã Hoài Nhơn", "huyện Hoài Ân", "huyện Phù Mỹ", "huyện Phù Cát", "huyện An Lão"],
    [("Trần Văn Bình", "Phó Chủ tịch UBND thị xã Hoài Nhơn", "UBND thị xã Hoài Nhơn"),
     ("Nguyễn Thị Kim Yến", None, "Ban Thi đua - Khen thưởng tỉnh")],
    [],
    [("thị xã Hoài Nhơn", "truong", 2024), ("huyện Phù Mỹ", "pho", 2024)],
    ["12/KH-CTTĐ", "4125/QĐ-UBND", "98/2023/NĐ-CP"]))

# --------------------------------------------------------------------------------------------
# 8. Lâm Đồng, Khối thi đua các Hội đặc thù tỉnh: handover ceremony (khac),
#    "Ngày 05 tháng 01 năm 2017", "bàn giao vị trí khối trưởng cho ..."
# --------------------------------------------------------------------------------------------
sample("lamdong_khoi_hoidacthu_bangiao_2017", "txt", """
Bàn giao nhiệm vụ Khối trưởng Khối thi đua các Hội đặc thù tỉnh năm 2017

Ngày 05 tháng 01 năm 2017, tại trụ sở Hội Chữ thập đỏ tỉnh Lâm Đồng, Hội Luật gia tỉnh - đơn vị Khối trưởng năm 2016 đã tổ chức bàn giao vị trí khối trưởng Khối thi đua các Hội đặc thù tỉnh cho Hội Chữ thập đỏ tỉnh.

Tham dự buổi bàn giao có ông Trương Văn Tám, Phó Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ; bà Phạm Thị Hồng Vân, Chủ tịch Hội Chữ thập đỏ tỉnh; ông Đặng Trí Dũng, Chủ tịch Hội Luật gia tỉnh cùng lãnh đạo các hội thành viên trong khối.

Khối thi đua các Hội đặc thù tỉnh gồm 7 đơn vị: Hội Chữ thập đỏ tỉnh, Hội Luật gia tỉnh, Hội Nhà báo tỉnh, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh, Hội Văn học nghệ thuật tỉnh, Hội Người mù tỉnh và Hội Đông y tỉnh. Theo Quyết định số 2210/QĐ-UBND ngày 14/10/2015 của UBND tỉnh, các đơn vị trong khối luân phiên làm khối trưởng, khối phó hằng năm; đơn vị khối trưởng có nhiệm vụ xây dựng kế hoạch, điều hành hoạt động của khối, tổ chức ký kết giao ước thi đua, sơ kết, tổng kết và bình xét thi đua.

Tại buổi lễ, ông Đặng Trí Dũng đã bàn giao cho bà Phạm Thị Hồng Vân toàn bộ hồ sơ của khối gồm: quy chế hoạt động, bảng tiêu chí thi đua, sổ theo dõi hoạt động, biên bản các cuộc họp năm 2016 và cờ luân lưu của khối. Năm 2016, dưới sự điều hành của Hội Luật gia tỉnh, khối đã tổ chức nhiều hoạt động giao lưu, trợ giúp pháp lý, hiến máu tình nguyện và khám bệnh, cấp thuốc miễn phí cho đồng bào dân tộc thiểu số ở các huyện Lạc Dương, Đam Rông.

Phát biểu nhận nhiệm vụ, bà Phạm Thị Hồng Vân cảm ơn sự tín nhiệm của các hội thành viên và cho biết Hội Chữ thập đỏ tỉnh sẽ phối hợp chặt chẽ với Hội Nhà báo tỉnh - đơn vị khối phó năm 2017 sớm xây dựng kế hoạch hoạt động, chuẩn bị hội nghị ký kết giao ước thi đua năm 2017 trong quý I.

Ông Trương Văn Tám ghi nhận những đóng góp của Hội Luật gia tỉnh trong vai trò khối trưởng năm 2016, đề nghị đơn vị khối trưởng mới tiếp tục phát huy tinh thần đoàn kết, đổi mới hình thức hoạt động, gắn thi đua với nhiệm vụ chính trị của từng hội.

Hoàng Yến
""", gold(
    "Bàn giao nhiệm vụ Khối trưởng Khối thi đua các Hội đặc thù tỉnh năm 2017", None, "Hoàng Yến",
    "2017-01-05", ["khac"], 2017, "trụ sở Hội Chữ thập đỏ tỉnh Lâm Đồng",
    ("Khối thi đua các Hội đặc thù tỉnh", "khoi", None),
    ["Hội Chữ thập đỏ tỉnh", "Hội Luật gia tỉnh", "Hội Nhà báo tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
     "Hội Văn học nghệ thuật tỉnh", "Hội Người mù tỉnh", "Hội Đông y tỉnh"],
    [("Trương Văn Tám", "Phó Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ", "Ban Thi đua - Khen thưởng"),
     ("Phạm Thị Hồng Vân", "Chủ tịch Hội Chữ thập đỏ tỉnh", "Hội Chữ thập đỏ tỉnh"),
     ("Đặng Trí Dũng", "Chủ tịch Hội Luật gia tỉnh", "Hội Luật gia tỉnh")],
    [],
    [("Hội Luật gia tỉnh", "truong", 2016), ("Hội Chữ thập đỏ tỉnh", "truong", 2017),
     ("Hội Nhà báo tỉnh", "pho", 2017)],
    ["2210/QĐ-UBND"]))

# --------------------------------------------------------------------------------------------
# 9. Thừa Thiên Huế, unnumbered Cụm thi đua Khối Mặt trận, đoàn thể huyện Phú Vang: chấm điểm,
#    "Nhất cụm: ...; Nhì cụm: ...; Ba cụm: ..." with scores, "Cập nhật: 22-01-2016", date
#    without year, byline "Name - Organisation", "Hướng dẫn số 05" without symbol
# --------------------------------------------------------------------------------------------
sample("hue_cum_matran_doanthe_chamdiem_2015", "txt", """
Cụm thi đua Khối Mặt trận, đoàn thể huyện Phú Vang chấm điểm thi đua năm 2015

Cập nhật: 22-01-2016

Ngày 15/1, tại Hội trường Huyện ủy Phú Vang, Cụm thi đua Khối Mặt trận, đoàn thể huyện Phú Vang tổ chức hội nghị chấm điểm, bình xét thi đua năm 2015.

Dự hội nghị có bà Hoàng Thị Thu Sương - Phó Trưởng Ban Dân vận Huyện ủy; ông Nguyễn Đăng Khoa - Trưởng phòng Nội vụ huyện. Đồng chí Phan Văn Lộc - Chủ tịch Ủy ban MTTQ Việt Nam huyện, Cụm trưởng chủ trì hội nghị.

Cụm gồm 6 đơn vị: Ủy ban MTTQ Việt Nam huyện (Cụm trưởng), Hội Nông dân huyện (Cụm phó), Liên đoàn Lao động huyện, Hội Liên hiệp Phụ nữ huyện, Huyện đoàn và Hội Cựu chiến binh huyện. Căn cứ Quyết định số 38/2015/QĐ-UBND của UBND tỉnh và Hướng dẫn số 05 của Hội đồng Thi đua - Khen thưởng huyện, từng đơn vị trình bày bảng tự chấm điểm, các đơn vị còn lại góp ý, chấm chéo công khai.

Bảng điểm gồm 4 nhóm tiêu chí với tổng số 100 điểm: thực hiện nhiệm vụ chính trị, chuyên môn (50 điểm); xây dựng tổ chức cơ sở Đảng, đoàn thể vững mạnh (20 điểm); công tác thi đua, khen thưởng (20 điểm); điểm thưởng cho mô hình mới, cách làm hay (10 điểm). Những tiêu chí còn ý kiến khác nhau đều được đưa ra thảo luận, biểu quyết ngay tại hội nghị, bảo đảm khách quan, dân chủ.

Kết quả chấm điểm: Nhất cụm: Hội Liên hiệp Phụ nữ huyện (97,5 điểm); Nhì cụm: Hội Nông dân huyện (96 điểm); Ba cụm: Huyện đoàn (94,75 điểm). Cụm thống nhất đề nghị UBND huyện tặng Giấy khen cho ba đơn vị trên.

Bà Hoàng Thị Thu Sương ghi nhận tinh thần làm việc nghiêm túc, thẳng thắn của các đơn vị, đồng thời lưu ý cụm cần rút kinh nghiệm trong việc xây dựng thang điểm sát với đặc thù từng tổ chức, tránh chấm điểm cảm tính.

Hội nghị đã bầu Hội Nông dân huyện làm Cụm trưởng, Liên đoàn Lao động huyện làm Cụm phó năm 2016.

Hoài Thương - Ban Dân vận Huyện ủy Phú Vang
""", gold(
    "Cụm thi đua Khối Mặt trận, đoàn thể huyện Phú Vang chấm điểm thi đua năm 2015", "2016-01-22", "Hoài Thương",
    "2016-01-15", ["cham_diem"], 2015, "Hội trường Huyện ủy Phú Vang",
    ("Cụm thi đua Khối Mặt trận, đoàn thể huyện Phú Vang", "cum", None),
    ["Ủy ban MTTQ Việt Nam huyện", "Hội Nông dân huyện", "Liên đoàn Lao động huyện", "Hội Liên hiệp Phụ nữ huyện",
     "Huyện đoàn", "Hội Cựu chiến binh huyện"],
    [("Hoàng Thị Thu Sương", "Phó Trưởng Ban Dân vận Huyện ủy", "Ban Dân vận Huyện ủy"),
     ("Nguyễn Đăng Khoa", "Trưởng phòng Nội vụ huyện", "Phòng Nội vụ huyện"),
     ("Phan Văn Lộc", "Chủ tịch Ủy ban MTTQ Việt Nam huyện, Cụm trưởng", "Ủy ban MTTQ Việt Nam huyện")],
    [("Hội Liên hiệp Phụ nữ huyện", 1, 97.5), ("Hội Nông dân huyện", 2, 96), ("Huyện đoàn", 3, 94.75)],
    [("Ủy ban MTTQ Việt Nam huyện", "truong", 2015), ("Hội Nông dân huyện", "pho", 2015),
     ("Hội Nông dân huyện", "truong", 2016), ("Liên đoàn Lao động huyện", "pho", 2016)],
    ["38/2015/QĐ-UBND"]))

# --------------------------------------------------------------------------------------------
# 10. Cần Thơ, Cụm thi đua số 1: UTF-16 with BOM and CRLF, "gồm 5 quận: A, B", hạng Nhất/Nhì/Ba,
#     PCI "xếp thứ 15/63" distractor, "đại diện đơn vị Cụm trưởng" dropped from the title
# --------------------------------------------------------------------------------------------
sample("cantho_cum1_tongket_2019_utf16", "txt", """
Cụm thi đua số 1 tổng kết năm 2019, ký kết giao ước thi đua năm 2020

Thứ Bảy, 04/01/2020 08:30

Ngày 27/12/2019, tại Hội trường UBND quận Ninh Kiều, Cụm thi đua số 1 thành phố Cần Thơ tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2019 và ký kết giao ước thi đua năm 2020. Cụm thi đua số 1 gồm 5 quận: Ninh Kiều, Bình Thủy, Cái Răng, Ô Môn và Thốt Nốt.

Đến dự hội nghị có đồng chí Trương Quang Hiển - Phó Chủ tịch UBND thành phố; bà Nguyễn Thị Bích Tuyền, Phó Trưởng Ban Thi đua - Khen thưởng thành phố. Chủ tịch UBND quận Ninh Kiều Huỳnh Văn Phước, đại diện đơn vị Cụm trưởng, trình bày báo cáo tổng kết hoạt động của cụm.

Năm 2019, các quận trong cụm đã cụ thể hóa Kế hoạch số 09/KH-UBND của UBND thành phố về tổ chức phong trào thi đua yêu nước, tập trung vào các chỉ tiêu chỉnh trang đô thị, cải cách hành chính và an sinh xã hội. Tổng thu ngân sách trên địa bàn các quận đạt 112% dự toán; 100% phường đạt chuẩn văn minh đô thị; tỷ lệ hồ sơ hành chính giải quyết đúng hạn đạt trên 98%. Phong trào “Chung tay xây dựng đô thị văn minh, sạch đẹp” thu hút đông đảo người dân tham gia.

Phát biểu tại hội nghị, đồng chí Trương Quang Hiển cho biết năm 2019 Cần Thơ xếp thứ 15/63 tỉnh, thành phố về Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), tăng nhiều bậc so với năm trước, trong đó có đóng góp quan trọng của các quận trung tâm. Đồng chí đề nghị cụm tiếp tục đổi mới cách thức thi đua, tập trung cải thiện môi trường đầu tư, kinh doanh.

Qua bình xét, quận Ninh Kiều đạt hạng Nhất, quận Cái Răng đạt hạng Nhì và quận Bình Thủy đạt hạng Ba của cụm; hội nghị thống nhất đề nghị UBND thành phố tặng Cờ thi đua cho quận Ninh Kiều.

Hội nghị đã bầu quận Cái Răng làm Cụm trưởng, quận Ô Môn làm Cụm phó năm 2020. Kết thúc hội nghị, lãnh đạo 5 quận đã ký kết giao ước thi đua năm 2020.

Ngọc Hân
""", gold(
    "Cụm thi đua số 1 tổng kết năm 2019, ký kết giao ước thi đua năm 2020", "2020-01-04", "Ngọc Hân",
    "2019-12-27", ["tong_ket", "cham_diem", "ky_ket_giao_uoc"], 2019, "Hội trường UBND quận Ninh Kiều",
    ("Cụm thi đua số 1", "cum", 1),
    ["Ninh Kiều", "Bình Thủy", "Cái Răng", "Ô Môn", "Thốt Nốt"],
    [("Trương Quang Hiển", "Phó Chủ tịch UBND thành phố", "UBND thành phố"),
     ("Nguyễn Thị Bích Tuyền", "Phó Trưởng Ban Thi đua - Khen thưởng thành phố", "Ban Thi đua - Khen thưởng thành phố"),
     ("Huỳnh Văn Phước", "Chủ tịch UBND quận Ninh Kiều", "UBND quận Ninh Kiều")],
    [("quận Ninh Kiều", 1, None), ("quận Cái Răng", 2, None), ("quận Bình Thủy", 3, None)],
    [("UBND quận Ninh Kiều", "truong", 2019), ("quận Cái Răng", "truong", 2020), ("quận Ô Môn", "pho", 2020)],
    ["09/KH-UBND"]), encoding="utf-16", newline="\r\n")

# --------------------------------------------------------------------------------------------
# 11. Nghệ An, Cụm thi đua số 5: DOCX minutes with a ranking table, header and footer
# --------------------------------------------------------------------------------------------
MINUTES_TABLE = [
    ("STT", "Đơn vị", "Tổng điểm", "Xếp hạng"),
    ("1", "UBND huyện Nam Đàn", "96,5", "Nhất"),
    ("2", "UBND huyện Đô Lương", "95,25", "Nhì"),
    ("3", "UBND huyện Hưng Nguyên", "93,0", "Ba"),
    ("4", "UBND huyện Thanh Chương", "91,75", "Thứ tư"),
    ("5", "UBND huyện Anh Sơn", "90,5", "Thứ năm"),
]
sample("nghean_cum5_bienban_chamdiem_2023", "docx_minutes", """
Nam Đàn, ngày 14 tháng 12 năm 2023

BIÊN BẢN HỌP CỤM THI ĐUA SỐ 5

Về việc tổng kết, chấm điểm, bình xét thi đua năm 2023

I. THỜI GIAN, ĐỊA ĐIỂM

Vào hồi 8 giờ 00 phút, ngày 14 tháng 12 năm 2023, tại Phòng họp tầng 2, UBND huyện Nam Đàn, Cụm thi đua số 5 (UBND các huyện Nam Đàn, Hưng Nguyên, Thanh Chương, Đô Lương, Anh Sơn) tổ chức họp tổng kết công tác thi đua, khen thưởng năm 2023, chấm điểm, bình xét thi đua và bầu Cụm trưởng, Cụm phó năm 2024.

II. THÀNH PHẦN

1. Chủ trì: Ông Hoàng Văn Thành - Chủ tịch UBND huyện Nam Đàn, Cụm trưởng Cụm thi đua số 5.

2. Đại biểu: Bà Lê Thị Thanh Hoa - Phó Trưởng Ban Thi đua - Khen thưởng tỉnh Nghệ An.

3. Đại diện các đơn vị thành viên:

- Ông Nguyễn Đình Lực - Phó Chủ tịch UBND huyện Hưng Nguyên (đơn vị Cụm phó);

- Ông Trần Quốc Việt - Phó Chủ tịch UBND huyện Thanh Chương;

- Bà Phan Thị Huyền - Phó Chủ tịch UBND huyện Đô Lương;

- Ông Lô Văn Hải - Phó Chủ tịch UBND huyện Anh Sơn;

- Trưởng phòng Nội vụ và công chức phụ trách công tác thi đua, khen thưởng của 5 huyện.

4. Thư ký: Bà Cao Thị Mai - Chuyên viên Phòng Nội vụ huyện Nam Đàn.

III. NỘI DUNG

1. Đại diện đơn vị Cụm trưởng thông qua báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của Cụm. Năm 2023, 5/5 huyện hoàn thành và hoàn thành vượt mức các chỉ tiêu chủ yếu theo nghị quyết của HĐND; toàn cụm có thêm 21 xã đạt chuẩn nông thôn mới nâng cao, 7 xã đạt chuẩn nông thôn mới kiểu mẫu; thu ngân sách tăng 9,4% so với năm 2022.

2. Các đơn vị chấm điểm chéo theo bảng tiêu chí quy định tại Quyết định số 2615/QĐ-UBND ngày 05/9/2022 của UBND tỉnh và Hướng dẫn số 45/HD-BTĐKT của Ban Thi đua - Khen thưởng tỉnh. Kết quả chấm điểm, xếp hạng như sau:

[TABLE]

3. Cụm thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho UBND huyện Nam Đàn, tặng Bằng khen cho UBND huyện Đô Lương.

4. Bà Lê Thị Thanh Hoa ghi nhận việc chấm điểm được thực hiện nghiêm túc, khách quan; đề nghị Cụm hoàn thiện hồ sơ gửi Ban Thi đua - Khen thưởng tỉnh trước ngày 25/12/2023.

5. Hội nghị thống nhất bầu UBND huyện Đô Lương làm Cụm trưởng, UBND huyện Anh Sơn làm Cụm phó Cụm thi đua số 5 năm 2024 (5/5 đơn vị biểu quyết tán thành).

Cuộc họp kết thúc vào hồi 11 giờ 15 phút cùng ngày. Biên bản đã được thông qua trước các thành viên dự họp và được lập thành 07 bản có giá trị như nhau./.
""", gold(
    "BIÊN BẢN HỌP CỤM THI ĐUA SỐ 5", "2023-12-14", None,
    "2023-12-14", ["tong_ket", "cham_diem"], 2023, "Phòng họp tầng 2, UBND huyện Nam Đàn",
    ("Cụm thi đua số 5", "cum", 5),
    ["UBND huyện Nam Đàn", "UBND huyện Hưng Nguyên", "UBND huyện Thanh Chương", "UBND huyện Đô Lương",
     "UBND huyện Anh Sơn"],
    [("Hoàng Văn Thành", "Chủ tịch UBND huyện Nam Đàn, Cụm trưởng Cụm thi đua số 5", "UBND huyện Nam Đàn"),
     ("Lê Thị Thanh Hoa", "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh Nghệ An", "Ban Thi đua - Khen thưởng tỉnh Nghệ An"),
     ("Nguyễn Đình Lực", "Phó Chủ tịch UBND huyện Hưng Nguyên", "UBND huyện Hưng Nguyên"),
     ("Trần Quốc Việt", "Phó Chủ tịch UBND huyện Thanh Chương", "UBND huyện Thanh Chương"),
     ("Phan Thị Huyền", "Phó Chủ tịch UBND huyện Đô Lương", "UBND huyện Đô Lương"),
     ("Lô Văn Hải", "Phó Chủ tịch UBND huyện Anh Sơn", "UBND huyện Anh Sơn"),
     ("Cao Thị Mai", "Chuyên viên Phòng Nội vụ huyện Nam Đàn", "Phòng Nội vụ huyện Nam Đàn")],
    [("UBND huyện Nam Đàn", 1, 96.5), ("UBND huyện Đô Lương", 2, 95.25), ("UBND huyện Hưng Nguyên", 3, 93.0),
     ("UBND huyện Thanh Chương", 4, 91.75), ("UBND huyện Anh Sơn", 5, 90.5)],
    [("UBND huyện Nam Đàn", "truong", 2023), ("UBND huyện Hưng Nguyên", "pho", 2023),
     ("UBND huyện Đô Lương", "truong", 2024), ("UBND huyện Anh Sơn", "pho", 2024)],
    ["2615/QĐ-UBND", "45/HD-BTĐKT"]),
    header="CỤM THI ĐUA SỐ 5 - UBND CÁC HUYỆN TỈNH NGHỆ AN",
    footer="Biên bản họp Cụm thi đua số 5 năm 2023 - Lưu: VT, Cụm thi đua",
    letterhead=[("UBND HUYỆN NAM ĐÀN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ("CỤM THI ĐUA SỐ 5", "Độc lập - Tự do - Hạnh phúc")],
    signatures=[("THƯ KÝ", "CHỦ TRÌ"), ("Cao Thị Mai", "Hoàng Văn Thành")],
    table=MINUTES_TABLE)

# --------------------------------------------------------------------------------------------
# 12. Quảng Ngãi, Khối thi đua số 4: ordinary report as DOCX, PCI "xếp thứ 15/63" distractor,
#     "xếp thứ nhất/hai/ba", handover of the khối trưởng flag for next year
# --------------------------------------------------------------------------------------------
sample("quangngai_khoi4_tongket_2021", "docx_report", """
Khối thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2021

Ngày đăng: 30/12/2021

Ngày 28/12/2021, tại Hội trường Sở Công Thương, Khối thi đua số 4 - các sở, ngành kinh tế tỉnh Quảng Ngãi tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2021 và bình xét thi đua các đơn vị trong khối.

Dự hội nghị có ông Huỳnh Tấn Lộc, Phó Giám đốc Sở Nội vụ, Phó Trưởng Ban Thường trực Ban Thi đua - Khen thưởng tỉnh; ông Lê Hoàng Vũ, Giám đốc Sở Công Thương, Khối trưởng Khối thi đua số 4 năm 2021; bà Nguyễn Thị Thanh Tâm, Phó Giám đốc Sở Xây dựng cùng lãnh đạo các đơn vị thành viên.

Khối thi đua số 4 gồm 7 đơn vị: Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn, Sở Giao thông vận tải, Sở Xây dựng, Sở Tài nguyên và Môi trường, Sở Kế hoạch và Đầu tư và Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi.

Năm 2021, trong bối cảnh dịch COVID-19 diễn biến phức tạp, các đơn vị trong khối đã chủ động tham mưu UBND tỉnh nhiều giải pháp tháo gỡ khó khăn cho doanh nghiệp, bảo đảm lưu thông hàng hóa thiết yếu và duy trì sản xuất tại Khu kinh tế Dung Quất. Giá trị sản xuất công nghiệp toàn tỉnh tăng 7,5%; thu hút 27 dự án đầu tư mới với tổng vốn đăng ký trên 20.000 tỷ đồng. Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2020 của Quảng Ngãi xếp thứ 15/63 tỉnh, thành phố, tăng 6 bậc so với năm trước.

Công tác thi đua, khen thưởng được thực hiện đúng quy định của Nghị định số 91/2017/NĐ-CP của Chính phủ; các đơn vị đã đăng ký danh hiệu thi đua từ đầu năm và thực hiện đầy đủ chế độ thông tin, báo cáo.

Kết quả bình xét, Sở Kế hoạch và Đầu tư xếp thứ nhất, Sở Công Thương xếp thứ hai, Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi xếp thứ ba. Khối thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Kế hoạch và Đầu tư.

Phát biểu tại hội nghị, ông Huỳnh Tấn Lộc đề nghị các đơn vị trong khối quan tâm hơn đến khen thưởng cho người lao động trực tiếp và doanh nghiệp tiêu biểu; chủ động chuẩn bị các điều kiện để thi hành Luật Thi đua, khen thưởng sửa đổi.

Tại hội nghị, Sở Công Thương đã bàn giao cờ luân lưu Khối trưởng năm 2022 cho Sở Nông nghiệp và Phát triển nông thôn; Sở Giao thông vận tải được bầu làm Khối phó năm 2022.

Thu Uyên (Sở Công Thương)
""", gold(
    "Khối thi đua số 4 tổng kết công tác thi đua, khen thưởng năm 2021", "2021-12-30", "Thu Uyên",
    "2021-12-28", ["tong_ket", "cham_diem"], 2021, "Hội trường Sở Công Thương",
    ("Khối thi đua số 4", "khoi", 4),
    ["Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng",
     "Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư",
     "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"],
    [("Huỳnh Tấn Lộc", "Phó Giám đốc Sở Nội vụ, Phó Trưởng Ban Thường trực Ban Thi đua - Khen thưởng tỉnh", "Sở Nội vụ"),
     ("Lê Hoàng Vũ", "Giám đốc Sở Công Thương, Khối trưởng Khối thi đua số 4 năm 2021", "Sở Công Thương"),
     ("Nguyễn Thị Thanh Tâm", "Phó Giám đốc Sở Xây dựng", "Sở Xây dựng")],
    [("Sở Kế hoạch và Đầu tư", 1, None), ("Sở Công Thương", 2, None),
     ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi", 3, None)],
    [("Sở Công Thương", "truong", 2021), ("Sở Nông nghiệp và Phát triển nông thôn", "truong", 2022),
     ("Sở Giao thông vận tải", "pho", 2022)],
    ["91/2017/NĐ-CP"]),
    header="SỞ CÔNG THƯƠNG TỈNH QUẢNG NGÃI - TRANG THÔNG TIN ĐIỆN TỬ",
    footer="Bản in từ Trang thông tin điện tử Sở Công Thương Quảng Ngãi")

# --------------------------------------------------------------------------------------------
# 13. Lạng Sơn, Cụm thi đua số 3 Hội Cựu chiến binh: one-page PDF, triển khai + ký kết,
#     "Hội Cựu chiến binh các huyện: A, B", Đại tá before a name, byline "Name - Org"
# --------------------------------------------------------------------------------------------
sample("langson_cum3_ccb_kyket_2020", "pdf", """
Cụm thi đua số 3 Hội Cựu chiến binh tỉnh Lạng Sơn ký kết giao ước thi đua năm 2020

(16:05 | 12/03/2020)

Ngày 10/3/2020, tại Hội trường Huyện ủy Cao Lộc, Cụm thi đua số 3 Hội Cựu chiến binh tỉnh Lạng Sơn gồm Hội Cựu chiến binh các huyện: Cao Lộc, Văn Lãng, Tràng Định và Lộc Bình tổ chức hội nghị triển khai kế hoạch thi đua và ký kết giao ước thi đua năm 2020.

Dự hội nghị có Đại tá Lăng Văn Chính, Chủ tịch Hội Cựu chiến binh tỉnh; ông Hà Minh Đức, Phó Bí thư Thường trực Huyện ủy Cao Lộc. Ông Nông Văn Hưng, Chủ tịch Hội Cựu chiến binh huyện Cao Lộc, Cụm trưởng Cụm thi đua số 3 năm 2020 chủ trì hội nghị.

Hội nghị đã nghe quán triệt Hướng dẫn số 15-HD/CCB của Hội Cựu chiến binh tỉnh về công tác thi đua, khen thưởng năm 2020 và thống nhất kế hoạch hoạt động của cụm. Theo đó, các hội trong cụm tập trung thi đua thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng; tham gia xây dựng Đảng, chính quyền vững mạnh; giúp nhau phát triển kinh tế, giảm nghèo, phấn đấu đến cuối năm không còn hộ hội viên nghèo ở các xã đặc biệt khó khăn. Cụm cũng thống nhất tổ chức giao lưu văn nghệ, thể thao nhân kỷ niệm 31 năm Ngày truyền thống Hội Cựu chiến binh Việt Nam (6/12/1989 - 6/12/2020).

Phát biểu tại hội nghị, Đại tá Lăng Văn Chính đề nghị các hội trong cụm bám sát nhiệm vụ chính trị của địa phương, chủ động chuẩn bị tốt cho đại hội Hội Cựu chiến binh cơ sở nhiệm kỳ 2022 - 2027, phát huy phẩm chất “Bộ đội Cụ Hồ” trong thời kỳ mới.

Năm 2020, Hội Cựu chiến binh huyện Lộc Bình là đơn vị Cụm phó. Kết thúc hội nghị, chủ tịch Hội Cựu chiến binh 4 huyện đã ký kết giao ước thi đua năm 2020.

Hoàng Long - Hội CCB huyện Cao Lộc
""", gold(
    "Cụm thi đua số 3 Hội Cựu chiến binh tỉnh Lạng Sơn ký kết giao ước thi đua năm 2020", "2020-03-12", "Hoàng Long",
    "2020-03-10", ["trien_khai", "ky_ket_giao_uoc"], 2020, "Hội trường Huyện ủy Cao Lộc",
    ("Cụm thi đua số 3", "cum", 3),
    ["Cao Lộc", "Văn Lãng", "Tràng Định", "Lộc Bình"],
    [("Lăng Văn Chính", "Chủ tịch Hội Cựu chiến binh tỉnh", "Hội Cựu chiến binh tỉnh"),
     ("Hà Minh Đức", "Phó Bí thư Thường trực Huyện ủy Cao Lộc", "Huyện ủy Cao Lộc"),
     ("Nông Văn Hưng", "Chủ tịch Hội Cựu chiến binh huyện Cao Lộc, Cụm trưởng Cụm thi đua số 3 năm 2020",
      "Hội Cựu chiến binh huyện Cao Lộc")],
    [],
    [("Hội Cựu chiến binh huyện Cao Lộc", "truong", 2020), ("Hội Cựu chiến binh huyện Lộc Bình", "pho", 2020)],
    ["15-HD/CCB", "35-NQ/TW"]),
    site="HỘI CỰU CHIẾN BINH TỈNH LẠNG SƠN - TIN HOẠT ĐỘNG")

# --------------------------------------------------------------------------------------------
# 14. An Giang, Khối thi đua Văn hóa - Xã hội tỉnh: two-page PDF, tổng kết + chấm điểm +
#     phát động + ký kết, "Ngày 17 tháng 01 năm 2019", "Nhất khối: ...", several attendees
# --------------------------------------------------------------------------------------------
sample("angiang_khoi_vhxh_tongket_2018", "pdf", """
Khối thi đua Văn hóa - Xã hội tỉnh tổng kết năm 2018, phát động thi đua năm 2019

Ngày đăng: 21/01/2019

Ngày 17 tháng 01 năm 2019, tại Hội trường Sở Văn hóa, Thể thao và Du lịch, Khối thi đua Văn hóa - Xã hội tỉnh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2018; phát động phong trào thi đua và ký kết giao ước thi đua năm 2019.

Dự hội nghị có các đồng chí: Trần Anh Thư - Phó Chủ tịch UBND tỉnh An Giang; Võ Thành Nhân - Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh; Lê Thị Kim Phụng - Giám đốc Sở Văn hóa, Thể thao và Du lịch, Khối trưởng Khối thi đua Văn hóa - Xã hội năm 2018; Nguyễn Hữu Tâm - Giám đốc Sở Y tế.

Khối thi đua Văn hóa - Xã hội gồm 8 đơn vị: Sở Văn hóa, Thể thao và Du lịch (Khối trưởng), Sở Y tế (Khối phó), Sở Giáo dục và Đào tạo, Sở Lao động - Thương binh và Xã hội, Sở Thông tin và Truyền thông, Ban Dân tộc tỉnh, Đài Phát thanh - Truyền hình An Giang và Báo An Giang.

Năm 2018, các đơn vị trong khối đã triển khai thực hiện nghiêm túc Kế hoạch số 23/KH-UBND của UBND tỉnh về phong trào thi đua yêu nước, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Ngành Văn hóa, Thể thao và Du lịch tổ chức thành công Lễ hội Vía Bà Chúa Xứ núi Sam; lượng khách du lịch đến An Giang đạt trên 8,5 triệu lượt. Ngành Y tế nâng cao chất lượng khám, chữa bệnh, tỷ lệ bao phủ bảo hiểm y tế đạt 86,3%. Ngành Giáo dục có thêm 24 trường đạt chuẩn quốc gia.

Ngành Lao động - Thương binh và Xã hội đã giải quyết việc làm cho hơn 34.000 lao động, giảm tỷ lệ hộ nghèo xuống còn 2,9%. Các cơ quan báo chí đã làm tốt công tác tuyên truyền, giới thiệu hàng trăm gương “người tốt, việc tốt” trên các lĩnh vực.

Căn cứ kết quả chấm điểm theo Quyết định số 19/2018/QĐ-UBND của UBND tỉnh, hội nghị đã bình xét, suy tôn: Nhất khối: Sở Y tế; Nhì khối: Sở Giáo dục và Đào tạo; Ba khối: Đài Phát thanh - Truyền hình An Giang. Khối thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Y tế và Bằng khen cho Sở Giáo dục và Đào tạo.

Lãnh đạo các đơn vị trong khối ký kết giao ước thi đua năm 2019. Ảnh: Hữu Huynh

Phát biểu chỉ đạo hội nghị, đồng chí Trần Anh Thư biểu dương những kết quả khối đạt được, đề nghị các đơn vị tiếp tục đổi mới nội dung, hình thức thi đua, gắn với cải cách hành chính; khen thưởng bảo đảm chính xác, công khai, kịp thời.

Tại hội nghị, đồng chí Võ Thành Nhân đã phát động phong trào thi đua năm 2019 với chủ đề “Đoàn kết, kỷ cương, đổi mới, sáng tạo, hoàn thành xuất sắc nhiệm vụ”. Hội nghị thống nhất bầu Sở Y tế làm Khối trưởng, Sở Lao động - Thương binh và Xã hội làm Khối phó năm 2019. Kết thúc hội nghị, thủ trưởng 8 đơn vị đã ký kết giao ước thi đua năm 2019.

Minh Quân
""", gold(
    "Khối thi đua Văn hóa - Xã hội tỉnh tổng kết năm 2018, phát động thi đua năm 2019", "2019-01-21", "Minh Quân",
    "2019-01-17", ["tong_ket", "cham_diem", "trien_khai", "ky_ket_giao_uoc"], 2018,
    "Hội trường Sở Văn hóa, Thể thao và Du lịch",
    ("Khối thi đua Văn hóa - Xã hội tỉnh", "khoi", None),
    ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội",
     "Sở Thông tin và Truyền thông", "Ban Dân tộc tỉnh", "Đài Phát thanh - Truyền hình An Giang", "Báo An Giang"],
    [("Trần Anh Thư", "Phó Chủ tịch UBND tỉnh An Giang", "UBND tỉnh An Giang"),
     ("Võ Thành Nhân", "Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh", "Sở Nội vụ"),
     ("Lê Thị Kim Phụng",
      "Giám đốc Sở Văn hóa, Thể thao và Du lịch, Khối trưởng Khối thi đua Văn hóa - Xã hội năm 2018",
      "Sở Văn hóa, Thể thao và Du lịch"),
     ("Nguyễn Hữu Tâm", "Giám đốc Sở Y tế", "Sở Y tế")],
    [("Sở Y tế", 1, None), ("Sở Giáo dục và Đào tạo", 2, None), ("Đài Phát thanh - Truyền hình An Giang", 3, None)],
    [("Sở Văn hóa, Thể thao và Du lịch", "truong", 2018), ("Sở Y tế", "pho", 2018),
     ("Sở Y tế", "truong", 2019), ("Sở Lao động - Thương binh và Xã hội", "pho", 2019)],
    ["23/KH-UBND", "19/2018/QĐ-UBND"]),
    site="CỔNG THÔNG TIN ĐIỆN TỬ TỈNH AN GIANG", page_numbers=True)

# --------------------------------------------------------------------------------------------
# 15. Vĩnh Long, Cụm thi đua số 2 (Tỉnh đoàn): "Trưởng cụm", scores with "đứng thứ", a scored unit
#     with no rank (not annotated), "Đăng ngày: 22/12/2016", byline "Name - Org"
# --------------------------------------------------------------------------------------------
sample("vinhlong_cum2_doan_chamdiem_2016", "txt", """
Cụm thi đua số 2 tổng kết, chấm điểm thi đua công tác Đoàn năm 2016

Đăng ngày: 22/12/2016

Sáng ngày 20/12/2016, tại Hội trường Huyện đoàn Long Hồ, Cụm thi đua số 2 trực thuộc Tỉnh đoàn Vĩnh Long tổ chức hội nghị tổng kết và chấm điểm thi đua công tác Đoàn và phong trào thanh thiếu nhi năm 2016. Cụm thi đua số 2 gồm 4 đơn vị: Huyện đoàn Long Hồ (Trưởng cụm), Huyện đoàn Mang Thít, Huyện đoàn Vũng Liêm và Huyện đoàn Trà Ôn.

Về dự hội nghị có anh Nguyễn Hoàng Phúc - Phó Bí thư Tỉnh đoàn; chị Trần Thị Ngọc Diễm - Bí thư Huyện đoàn Long Hồ, Trưởng cụm thi đua số 2 cùng các đồng chí Ban Thường vụ, cán bộ chuyên trách các Huyện đoàn trong cụm.

Năm 2016, các Huyện đoàn trong cụm đã tổ chức hiệu quả các phong trào “Thanh niên tình nguyện”, “Tuổi trẻ sáng tạo”, “Sinh viên 5 tốt”; thực hiện 48 công trình thanh niên, sửa chữa 22 km đường giao thông nông thôn, trao 310 suất học bổng cho học sinh nghèo vượt khó. Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được triển khai sâu rộng trong đoàn viên, thanh niên, gắn với các hoạt động chào mừng 85 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh.

Căn cứ Hướng dẫn số 45-HD/TĐTN-VP của Ban Thường vụ Tỉnh đoàn, từng đơn vị đã báo cáo kết quả thực hiện các chỉ tiêu công tác Đoàn, Hội, Đội; các đơn vị kiểm tra chéo hồ sơ, sổ sách và thống nhất điểm cho từng nội dung.

Kết quả chấm điểm: Huyện đoàn Vũng Liêm đạt 95 điểm, đứng thứ 1; Huyện đoàn Long Hồ đạt 92,5 điểm, đứng thứ 2; Huyện đoàn Trà Ôn đạt 90 điểm, đứng thứ 3; Huyện đoàn Mang Thít đạt 88 điểm.

Phát biểu tại hội nghị, anh Nguyễn Hoàng Phúc ghi nhận sự nỗ lực của các đơn vị, đề nghị cụm tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về cơ sở và chuẩn bị tốt các hoạt động chào mừng Đại hội Đoàn các cấp nhiệm kỳ 2017 - 2022.

Hội nghị đã thống nhất chọn Huyện đoàn Mang Thít làm Trưởng cụm năm 2017.

Tuyết Mai - Huyện đoàn Long Hồ
""", gold(
    "Cụm thi đua số 2 tổng kết, chấm điểm thi đua công tác Đoàn năm 2016", "2016-12-22", "Tuyết Mai",
    "2016-12-20", ["tong_ket", "cham_diem"], 2016, "Hội trường Huyện đoàn Long Hồ",
    ("Cụm thi đua số 2", "cum", 2),
    ["Huyện đoàn Long Hồ", "Huyện đoàn Mang Thít", "Huyện đoàn Vũng Liêm", "Huyện đoàn Trà Ôn"],
    [("Nguyễn Hoàng Phúc", "Phó Bí thư Tỉnh đoàn", "Tỉnh đoàn"),
     ("Trần Thị Ngọc Diễm", "Bí thư Huyện đoàn Long Hồ, Trưởng cụm thi đua số 2", "Huyện đoàn Long Hồ")],
    [("Huyện đoàn Vũng Liêm", 1, 95), ("Huyện đoàn Long Hồ", 2, 92.5), ("Huyện đoàn Trà Ôn", 3, 90)],
    [("Huyện đoàn Long Hồ", "truong", 2016), ("Huyện đoàn Mang Thít", "truong", 2017)],
    ["45-HD/TĐTN-VP"]))

# --------------------------------------------------------------------------------------------
# 16. Phú Yên, Khối thi đua các doanh nghiệp tỉnh Phú Yên: "Ngày 15/4" with no publication date
#     (launch/signing for N -> N), revenue "đứng đầu" distractor, no byline
# --------------------------------------------------------------------------------------------
sample("phuyen_khoi_doanhnghiep_trienkhai_2022", "txt", """
Khối thi đua các doanh nghiệp tỉnh Phú Yên triển khai nhiệm vụ năm 2022

Ngày 15/4, tại Hội trường Công ty cổ phần Cấp thoát nước Phú Yên, Khối thi đua các doanh nghiệp tỉnh Phú Yên tổ chức hội nghị triển khai công tác thi đua, khen thưởng và ký kết giao ước thi đua năm 2022.

Dự hội nghị có ông Phan Ngọc Quang - Phó Trưởng Ban Thi đua - Khen thưởng tỉnh; bà Huỳnh Thị Mỹ Lệ - Phó Chủ tịch Liên đoàn Lao động tỉnh. Ông Lưu Thành Long, Giám đốc Công ty cổ phần Cấp thoát nước Phú Yên - đơn vị Khối trưởng năm 2022, chủ trì hội nghị.

Khối gồm 6 doanh nghiệp: Công ty cổ phần Cấp thoát nước Phú Yên, Công ty TNHH MTV Xổ số kiến thiết Phú Yên, Công ty TNHH MTV Khai thác thủy lợi Phú Yên, Công ty cổ phần Môi trường đô thị Phú Yên, Công ty cổ phần Cảng Vũng Rô và Công ty TNHH MTV Lâm nghiệp Sông Hinh. Trong đó, Công ty TNHH MTV Xổ số kiến thiết Phú Yên là đơn vị Khối phó năm 2022.

Năm 2021, dù chịu tác động của dịch COVID-19, các doanh nghiệp trong khối vẫn duy trì sản xuất, kinh doanh ổn định, bảo đảm việc làm và thu nhập cho hơn 1.800 người lao động; Công ty TNHH MTV Xổ số kiến thiết Phú Yên tiếp tục đứng đầu khối về nộp ngân sách với 212 tỷ đồng.

Theo Kế hoạch số 65/KH-UBND ngày 10/3/2022 của UBND tỉnh, năm 2022 các doanh nghiệp trong khối thi đua hoàn thành vượt mức kế hoạch doanh thu, lợi nhuận và nộp ngân sách; bảo đảm an toàn, vệ sinh lao động, phòng chống cháy nổ; chăm lo đời sống vật chất, tinh thần cho người lao động; đẩy mạnh phong trào “Doanh nghiệp Việt Nam hội nhập và phát triển” và phong trào “Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động”.

Phát biểu tại hội nghị, ông Phan Ngọc Quang đề nghị các doanh nghiệp cụ thể hóa nội dung giao ước thành chỉ tiêu của từng phòng, ban, phân xưởng; quan tâm khen thưởng công nhân, người lao động trực tiếp sản xuất. Bà Huỳnh Thị Mỹ Lệ đề nghị công đoàn cơ sở phối hợp với chuyên môn tổ chức tốt phong trào thi đua lao động giỏi, lao động sáng tạo.

Kết thúc hội nghị, đại diện lãnh đạo 6 doanh nghiệp đã ký kết giao ước thi đua năm 2022.
""", gold(
    "Khối thi đua các doanh nghiệp tỉnh Phú Yên triển khai nhiệm vụ năm 2022", None, None,
    "2022-04-15", ["trien_khai", "ky_ket_giao_uoc"], 2022, "Hội trường Công ty cổ phần Cấp thoát nước Phú Yên",
    ("Khối thi đua các doanh nghiệp tỉnh Phú Yên", "khoi", None),
    ["Công ty cổ phần Cấp thoát nước Phú Yên", "Công ty TNHH MTV Xổ số kiến thiết Phú Yên",
     "Công ty TNHH MTV Khai thác thủy lợi Phú Yên", "Công ty cổ phần Môi trường đô thị Phú Yên",
     "Công ty cổ phần Cảng Vũng Rô", "Công ty TNHH MTV Lâm nghiệp Sông Hinh"],
    [("Phan Ngọc Quang", "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh", "Ban Thi đua - Khen thưởng tỉnh"),
     ("Huỳnh Thị Mỹ Lệ", "Phó Chủ tịch Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh"),
     ("Lưu Thành Long", "Giám đốc Công ty cổ phần Cấp thoát nước Phú Yên", "Công ty cổ phần Cấp thoát nước Phú Yên")],
    [],
    [("Công ty cổ phần Cấp thoát nước Phú Yên", "truong", 2022),
     ("Công ty TNHH MTV Xổ số kiến thiết Phú Yên", "pho", 2022)],
    ["65/KH-UBND"]))


# ============================================================================================
# Second batch (17-28): a held-out check written after the extractors were tuned on 1-16.
# Other provinces, organisations and layouts: a newspaper lead "Sáng nay (12/12)", "Chiều qua
# (19/12)", a portal page with "Lượt xem", minutes with one attendee per line, an official notice,
# a DOCX with an attendee table, a PDF; numbered score lists and sentence-list rankings;
# ethnic-minority and four-part names, titles before names, people who are only cited.
# ============================================================================================

# --------------------------------------------------------------------------------------------
# 17. Bắc Ninh, Cụm thi đua số 6 Bộ Công an: "(Báo Bắc Ninh) - Sáng nay (12/12)", "Công an 5 tỉnh
#     A, B…" (bare members), ranks before names, title before a name, "- đơn vị Cụm trưởng/phó"
#     dropped, the cited Bộ trưởng is not a participant, "Kết quả: xếp thứ nhất là …; xếp thứ hai …"
# --------------------------------------------------------------------------------------------
sample("bacninh_cum6_congan_tongket_2024", "txt", """
Cụm thi đua số 6 Bộ Công an tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2024

Thứ Năm, 12/12/2024 - 15:42

(Báo Bắc Ninh) - Sáng nay (12/12), tại Hội trường Công an tỉnh Bắc Ninh, Cụm thi đua số 6, Bộ Công an gồm Công an 5 tỉnh Bắc Ninh, Bắc Giang, Hải Dương, Hưng Yên và Vĩnh Phúc tổ chức Hội nghị tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2024.

Dự và chỉ đạo hội nghị có Thiếu tướng Đặng Quốc Hưng, Phó Cục trưởng Cục Công tác đảng và công tác chính trị, Bộ Công an; Phó Chủ tịch Thường trực UBND tỉnh Bắc Ninh Nguyễn Hữu Khánh. Hội nghị do Đại tá Lê Minh Toàn, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh Bắc Ninh - đơn vị Cụm trưởng chủ trì.

Báo cáo tổng kết do Thượng tá Hoàng Thị Thanh Nga, Phó Giám đốc Công an tỉnh Vĩnh Phúc - đơn vị Cụm phó trình bày cho thấy, năm 2024, quán triệt chỉ đạo của Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an, Công an các tỉnh trong cụm đã cụ thể hóa Kế hoạch số 97/KH-BCA-X03 thành các chỉ tiêu thi đua sát thực tiễn. Toàn cụm kéo giảm 9,4% số vụ phạm pháp hình sự; tỷ lệ điều tra, khám phá án đạt 91,6%, án rất nghiêm trọng và đặc biệt nghiêm trọng đạt 100%; triệt phá 46 đường dây, ổ nhóm tội phạm ma túy, đánh bạc qua mạng. Các đơn vị đã hoàn thành sớm việc cấp căn cước, định danh điện tử mức 2 cho công dân, nhất là công nhân ở các khu công nghiệp.

Thiếu tướng Đặng Quốc Hưng phát biểu chỉ đạo hội nghị. Ảnh: Thế Anh

Phát biểu chỉ đạo, Thiếu tướng Đặng Quốc Hưng ghi nhận Cụm thi đua số 6 là một trong những cụm có nhiều cách làm sáng tạo, đề nghị các đơn vị tiếp tục thực hiện nghiêm Thông tư số 12/2019/TT-BCA về công tác thi đua, khen thưởng trong Công an nhân dân, kịp thời khen thưởng cán bộ, chiến sĩ có thành tích đột xuất. Phó Chủ tịch Thường trực UBND tỉnh Bắc Ninh Nguyễn Hữu Khánh cảm ơn Công an các tỉnh đã phối hợp chặt chẽ, bảo đảm an ninh, trật tự vùng giáp ranh.

Trên cơ sở chấm điểm chéo, hội nghị đã bình xét, suy tôn các đơn vị dẫn đầu. Kết quả: xếp thứ nhất là Công an tỉnh Hưng Yên; xếp thứ hai là Công an tỉnh Bắc Ninh; xếp thứ ba là Công an tỉnh Hải Dương. Cụm thống nhất đề nghị Bộ trưởng Bộ Công an tặng Cờ thi đua cho Công an tỉnh Hưng Yên.

Theo phân công luân phiên, năm 2025 Công an tỉnh Bắc Giang nhận nhiệm vụ Cụm trưởng, Công an tỉnh Hưng Yên giữ vai trò Cụm phó. Dịp này, Đại tá Lê Minh Toàn đã trao cờ luân lưu của cụm cho lãnh đạo Công an tỉnh Bắc Giang.

Lan Hương
""", gold(
    "Cụm thi đua số 6 Bộ Công an tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2024", "2024-12-12",
    "Lan Hương", "2024-12-12", ["tong_ket", "cham_diem"], 2024, "Hội trường Công an tỉnh Bắc Ninh",
    ("Cụm thi đua số 6", "cum", 6),
    ["Bắc Ninh", "Bắc Giang", "Hải Dương", "Hưng Yên", "Vĩnh Phúc"],
    [("Đặng Quốc Hưng", "Phó Cục trưởng Cục Công tác đảng và công tác chính trị, Bộ Công an",
      "Cục Công tác đảng và công tác chính trị"),
     ("Nguyễn Hữu Khánh", "Phó Chủ tịch Thường trực UBND tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh"),
     ("Lê Minh Toàn", "Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Công an tỉnh Bắc Ninh", "Công an tỉnh Bắc Ninh"),
     ("Hoàng Thị Thanh Nga", "Phó Giám đốc Công an tỉnh Vĩnh Phúc", "Công an tỉnh Vĩnh Phúc")],
    [("Công an tỉnh Hưng Yên", 1, None), ("Công an tỉnh Bắc Ninh", 2, None), ("Công an tỉnh Hải Dương", 3, None)],
    [("Công an tỉnh Bắc Ninh", "truong", 2024), ("Công an tỉnh Vĩnh Phúc", "pho", 2024),
     ("Công an tỉnh Bắc Giang", "truong", 2025), ("Công an tỉnh Hưng Yên", "pho", 2025)],
    ["97/KH-BCA-X03", "12/2019/TT-BCA"]))

# --------------------------------------------------------------------------------------------
# 18. Hưng Yên, Cụm thi đua số 1 LĐLĐ tỉnh: portal page with a breadcrumb above the title,
#     "Ngày đăng: … | Lượt xem: …", "Chiều 27/12", "LĐLĐ các huyện A, B" (bare), title before a
#     name + ", Cụm trưởng", scores in brackets, a cited worker, "Cụm trưởng năm 2024 do X đảm nhận",
#     Luật số 06/2022/QH15 is a legal ref
# --------------------------------------------------------------------------------------------
sample("hungyen_ldld_cum1_tongket_2023", "txt", """
Trang chủ » Tin tức - Sự kiện » Hoạt động Công đoàn

Cụm thi đua số 1 Liên đoàn Lao động tỉnh Hưng Yên tổng kết năm 2023

Ngày đăng: 29/12/2023 | Lượt xem: 412

Chiều 27/12, tại Nhà văn hóa Công nhân thị xã Mỹ Hào, Cụm thi đua số 1 Liên đoàn Lao động tỉnh Hưng Yên tổ chức hội nghị tổng kết công tác thi đua năm 2023 và chấm điểm thi đua giữa các đơn vị trong cụm. Cụm gồm 5 đơn vị: LĐLĐ thị xã Mỹ Hào (Cụm trưởng), LĐLĐ huyện Yên Mỹ (Cụm phó) và LĐLĐ các huyện Văn Lâm, Văn Giang, Khoái Châu.

Dự hội nghị có bà Vũ Thị Thanh Xuân, Phó Chủ tịch Liên đoàn Lao động tỉnh và ông Đỗ Mạnh Cường, Trưởng Ban Tổ chức LĐLĐ tỉnh. Chủ tịch LĐLĐ thị xã Mỹ Hào Nguyễn Đức Thắng, Cụm trưởng, chủ trì hội nghị.

Năm 2023, dù nhiều doanh nghiệp trên địa bàn thiếu đơn hàng, phải cắt giảm giờ làm, công đoàn các cấp trong cụm vẫn chủ động nắm bắt tình hình, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động. Toàn cụm phát triển mới 3.126 đoàn viên, thành lập 21 công đoàn cơ sở; tổ chức “Tết Sum vầy”, “Tháng Công nhân” với tổng kinh phí hỗ trợ trên 6,2 tỷ đồng; 114 đoàn viên khó khăn được hỗ trợ xây, sửa “Mái ấm Công đoàn”. Phong trào thi đua “Lao động giỏi, lao động sáng tạo” có hơn 900 sáng kiến được công nhận; tiêu biểu là anh Trần Văn Sỹ, công nhân Công ty TNHH Điện tử Phố Nối, với 14 sáng kiến làm lợi hàng tỷ đồng, được Tổng Liên đoàn Lao động Việt Nam tặng Bằng Lao động sáng tạo.

Các đơn vị đã bám sát Hướng dẫn số 15/HD-LĐLĐ của LĐLĐ tỉnh và các quy định mới của Luật Thi đua, khen thưởng số 06/2022/QH15 để xây dựng tiêu chí chấm điểm, bảo đảm công khai, khách quan.

Qua chấm điểm chéo, LĐLĐ huyện Văn Lâm đứng đầu cụm với 98 điểm; LĐLĐ huyện Yên Mỹ xếp thứ hai (96,5 điểm); LĐLĐ thị xã Mỹ Hào xếp thứ ba (95 điểm). Hội nghị thống nhất đề nghị Ban Chấp hành LĐLĐ tỉnh tặng Cờ thi đua cho LĐLĐ huyện Văn Lâm.

Phát biểu tại hội nghị, bà Vũ Thị Thanh Xuân đề nghị các đơn vị trong cụm quan tâm chăm lo Tết Nguyên đán Giáp Thìn 2024 cho đoàn viên, người lao động, nhất là lao động mất việc, giảm giờ làm; tiếp tục phát hiện, bồi dưỡng điển hình tiên tiến trong công nhân trực tiếp sản xuất.

Cụm trưởng năm 2024 do LĐLĐ huyện Văn Giang đảm nhận, Cụm phó là LĐLĐ huyện Khoái Châu.

Tác giả: Phương Thảo
""", gold(
    "Cụm thi đua số 1 Liên đoàn Lao động tỉnh Hưng Yên tổng kết năm 2023", "2023-12-29", "Phương Thảo",
    "2023-12-27", ["tong_ket", "cham_diem"], 2023, "Nhà văn hóa Công nhân thị xã Mỹ Hào",
    ("Cụm thi đua số 1", "cum", 1),
    ["LĐLĐ thị xã Mỹ Hào", "LĐLĐ huyện Yên Mỹ", "Văn Lâm", "Văn Giang", "Khoái Châu"],
    [("Vũ Thị Thanh Xuân", "Phó Chủ tịch Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh"),
     ("Đỗ Mạnh Cường", "Trưởng Ban Tổ chức LĐLĐ tỉnh", "Ban Tổ chức LĐLĐ tỉnh"),
     ("Nguyễn Đức Thắng", "Chủ tịch LĐLĐ thị xã Mỹ Hào, Cụm trưởng", "LĐLĐ thị xã Mỹ Hào")],
    [("LĐLĐ huyện Văn Lâm", 1, 98), ("LĐLĐ huyện Yên Mỹ", 2, 96.5), ("LĐLĐ thị xã Mỹ Hào", 3, 95)],
    [("LĐLĐ thị xã Mỹ Hào", "truong", 2023), ("LĐLĐ huyện Yên Mỹ", "pho", 2023),
     ("LĐLĐ huyện Văn Giang", "truong", 2024), ("LĐLĐ huyện Khoái Châu", "pho", 2024)],
    ["15/HD-LĐLĐ", "06/2022/QH15"]))

# --------------------------------------------------------------------------------------------
# 19. Nam Định, Cụm thi đua số 3 Hội LHPN: phát động + ký kết, the previous-year review is only
#     background (no tong_ket), "các đồng chí Phó Chủ tịch Hội LHPN tỉnh: A, B" (one title for two
#     people), four-part women's names, "chị X … - đơn vị Cụm phó", a cited national leader,
#     "Thứ Năm, 16/3/2023 | 09:15" with "Sáng 14/3", "Bài và ảnh: …"
# --------------------------------------------------------------------------------------------
sample("namdinh_cum3_phunu_kyket_2023", "txt", """
Cụm thi đua số 3 Hội LHPN tỉnh phát động thi đua, ký kết giao ước năm 2023

Thứ Năm, 16/3/2023 | 09:15

Sáng 14/3, tại Hội trường Huyện ủy Hải Hậu, Cụm thi đua số 3 Hội Liên hiệp Phụ nữ tỉnh Nam Định tổ chức hội nghị phát động phong trào thi đua và ký kết giao ước thi đua năm 2023. Cụm gồm Hội LHPN 4 huyện: Hải Hậu, Giao Thủy, Xuân Trường và Nghĩa Hưng.

Dự hội nghị có các đồng chí Phó Chủ tịch Hội LHPN tỉnh: Trần Thị Mai Phương, Vũ Thị Thu Hằng; đồng chí Nguyễn Thị Thanh Huyền, Phó Bí thư Thường trực Huyện ủy Hải Hậu. Bà Đoàn Thị Bích Ngọc, Chủ tịch Hội LHPN huyện Hải Hậu, Cụm trưởng Cụm thi đua số 3 năm 2023 điều hành hội nghị.

Năm 2022, các cấp Hội trong cụm đã thực hiện hiệu quả Kết luận số 01-KL/TW của Bộ Chính trị gắn với cuộc vận động “Xây dựng gia đình 5 không, 3 sạch”; hỗ trợ 386 hộ phụ nữ nghèo, cận nghèo phát triển kinh tế; thành lập mới 27 tổ hợp tác, hợp tác xã do phụ nữ quản lý. Hưởng ứng lời phát động của Chủ tịch Hội LHPN Việt Nam Hà Thị Nga, phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc” được triển khai đến từng chi hội.

Tại hội nghị, chị Lưu Thị Ngọc Ánh, Chủ tịch Hội LHPN huyện Giao Thủy - đơn vị Cụm phó thông qua Kế hoạch số 09/KH-CTĐ3 về hoạt động của cụm năm 2023 và dự thảo nội dung giao ước gồm 5 nhóm tiêu chí, thang điểm 100. Các đại biểu đã thảo luận, bổ sung tiêu chí về chuyển đổi số trong sinh hoạt chi hội và hỗ trợ phụ nữ khởi nghiệp.

Đồng chí Trần Thị Mai Phương phát biểu tại hội nghị. Ảnh: Diệu Linh

Phát biểu chỉ đạo, đồng chí Trần Thị Mai Phương đề nghị cụm chú trọng xây dựng mô hình mới, phát hiện điển hình tiên tiến trong hội viên, phụ nữ; thực hiện nghiêm Hướng dẫn số 02/HD-ĐCT của Đoàn Chủ tịch Hội LHPN tỉnh về chấm điểm thi đua cuối năm. Đồng chí Nguyễn Thị Thanh Huyền đề nghị các cấp Hội phối hợp chặt chẽ với chính quyền trong xây dựng nông thôn mới kiểu mẫu.

Kết thúc hội nghị, Chủ tịch Hội LHPN 4 huyện đã ký kết giao ước thi đua năm 2023 với chủ đề “Phụ nữ Nam Định đoàn kết, sáng tạo, hội nhập và phát triển”.

Bài và ảnh: Diệu Linh
""", gold(
    "Cụm thi đua số 3 Hội LHPN tỉnh phát động thi đua, ký kết giao ước năm 2023", "2023-03-16", "Diệu Linh",
    "2023-03-14", ["trien_khai", "ky_ket_giao_uoc"], 2023, "Hội trường Huyện ủy Hải Hậu",
    ("Cụm thi đua số 3", "cum", 3),
    ["Hải Hậu", "Giao Thủy", "Xuân Trường", "Nghĩa Hưng"],
    [("Trần Thị Mai Phương", "Phó Chủ tịch Hội LHPN tỉnh", "Hội LHPN tỉnh"),
     ("Vũ Thị Thu Hằng", "Phó Chủ tịch Hội LHPN tỉnh", "Hội LHPN tỉnh"),
     ("Nguyễn Thị Thanh Huyền", "Phó Bí thư Thường trực Huyện ủy Hải Hậu", "Huyện ủy Hải Hậu"),
     ("Đoàn Thị Bích Ngọc", "Chủ tịch Hội LHPN huyện Hải Hậu, Cụm trưởng Cụm thi đua số 3 năm 2023",
      "Hội LHPN huyện Hải Hậu"),
     ("Lưu Thị Ngọc Ánh", "Chủ tịch Hội LHPN huyện Giao Thủy", "Hội LHPN huyện Giao Thủy")],
    [],
    [("Hội LHPN huyện Hải Hậu", "truong", 2023), ("Hội LHPN huyện Giao Thủy", "pho", 2023)],
    ["01-KL/TW", "09/KH-CTĐ3", "02/HD-ĐCT"]))

# --------------------------------------------------------------------------------------------
# 20. Quảng Trị, Cụm thi đua số 2 MTTQ các xã huyện Đakrông: "(QTO) - Chiều qua (19/12)" with
#     "Thứ Tư, 20/12/2023", "Ủy ban MTTQ Việt Nam 5 xã: A, B" (bare), Vân Kiều / Pa Kô names, a
#     cited village elder, scores with "dẫn đầu / xếp thứ hai / xếp thứ ba", a caption
#     "(thứ hai, từ trái sang)" that is not a rank, "để xã X làm Cụm trưởng … năm 2024"
# --------------------------------------------------------------------------------------------
sample("quangtri_cum2_mttq_xa_tongket_2023", "txt", """
Cụm thi đua số 2 MTTQ các xã huyện Đakrông tổng kết, bình xét thi đua năm 2023

Thứ Tư, 20/12/2023 - 07:50

(QTO) - Chiều qua (19/12), tại Hội trường UBND xã Tà Rụt, Cụm thi đua số 2 Ủy ban MTTQ Việt Nam các xã huyện Đakrông tổ chức hội nghị tổng kết công tác thi đua năm 2023 và bình xét thi đua giữa các đơn vị trong cụm. Cụm gồm Ủy ban MTTQ Việt Nam 5 xã: Tà Rụt, A Ngo, A Vao, Húc Nghì và Ba Nang.

Tham dự hội nghị có ông Nguyễn Văn Hòa, Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện Đakrông; bà Kăn Thị Lịch, Phó Trưởng Phòng Nội vụ huyện. Ông Hồ Văn Xuyên, Chủ tịch Ủy ban MTTQ Việt Nam xã Tà Rụt, Cụm trưởng chủ trì hội nghị.

Năm 2023, Ủy ban MTTQ các xã trong cụm đã vận động nhân dân hiến hơn 12.000 m² đất làm đường giao thông nông thôn, hỗ trợ xây mới 38 nhà “Đại đoàn kết” cho hộ nghèo là đồng bào Vân Kiều, Pa Kô; Ngày hội Đại đoàn kết toàn dân tộc được tổ chức ở 100% thôn, bản. Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” được triển khai theo Kế hoạch số 68/KH-MTTQ-BTT của Ban Thường trực Ủy ban MTTQ Việt Nam huyện. Điển hình là già làng Hồ Văn Pả ở thôn A Đeng, xã A Ngo, đã vận động con cháu hiến gần 2.000 m² đất để mở rộng điểm trường mầm non.

Căn cứ bảng tiêu chí thi đua, các đơn vị tự chấm điểm và chấm chéo công khai. Kết quả, xã A Ngo đạt 95,5 điểm, dẫn đầu cụm; xã Tà Rụt đạt 93 điểm, xếp thứ hai; xã Húc Nghì đạt 91,25 điểm, xếp thứ ba. Cụm thống nhất đề nghị Ủy ban MTTQ Việt Nam tỉnh tặng Bằng khen cho Ủy ban MTTQ Việt Nam xã A Ngo.

Ông Nguyễn Văn Hòa (thứ hai, từ trái sang) trao giấy khen cho đại diện các xã có thành tích xuất sắc. Ảnh: H.T

Phát biểu tại hội nghị, ông Nguyễn Văn Hòa đề nghị các xã tiếp tục đổi mới nội dung, phương thức hoạt động, phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số, làm tốt công tác giám sát, phản biện xã hội ở cơ sở. Bà Kăn Thị Lịch hướng dẫn các xã hoàn thiện hồ sơ đề nghị khen thưởng trước ngày 30/12.

Hội nghị thống nhất để xã A Ngo làm Cụm trưởng, xã Húc Nghì làm Cụm phó Cụm thi đua số 2 năm 2024.

Hà Trang
""", gold(
    "Cụm thi đua số 2 MTTQ các xã huyện Đakrông tổng kết, bình xét thi đua năm 2023", "2023-12-20", "Hà Trang",
    "2023-12-19", ["tong_ket", "cham_diem"], 2023, "Hội trường UBND xã Tà Rụt",
    ("Cụm thi đua số 2", "cum", 2),
    ["Tà Rụt", "A Ngo", "A Vao", "Húc Nghì", "Ba Nang"],
    [("Nguyễn Văn Hòa", "Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện Đakrông", "Ủy ban MTTQ Việt Nam huyện Đakrông"),
     ("Kăn Thị Lịch", "Phó Trưởng Phòng Nội vụ huyện", "Phòng Nội vụ huyện"),
     ("Hồ Văn Xuyên", "Chủ tịch Ủy ban MTTQ Việt Nam xã Tà Rụt, Cụm trưởng", "Ủy ban MTTQ Việt Nam xã Tà Rụt")],
    [("xã A Ngo", 1, 95.5), ("xã Tà Rụt", 2, 93), ("xã Húc Nghì", 3, 91.25)],
    [("Ủy ban MTTQ Việt Nam xã Tà Rụt", "truong", 2023), ("xã A Ngo", "truong", 2024),
     ("xã Húc Nghì", "pho", 2024)],
    ["68/KH-MTTQ-BTT"]))

# --------------------------------------------------------------------------------------------
# 21. Kon Tum, Cụm thi đua số 3 ngành Giáo dục (schools): "Ngày 22/12" with no publication date
#     (review of N in December -> N), Bahnar / Xơ Đăng names ("A Pui", "Y Nhung"), title before a
#     two-syllable name, "thầy/cô", a student's "giải Nhì" is not a rank, "năm học 2023 - 2024"
#     is not the period, "Cụm trưởng được giao cho …"
# --------------------------------------------------------------------------------------------
sample("kontum_cum3_giaoduc_tongket_2023", "txt", """
Cụm thi đua số 3 ngành Giáo dục tổng kết công tác thi đua năm 2023

Ngày 22/12, tại Trường PT Dân tộc nội trú tỉnh Kon Tum, Cụm thi đua số 3 ngành Giáo dục tỉnh Kon Tum tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và bình xét thi đua các đơn vị trong cụm. Cụm thi đua số 3 gồm 5 trường: THPT Kon Tum, THPT Duy Tân, THPT Lê Lợi, THPT chuyên Nguyễn Tất Thành và PT Dân tộc nội trú tỉnh.

Phó Giám đốc Sở Giáo dục và Đào tạo A Pui dự và chỉ đạo hội nghị. Cùng dự có thầy Nguyễn Văn Hiển, Hiệu trưởng Trường THPT Kon Tum, Cụm trưởng; cô Y Nhung, Hiệu trưởng Trường PT Dân tộc nội trú tỉnh; thầy A Khang, Phó Hiệu trưởng Trường THPT Duy Tân cùng đại diện ban giám hiệu, công đoàn 5 trường trong cụm.

Năm 2023, các trường trong cụm đã thực hiện nghiêm Thông tư số 22/2018/TT-BGDĐT của Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục và Kế hoạch số 3120/KH-SGDĐT của Sở; gắn phong trào “Dạy tốt - Học tốt” với đổi mới phương pháp dạy học theo Chương trình giáo dục phổ thông 2018. Tỷ lệ học sinh tốt nghiệp THPT toàn cụm đạt 99,4%; 87 học sinh đạt giải học sinh giỏi cấp tỉnh, 6 học sinh đạt giải quốc gia, trong đó em Y Hằng, học sinh lớp 12 Trường PT Dân tộc nội trú tỉnh, đoạt giải Nhì môn Lịch sử. Bước vào học kỳ I năm học 2023 - 2024, các trường đều duy trì sĩ số, không có học sinh bỏ học giữa chừng.

Thầy Nguyễn Văn Hiển, Hiệu trưởng Trường THPT Kon Tum - đơn vị Cụm trưởng năm 2023 trình bày báo cáo tổng kết. Ảnh: Quốc Trung

Qua bình xét, Trường PT Dân tộc nội trú tỉnh được các đơn vị thống nhất suy tôn dẫn đầu Cụm thi đua số 3, đề nghị UBND tỉnh tặng Cờ thi đua; Trường THPT chuyên Nguyễn Tất Thành xếp thứ hai, đề nghị tặng Bằng khen.

Phát biểu chỉ đạo, Phó Giám đốc Sở A Pui biểu dương sự nỗ lực của đội ngũ nhà giáo, đề nghị các trường quan tâm hơn nữa đến học sinh người dân tộc thiểu số ở bán trú, nội trú; chú trọng bồi dưỡng học sinh giỏi và chuẩn bị tốt cho kỳ thi tốt nghiệp THPT năm 2024.

Năm 2024, Cụm trưởng được giao cho Trường THPT Duy Tân, Cụm phó là Trường THPT Lê Lợi.

Quốc Trung
""", gold(
    "Cụm thi đua số 3 ngành Giáo dục tổng kết công tác thi đua năm 2023", None, "Quốc Trung",
    "2023-12-22", ["tong_ket", "cham_diem"], 2023, "Trường PT Dân tộc nội trú tỉnh Kon Tum",
    ("Cụm thi đua số 3", "cum", 3),
    ["THPT Kon Tum", "THPT Duy Tân", "THPT Lê Lợi", "THPT chuyên Nguyễn Tất Thành", "PT Dân tộc nội trú tỉnh"],
    [("A Pui", "Phó Giám đốc Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"),
     ("Nguyễn Văn Hiển", "Hiệu trưởng Trường THPT Kon Tum, Cụm trưởng", "Trường THPT Kon Tum"),
     ("Y Nhung", "Hiệu trưởng Trường PT Dân tộc nội trú tỉnh", "Trường PT Dân tộc nội trú tỉnh"),
     ("A Khang", "Phó Hiệu trưởng Trường THPT Duy Tân", "Trường THPT Duy Tân")],
    [("Trường PT Dân tộc nội trú tỉnh", 1, None), ("Trường THPT chuyên Nguyễn Tất Thành", 2, None)],
    [("Trường THPT Kon Tum", "truong", 2023), ("Trường THPT Duy Tân", "truong", 2024),
     ("Trường THPT Lê Lợi", "pho", 2024)],
    ["22/2018/TT-BGDĐT", "3120/KH-SGDĐT"]))

# --------------------------------------------------------------------------------------------
# 22. Bến Tre, Cụm thi đua số 1 huyện Mỏ Cày Nam (UBND xã): numbered score list
#     "1. UBND xã A: 95,5 điểm (Xếp thứ Nhất);" down to "Xếp thứ Sáu", "Ngày 08 tháng 01 năm 2024",
#     "gồm 6 xã: A (Cụm trưởng), B (Cụm phó), …" (bare names and heads, as d029), one xã that is
#     Cụm phó in 2023 and Cụm trưởng in 2024, byline "Name - VP UBND xã …"
# --------------------------------------------------------------------------------------------
sample("bentre_cum1_mocaynam_xetthidua_2023", "txt", """
Cụm thi đua số 1 huyện Mỏ Cày Nam họp xét thi đua năm 2023

Ngày 08 tháng 01 năm 2024, tại Phòng họp UBND xã An Thạnh, Cụm thi đua số 1 huyện Mỏ Cày Nam tổ chức họp chấm điểm, xếp hạng thi đua năm 2023. Cụm gồm 6 xã: An Thạnh (Cụm trưởng), Ngãi Đăng (Cụm phó), An Định, Minh Đức, Tân Trung và Phước Hiệp.

Đến dự có bà Huỳnh Thị Bích Phượng, Phó Trưởng Phòng Nội vụ huyện; ông Lê Văn Tâm, Chủ tịch UBND xã An Thạnh, Cụm trưởng chủ trì cuộc họp; cùng Chủ tịch UBND và công chức Văn phòng - Thống kê phụ trách thi đua, khen thưởng của 6 xã trong cụm.

Căn cứ Hướng dẫn số 01/HD-HĐTĐKT của Hội đồng Thi đua - Khen thưởng huyện và Quyết định số 26/2023/QĐ-UBND của UBND tỉnh Bến Tre, mỗi xã trình bày bảng tự chấm điểm theo 5 nhóm tiêu chí; các thành viên trong cụm đối chiếu với số liệu thẩm định của các phòng, ban chuyên môn huyện, chấm chéo từng tiêu chí và thống nhất điểm cuối cùng. Những nội dung còn ý kiến khác nhau được đưa ra biểu quyết công khai ngay tại cuộc họp.

Kết quả chấm điểm, xếp hạng cụ thể như sau:

1. UBND xã Minh Đức: 95,5 điểm (Xếp thứ Nhất);
2. UBND xã An Thạnh: 94 điểm (Xếp thứ Nhì);
3. UBND xã Phước Hiệp: 92,75 điểm (Xếp thứ Ba);
4. UBND xã Ngãi Đăng: 91 điểm (Xếp thứ Tư);
5. UBND xã Tân Trung: 90,25 điểm (Xếp thứ Năm);
6. UBND xã An Định: 88,5 điểm (Xếp thứ Sáu).

Cụm thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho UBND xã Minh Đức và đề nghị UBND huyện tặng Giấy khen cho UBND xã An Thạnh.

Bà Huỳnh Thị Bích Phượng ghi nhận cuộc họp diễn ra nghiêm túc, dân chủ; đề nghị các xã hoàn chỉnh hồ sơ, gửi về Phòng Nội vụ huyện trước ngày 15/01/2024 để tổng hợp, trình Hội đồng Thi đua - Khen thưởng huyện xem xét.

Theo quy chế luân phiên, cuộc họp thống nhất chọn UBND xã Ngãi Đăng làm Cụm trưởng và UBND xã Phước Hiệp làm Cụm phó năm 2024./.

Thanh Tùng - VP UBND xã An Thạnh
""", gold(
    "Cụm thi đua số 1 huyện Mỏ Cày Nam họp xét thi đua năm 2023", None, "Thanh Tùng",
    "2024-01-08", ["cham_diem"], 2023, "Phòng họp UBND xã An Thạnh",
    ("Cụm thi đua số 1", "cum", 1),
    ["An Thạnh", "Ngãi Đăng", "An Định", "Minh Đức", "Tân Trung", "Phước Hiệp"],
    [("Huỳnh Thị Bích Phượng", "Phó Trưởng Phòng Nội vụ huyện", "Phòng Nội vụ huyện"),
     ("Lê Văn Tâm", "Chủ tịch UBND xã An Thạnh, Cụm trưởng", "UBND xã An Thạnh")],
    [("UBND xã Minh Đức", 1, 95.5), ("UBND xã An Thạnh", 2, 94), ("UBND xã Phước Hiệp", 3, 92.75),
     ("UBND xã Ngãi Đăng", 4, 91), ("UBND xã Tân Trung", 5, 90.25), ("UBND xã An Định", 6, 88.5)],
    [("An Thạnh", "truong", 2023), ("Ngãi Đăng", "pho", 2023),
     ("UBND xã Ngãi Đăng", "truong", 2024), ("UBND xã Phước Hiệp", "pho", 2024)],
    ["01/HD-HĐTĐKT", "26/2023/QĐ-UBND"]))

# --------------------------------------------------------------------------------------------
# 23. Kiên Giang, Cụm thi đua số 4: a short official notice (THÔNG BÁO) with letterhead, its own
#     number "Số: 07/TB-CTĐ" (not cited, so not a legal ref), place-and-date line as the
#     publication date, "UBND các huyện A, B" (bare), "đơn vị dẫn đầu" / "đơn vị xếp thứ hai",
#     "đề cử … năm 2025", a Khmer surname, the signature block repeats the chair's name
# --------------------------------------------------------------------------------------------
sample("kiengiang_cum4_thongbao_ketqua_2024", "txt", """
UBND HUYỆN KIÊN HẢI
CỤM THI ĐUA SỐ 4
Số: 07/TB-CTĐ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Kiên Hải, ngày 20 tháng 12 năm 2024

THÔNG BÁO
Kết quả Hội nghị tổng kết, bình xét thi đua năm 2024 Cụm thi đua số 4

Ngày 18/12/2024, tại Phòng họp UBND huyện Kiên Hải, Cụm thi đua số 4 gồm UBND thành phố Phú Quốc, UBND thành phố Hà Tiên và UBND các huyện Kiên Hải, Giang Thành tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2024. Hội nghị do ông Phạm Văn Lực, Phó Chủ tịch UBND huyện Kiên Hải, Cụm trưởng chủ trì; bà Danh Thị Kim Sa, Phó Trưởng Ban Thi đua - Khen thưởng tỉnh dự và phát biểu.

Sau khi nghe báo cáo tổng kết và ý kiến thảo luận của các đơn vị, căn cứ Quyết định số 1850/QĐ-UBND của UBND tỉnh về việc thành lập các cụm, khối thi đua, Cụm thi đua số 4 thông báo kết quả như sau:

1. Đề nghị UBND tỉnh tặng Cờ thi đua cho UBND thành phố Phú Quốc - đơn vị dẫn đầu Cụm thi đua số 4 năm 2024; tặng Bằng khen cho UBND huyện Giang Thành - đơn vị xếp thứ hai.

2. Thống nhất đề cử UBND thành phố Hà Tiên làm Cụm trưởng, UBND huyện Giang Thành làm Cụm phó năm 2025.

3. Các đơn vị gửi hồ sơ đề nghị khen thưởng về Ban Thi đua - Khen thưởng tỉnh (qua Sở Nội vụ) trước ngày 31/12/2024.

Cụm thi đua số 4 thông báo để các đơn vị biết, thực hiện./.

Nơi nhận:
- Ban Thi đua - Khen thưởng tỉnh;
- UBND các huyện, thành phố trong cụm;
- Lưu: VT.

TM. CỤM THI ĐUA SỐ 4
CỤM TRƯỞNG
PHÓ CHỦ TỊCH UBND HUYỆN KIÊN HẢI

Phạm Văn Lực
""", gold(
    "THÔNG BÁO Kết quả Hội nghị tổng kết, bình xét thi đua năm 2024 Cụm thi đua số 4", "2024-12-20", None,
    "2024-12-18", ["tong_ket", "cham_diem"], 2024, "Phòng họp UBND huyện Kiên Hải",
    ("Cụm thi đua số 4", "cum", 4),
    ["UBND thành phố Phú Quốc", "UBND thành phố Hà Tiên", "Kiên Hải", "Giang Thành"],
    [("Phạm Văn Lực", "Phó Chủ tịch UBND huyện Kiên Hải, Cụm trưởng", "UBND huyện Kiên Hải"),
     ("Danh Thị Kim Sa", "Phó Trưởng Ban Thi đua - Khen thưởng tỉnh", "Ban Thi đua - Khen thưởng tỉnh")],
    [("UBND thành phố Phú Quốc", 1, None), ("UBND huyện Giang Thành", 2, None)],
    [("UBND huyện Kiên Hải", "truong", 2024), ("UBND thành phố Hà Tiên", "truong", 2025),
     ("UBND huyện Giang Thành", "pho", 2025)],
    ["1850/QĐ-UBND"]))

# --------------------------------------------------------------------------------------------
# 24. Tây Ninh, Khối thi đua các bệnh viện tuyến tỉnh: DOCX minutes whose attendees are a TABLE
#     (STT | Họ và tên | Chức vụ, đơn vị), degrees before names ("BS.CKII", "ThS.") are dropped
#     like ranks, ", Khối trưởng" / ", Khối phó" of a person are kept, tổng kết + bình xét +
#     triển khai, "Vào lúc 14 giờ 00, ngày 10 tháng 01 năm 2023"
# --------------------------------------------------------------------------------------------
ATTENDEE_TABLE = [
    ("STT", "Họ và tên", "Chức vụ, đơn vị"),
    ("1", "BS.CKII Trần Hữu Lộc", "Giám đốc Bệnh viện Đa khoa tỉnh Tây Ninh, Khối trưởng"),
    ("2", "Võ Thị Ngọc Hạnh", "Phó Giám đốc Sở Y tế"),
    ("3", "ThS. Nguyễn Minh Khoa", "Phó Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ"),
    ("4", "BS.CKI Lê Thị Kim Loan", "Giám đốc Bệnh viện Y dược cổ truyền Tây Ninh, Khối phó"),
    ("5", "Phạm Văn Bé", "Phó Giám đốc Bệnh viện Lao và Bệnh phổi Tây Ninh"),
    ("6", "Đặng Thị Mỹ Hạnh", "Trưởng phòng Tổ chức cán bộ, Bệnh viện Đa khoa tỉnh Tây Ninh"),
]
sample("tayninh_khoi_benhvien_bienban_2022", "docx_minutes", """
Tây Ninh, ngày 10 tháng 01 năm 2023

BIÊN BẢN HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022

Khối thi đua các bệnh viện tuyến tỉnh

Vào lúc 14 giờ 00, ngày 10 tháng 01 năm 2023, tại Hội trường Bệnh viện Đa khoa tỉnh Tây Ninh, Khối thi đua các bệnh viện tuyến tỉnh thuộc Sở Y tế Tây Ninh tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2022, bình xét thi đua và triển khai kế hoạch thi đua năm 2023.

I. THÀNH PHẦN THAM DỰ

[TABLE]

Cùng dự có đại diện Ban Giám đốc, Ban Chấp hành Công đoàn cơ sở và cán bộ phụ trách thi đua của các bệnh viện trong khối. Chủ trì: BS.CKII Trần Hữu Lộc. Thư ký: bà Đặng Thị Mỹ Hạnh.

II. NỘI DUNG

1. Khối thi đua gồm 4 đơn vị: Bệnh viện Đa khoa tỉnh Tây Ninh, Bệnh viện Y dược cổ truyền Tây Ninh, Bệnh viện Lao và Bệnh phổi Tây Ninh, Bệnh viện Phục hồi chức năng Tây Ninh. Năm 2022, các bệnh viện đã khám, chữa bệnh cho hơn 1,2 triệu lượt người, điều trị nội trú 96.000 lượt; triển khai 27 kỹ thuật mới; thực hiện Quyết định số 2151/QĐ-BYT của Bộ Y tế về đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh, tỷ lệ hài lòng đạt trên 95%.

2. Bình xét thi đua: căn cứ kết quả chấm điểm theo Hướng dẫn số 05/HD-SYT của Sở Y tế, hội nghị biểu quyết thống nhất Bệnh viện Lao và Bệnh phổi Tây Ninh dẫn đầu khối, đề nghị UBND tỉnh tặng Cờ thi đua; Bệnh viện Đa khoa tỉnh Tây Ninh xếp thứ hai, đề nghị tặng Bằng khen.

3. Bà Võ Thị Ngọc Hạnh, Phó Giám đốc Sở Y tế triển khai Kế hoạch thi đua năm 2023 của ngành, đề nghị các bệnh viện tập trung nâng cao chất lượng khám, chữa bệnh, chuyển đổi số và thực hiện bệnh án điện tử. Ông Nguyễn Minh Khoa hướng dẫn hồ sơ khen thưởng theo quy định mới.

4. Hội nghị thống nhất bầu Bệnh viện Y dược cổ truyền Tây Ninh làm Khối trưởng, Bệnh viện Phục hồi chức năng Tây Ninh làm Khối phó năm 2023 (4/4 đơn vị tán thành).

Hội nghị kết thúc lúc 16 giờ 30 phút cùng ngày. Biên bản đã được thông qua trước hội nghị và các đại biểu thống nhất nội dung./.
""", gold(
    "BIÊN BẢN HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022", "2023-01-10", None,
    "2023-01-10", ["tong_ket", "cham_diem", "trien_khai"], 2022, "Hội trường Bệnh viện Đa khoa tỉnh Tây Ninh",
    ("Khối thi đua các bệnh viện tuyến tỉnh", "khoi", None),
    ["Bệnh viện Đa khoa tỉnh Tây Ninh", "Bệnh viện Y dược cổ truyền Tây Ninh", "Bệnh viện Lao và Bệnh phổi Tây Ninh",
     "Bệnh viện Phục hồi chức năng Tây Ninh"],
    [("Trần Hữu Lộc", "Giám đốc Bệnh viện Đa khoa tỉnh Tây Ninh, Khối trưởng", "Bệnh viện Đa khoa tỉnh Tây Ninh"),
     ("Võ Thị Ngọc Hạnh", "Phó Giám đốc Sở Y tế", "Sở Y tế"),
     ("Nguyễn Minh Khoa", "Phó Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ", "Ban Thi đua - Khen thưởng"),
     ("Lê Thị Kim Loan", "Giám đốc Bệnh viện Y dược cổ truyền Tây Ninh, Khối phó", "Bệnh viện Y dược cổ truyền Tây Ninh"),
     ("Phạm Văn Bé", "Phó Giám đốc Bệnh viện Lao và Bệnh phổi Tây Ninh", "Bệnh viện Lao và Bệnh phổi Tây Ninh"),
     ("Đặng Thị Mỹ Hạnh", "Trưởng phòng Tổ chức cán bộ, Bệnh viện Đa khoa tỉnh Tây Ninh", "Phòng Tổ chức cán bộ")],
    [("Bệnh viện Lao và Bệnh phổi Tây Ninh", 1, None), ("Bệnh viện Đa khoa tỉnh Tây Ninh", 2, None)],
    [("Bệnh viện Đa khoa tỉnh Tây Ninh", "truong", 2022), ("Bệnh viện Y dược cổ truyền Tây Ninh", "pho", 2022),
     ("Bệnh viện Y dược cổ truyền Tây Ninh", "truong", 2023), ("Bệnh viện Phục hồi chức năng Tây Ninh", "pho", 2023)],
    ["2151/QĐ-BYT", "05/HD-SYT"]),
    header="SỞ Y TẾ TỈNH TÂY NINH - KHỐI THI ĐUA CÁC BỆNH VIỆN TUYẾN TỈNH",
    footer="Biên bản hội nghị tổng kết Khối thi đua các bệnh viện tuyến tỉnh năm 2022",
    letterhead=[("SỞ Y TẾ TÂY NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                ("KHỐI THI ĐUA CÁC BỆNH VIỆN", "Độc lập - Tự do - Hạnh phúc")],
    signatures=[("THƯ KÝ", "CHỦ TRÌ"), ("Đặng Thị Mỹ Hạnh", "Trần Hữu Lộc")],
    table=ATTENDEE_TABLE, dateline="Tây Ninh, ngày", subtitle="Khối thi đua các bệnh viện",
    docx_author="Khối thi đua các bệnh viện", left_cols=(1, 2))

# --------------------------------------------------------------------------------------------
# 25. Yên Bái, Cụm thi đua số 2 Hội Nông dân: PDF, Hmông / Thái / Dao names, "Trưởng Ban Tổ chức -
#     Kiểm tra" (a hyphen inside a name, not a separator), scores "96/100 điểm, xếp thứ Nhất",
#     a cited model farmer, "trao cờ luân lưu cho X - đơn vị Cụm trưởng năm 2024"
# --------------------------------------------------------------------------------------------
sample("yenbai_cum2_hoinongdan_tongket_2023", "pdf", """
Cụm thi đua số 2 Hội Nông dân tỉnh Yên Bái tổng kết năm 2023

15:20 | 18/12/2023

Ngày 15/12/2023, tại Hội trường Huyện ủy Mù Cang Chải, Cụm thi đua số 2 Hội Nông dân tỉnh Yên Bái tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2023. Cụm gồm Hội Nông dân 4 đơn vị: thị xã Nghĩa Lộ, huyện Văn Chấn, huyện Trạm Tấu và huyện Mù Cang Chải.

Dự hội nghị có ông Giàng A Chu, Phó Chủ tịch Hội Nông dân tỉnh; bà Lò Thị Thu Hà, Trưởng Ban Tổ chức - Kiểm tra Hội Nông dân tỉnh; ông Sùng A Lử, Phó Bí thư Thường trực Huyện ủy Mù Cang Chải. Ông Thào A Giàng, Chủ tịch Hội Nông dân huyện Mù Cang Chải, Cụm trưởng Cụm thi đua số 2 năm 2023 chủ trì hội nghị.

Năm 2023, các cấp Hội trong cụm đã bám sát Quyết định số 673/QĐ-TTg của Thủ tướng Chính phủ về việc Hội Nông dân Việt Nam trực tiếp thực hiện và phối hợp thực hiện một số chương trình, đề án phát triển kinh tế, văn hóa, xã hội nông thôn. Toàn cụm kết nạp mới 1.240 hội viên; 8.900 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp; Quỹ Hỗ trợ nông dân tăng 1,6 tỷ đồng, hỗ trợ 210 hộ hội viên vay vốn. Điển hình là hộ ông Hờ A Sử ở xã Chế Tạo với mô hình trồng sơn tra kết hợp nuôi cá hồi, cho thu nhập trên 600 triệu đồng mỗi năm.

Ông Bàn Văn Quý, Chủ tịch Hội Nông dân huyện Văn Chấn chia sẻ kinh nghiệm xây dựng chi hội nghề nghiệp chè Shan tuyết. Các đại biểu đánh giá cao phong trào thi đua theo Kế hoạch số 86-KH/HNDT của Ban Thường vụ Hội Nông dân tỉnh.

Ông Giàng A Chu trao Giấy khen của Hội Nông dân tỉnh cho các tập thể có thành tích xuất sắc. Ảnh: Thanh Bình

Qua chấm điểm, Hội Nông dân huyện Văn Chấn đạt 96/100 điểm, xếp thứ Nhất; Hội Nông dân thị xã Nghĩa Lộ đạt 94,5/100 điểm, xếp thứ Nhì; Hội Nông dân huyện Trạm Tấu đạt 93/100 điểm, xếp thứ Ba.

Phát biểu chỉ đạo, ông Giàng A Chu đề nghị các cấp Hội tiếp tục đồng hành cùng hội viên người Mông, người Thái, người Dao phát triển kinh tế hàng hóa, giữ gìn bản sắc văn hóa. Tại hội nghị, Hội Nông dân huyện Mù Cang Chải đã trao cờ luân lưu cho Hội Nông dân huyện Trạm Tấu - đơn vị Cụm trưởng năm 2024; Hội Nông dân huyện Văn Chấn được bầu làm Cụm phó.

Thanh Bình
""", gold(
    "Cụm thi đua số 2 Hội Nông dân tỉnh Yên Bái tổng kết năm 2023", "2023-12-18", "Thanh Bình",
    "2023-12-15", ["tong_ket", "cham_diem"], 2023, "Hội trường Huyện ủy Mù Cang Chải",
    ("Cụm thi đua số 2", "cum", 2),
    ["thị xã Nghĩa Lộ", "huyện Văn Chấn", "huyện Trạm Tấu", "huyện Mù Cang Chải"],
    [("Giàng A Chu", "Phó Chủ tịch Hội Nông dân tỉnh", "Hội Nông dân tỉnh"),
     ("Lò Thị Thu Hà", "Trưởng Ban Tổ chức - Kiểm tra Hội Nông dân tỉnh", "Ban Tổ chức - Kiểm tra Hội Nông dân tỉnh"),
     ("Sùng A Lử", "Phó Bí thư Thường trực Huyện ủy Mù Cang Chải", "Huyện ủy Mù Cang Chải"),
     ("Thào A Giàng", "Chủ tịch Hội Nông dân huyện Mù Cang Chải, Cụm trưởng Cụm thi đua số 2 năm 2023",
      "Hội Nông dân huyện Mù Cang Chải"),
     ("Bàn Văn Quý", "Chủ tịch Hội Nông dân huyện Văn Chấn", "Hội Nông dân huyện Văn Chấn")],
    [("Hội Nông dân huyện Văn Chấn", 1, 96), ("Hội Nông dân thị xã Nghĩa Lộ", 2, 94.5),
     ("Hội Nông dân huyện Trạm Tấu", 3, 93)],
    [("Hội Nông dân huyện Mù Cang Chải", "truong", 2023), ("Hội Nông dân huyện Trạm Tấu", "truong", 2024),
     ("Hội Nông dân huyện Văn Chấn", "pho", 2024)],
    ["673/QĐ-TTg", "86-KH/HNDT"]),
    site="HỘI NÔNG DÂN TỈNH YÊN BÁI - TIN HOẠT ĐỘNG")

# --------------------------------------------------------------------------------------------
# 26. Điện Biên, Cụm thi đua số 2 Tỉnh Đoàn: minutes as plain text, "Thành phần tham dự gồm:" then
#     one attendee a line ("- Ông/Bà Name, Title;"), Thái and Hmông names, a person who is
#     ", Cụm phó …" (kept, and gives the pho head), cited heroes, anniversary dates
#     "(07/5/1954 - 07/5/2024)", publication = the place-and-date line
# --------------------------------------------------------------------------------------------
sample("dienbien_cum2_doan_bienban_kyket_2024", "txt", """
TỈNH ĐOÀN ĐIỆN BIÊN
CỤM THI ĐUA SỐ 2
***

ĐOÀN TNCS HỒ CHÍ MINH

Tuần Giáo, ngày 06 tháng 3 năm 2024

BIÊN BẢN HỘI NGHỊ KÝ KẾT GIAO ƯỚC THI ĐUA NĂM 2024
Cụm thi đua số 2 - Tỉnh Đoàn Điện Biên

Hôm nay, vào hồi 08 giờ 30 phút ngày 06 tháng 3 năm 2024, tại Hội trường Huyện đoàn Tuần Giáo, Cụm thi đua số 2 trực thuộc Tỉnh Đoàn Điện Biên tổ chức Hội nghị triển khai hoạt động và ký kết giao ước thi đua năm 2024.

I. THÀNH PHẦN

Thành phần tham dự gồm:
- Ông Lò Văn Phương, Phó Bí thư Tỉnh Đoàn Điện Biên;
- Bà Quàng Thị Thoa, Bí thư Huyện đoàn Tuần Giáo, Cụm trưởng Cụm thi đua số 2;
- Ông Sùng A Chá, Bí thư Huyện đoàn Tủa Chùa, Cụm phó Cụm thi đua số 2;
- Bà Lường Thị Kim Oanh, Phó Bí thư Huyện đoàn Mường Ảng;
- Ông Giàng A Dình, Bí thư Huyện đoàn Mường Chà;
- Ông Vì Văn Thắng, Trưởng Ban Dân vận Huyện ủy Tuần Giáo;
- Bà Cà Thị Hiền, Ủy viên Ban Thường vụ Huyện đoàn Tuần Giáo;
- Các đồng chí Ủy viên Ban Thường vụ, cán bộ chuyên trách 4 Huyện đoàn trong cụm.

Chủ trì: bà Quàng Thị Thoa. Thư ký: bà Cà Thị Hiền.

II. NỘI DUNG

1. Bà Quàng Thị Thoa thông qua Kế hoạch số 05/KH-CTĐ2 về hoạt động của Cụm thi đua số 2 năm 2024. Cụm gồm 4 đơn vị: Huyện đoàn Tuần Giáo, Huyện đoàn Tủa Chùa, Huyện đoàn Mường Ảng và Huyện đoàn Mường Chà. Các chỉ tiêu thi đua được xây dựng trên cơ sở Hướng dẫn số 32-HD/TĐTN-TCKT của Ban Thường vụ Tỉnh Đoàn.

2. Ông Sùng A Chá thông qua dự thảo giao ước thi đua gồm 6 nội dung; trọng tâm là tổ chức các hoạt động tình nguyện chào mừng kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024), giáo dục truyền thống cho đoàn viên, thanh niên qua tấm gương các anh hùng Phan Đình Giót, Tô Vĩnh Diện, Bế Văn Đàn.

3. Ông Lò Văn Phương phát biểu chỉ đạo, phát động đợt thi đua cao điểm “Tuổi trẻ Điện Biên tự hào tiếp bước cha anh”; đề nghị các Huyện đoàn quan tâm xây dựng tổ chức Đoàn ở các bản vùng cao, vùng biên giới. Ông Vì Văn Thắng đề nghị cụm phối hợp chặt chẽ với Mặt trận và các đoàn thể trong công tác dân vận.

4. Đại diện 4 Huyện đoàn đã ký kết giao ước thi đua năm 2024.

Hội nghị kết thúc vào hồi 11 giờ 00 phút cùng ngày. Biên bản đã được thông qua trước hội nghị và được các đại biểu nhất trí 100%./.

THƯ KÝ                                  CHỦ TRÌ

Cà Thị Hiền                             Quàng Thị Thoa
""", gold(
    "BIÊN BẢN HỘI NGHỊ KÝ KẾT GIAO ƯỚC THI ĐUA NĂM 2024", "2024-03-06", None,
    "2024-03-06", ["trien_khai", "ky_ket_giao_uoc"], 2024, "Hội trường Huyện đoàn Tuần Giáo",
    ("Cụm thi đua số 2", "cum", 2),
    ["Huyện đoàn Tuần Giáo", "Huyện đoàn Tủa Chùa", "Huyện đoàn Mường Ảng", "Huyện đoàn Mường Chà"],
    [("Lò Văn Phương", "Phó Bí thư Tỉnh Đoàn Điện Biên", "Tỉnh Đoàn Điện Biên"),
     ("Quàng Thị Thoa", "Bí thư Huyện đoàn Tuần Giáo, Cụm trưởng Cụm thi đua số 2", "Huyện đoàn Tuần Giáo"),
     ("Sùng A Chá", "Bí thư Huyện đoàn Tủa Chùa, Cụm phó Cụm thi đua số 2", "Huyện đoàn Tủa Chùa"),
     ("Lường Thị Kim Oanh", "Phó Bí thư Huyện đoàn Mường Ảng", "Huyện đoàn Mường Ảng"),
     ("Giàng A Dình", "Bí thư Huyện đoàn Mường Chà", "Huyện đoàn Mường Chà"),
     ("Vì Văn Thắng", "Trưởng Ban Dân vận Huyện ủy Tuần Giáo", "Ban Dân vận Huyện ủy Tuần Giáo"),
     ("Cà Thị Hiền", "Ủy viên Ban Thường vụ Huyện đoàn Tuần Giáo", "Huyện đoàn Tuần Giáo")],
    [],
    [("Huyện đoàn Tuần Giáo", "truong", 2024), ("Huyện đoàn Tủa Chùa", "pho", 2024)],
    ["05/KH-CTĐ2", "32-HD/TĐTN-TCKT"]))

# --------------------------------------------------------------------------------------------
# 27. Khối thi đua các bộ, ngành kinh tế tổng hợp (central ministries): sơ kết 6 tháng, "(MOF) -
#     Chiều 18/7" with "20/07/2023 16:30", "Trưởng khối / Phó Trưởng khối", five titles before
#     names in one sentence, a cited Trưởng ban who did not attend, "chấm điểm, bình xét cuối năm"
#     is a plan (not cham_diem), "phương hướng" is not trien_khai
# --------------------------------------------------------------------------------------------
sample("khoi_bonganh_kinhtetonghop_soket_2023", "txt", """
Khối thi đua các bộ, ngành kinh tế tổng hợp sơ kết công tác thi đua 6 tháng đầu năm 2023

20/07/2023 16:30

(MOF) - Chiều 18/7, tại trụ sở Bộ Tài chính, Khối thi đua các bộ, ngành kinh tế tổng hợp tổ chức Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm, bàn phương hướng, nhiệm vụ trọng tâm 6 tháng cuối năm 2023. Năm 2023, Bộ Tài chính là đơn vị Trưởng khối, Ngân hàng Nhà nước Việt Nam là đơn vị Phó Trưởng khối.

Thứ trưởng Bộ Tài chính Phí Ngọc Lâm chủ trì hội nghị. Tham dự hội nghị có Phó Trưởng ban Ban Thi đua - Khen thưởng Trung ương Lưu Quang Huy; Thứ trưởng Bộ Công Thương Khúc Thị Lan Anh; Phó Thống đốc Ngân hàng Nhà nước Việt Nam Tạ Quang Vinh; Phó Tổng Kiểm toán Nhà nước Hà Minh Khôi cùng đại diện lãnh đạo các vụ, đơn vị làm công tác thi đua, khen thưởng của 6 bộ, ngành trong khối: Bộ Tài chính, Bộ Kế hoạch và Đầu tư, Bộ Công Thương, Ngân hàng Nhà nước Việt Nam, Kiểm toán Nhà nước và Ủy ban Quản lý vốn nhà nước tại doanh nghiệp.

Báo cáo sơ kết do ông Đặng Văn Quý, Vụ trưởng Vụ Thi đua - Khen thưởng, Bộ Tài chính trình bày cho biết, 6 tháng đầu năm 2023, các bộ, ngành trong khối đã tham mưu Chính phủ nhiều giải pháp tháo gỡ khó khăn cho sản xuất, kinh doanh: gia hạn, miễn, giảm thuế, phí với tổng số tiền khoảng 121.000 tỷ đồng; 4 lần điều chỉnh giảm lãi suất điều hành; thúc đẩy giải ngân vốn đầu tư công. Các đơn vị đã kịp thời quán triệt Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng, rà soát, sửa đổi quy chế thi đua, khen thưởng của bộ, ngành mình.

Như Trưởng ban Ban Thi đua - Khen thưởng Trung ương Vũ Đức Thành đã nhấn mạnh tại hội nghị triển khai Luật Thi đua, khen thưởng, khen thưởng phải “đúng người, đúng việc, đúng thời điểm”, chú trọng người lao động trực tiếp. Các bộ, ngành trong khối đã tăng tỷ lệ khen thưởng cho công chức, người lao động trực tiếp lên 38%.

Thứ trưởng Bộ Tài chính Phí Ngọc Lâm phát biểu tại hội nghị. Ảnh: Đức Minh

Phát biểu kết luận, Thứ trưởng Phí Ngọc Lâm đề nghị các bộ, ngành trong khối tập trung hoàn thành các nhiệm vụ được Chính phủ giao; phát hiện, biểu dương kịp thời các tập thể, cá nhân có thành tích xuất sắc; chuẩn bị tốt cho việc chấm điểm, bình xét thi đua cuối năm theo Quyết định số 1526/QĐ-BTC ban hành quy chế hoạt động của Khối.

Minh Anh
""", gold(
    "Khối thi đua các bộ, ngành kinh tế tổng hợp sơ kết công tác thi đua 6 tháng đầu năm 2023", "2023-07-20",
    "Minh Anh", "2023-07-18", ["so_ket"], 2023, "trụ sở Bộ Tài chính",
    ("Khối thi đua các bộ, ngành kinh tế tổng hợp", "khoi", None),
    ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Bộ Công Thương", "Ngân hàng Nhà nước Việt Nam", "Kiểm toán Nhà nước",
     "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"],
    [("Phí Ngọc Lâm", "Thứ trưởng Bộ Tài chính", "Bộ Tài chính"),
     ("Lưu Quang Huy", "Phó Trưởng ban Ban Thi đua - Khen thưởng Trung ương", "Ban Thi đua - Khen thưởng Trung ương"),
     ("Khúc Thị Lan Anh", "Thứ trưởng Bộ Công Thương", "Bộ Công Thương"),
     ("Tạ Quang Vinh", "Phó Thống đốc Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam"),
     ("Hà Minh Khôi", "Phó Tổng Kiểm toán Nhà nước", "Kiểm toán Nhà nước"),
     ("Đặng Văn Quý", "Vụ trưởng Vụ Thi đua - Khen thưởng, Bộ Tài chính", "Vụ Thi đua - Khen thưởng")],
    [],
    [("Bộ Tài chính", "truong", 2023), ("Ngân hàng Nhà nước Việt Nam", "pho", 2023)],
    ["98/2023/NĐ-CP", "1526/QĐ-BTC"]))

# --------------------------------------------------------------------------------------------
# 28. Bình Thuận, Khối thi đua các doanh nghiệp tỉnh: a member company's own news, "Cập nhật lúc:
#     16/01/2023 10:05" with "Ngày 13/1", an acronym in the title ("PC Bình Thuận"), a four-part
#     name without "Thị" ("Tôn Nữ Ngọc Diệp"), "đứng đầu … về độ tin cậy cung cấp điện" is not a
#     rank, "985/1.000 điểm", handover "Khối trưởng năm 2022 … bàn giao … cho …", signing in a caption
# --------------------------------------------------------------------------------------------
sample("binhthuan_khoi_doanhnghiep_tongket_2022", "txt", """
PC Bình Thuận dẫn đầu Khối thi đua các doanh nghiệp tỉnh năm 2022

Cập nhật lúc: 16/01/2023 10:05

Ngày 13/1, tại Hội trường Công ty cổ phần Cấp thoát nước Bình Thuận, Khối thi đua các doanh nghiệp tỉnh Bình Thuận tổ chức hội nghị tổng kết phong trào thi đua năm 2022 và ký kết giao ước thi đua năm 2023. Công ty Điện lực Bình Thuận (PC Bình Thuận) vinh dự được các doanh nghiệp trong khối suy tôn là đơn vị dẫn đầu phong trào thi đua năm 2022.

Dự hội nghị có Phó Chủ tịch UBND tỉnh Bình Thuận Trịnh Minh Hoàng; bà Tôn Nữ Ngọc Diệp, Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh; ông Võ Tấn Lực, Phó Chủ tịch Liên đoàn Lao động tỉnh. Hội nghị do ông Lê Văn Tùng, Giám đốc Công ty cổ phần Cấp thoát nước Bình Thuận chủ trì. Về phía PC Bình Thuận có ông Trần Hữu Phước, Giám đốc Công ty.

Khối gồm 6 doanh nghiệp: Công ty Điện lực Bình Thuận, Công ty TNHH MTV Xổ số kiến thiết Bình Thuận, Công ty cổ phần Cấp thoát nước Bình Thuận, Công ty cổ phần Môi trường và Dịch vụ đô thị Bình Thuận, Công ty TNHH MTV Khai thác công trình thủy lợi Bình Thuận và Công ty cổ phần Công trình giao thông Bình Thuận.

Năm 2022, PC Bình Thuận cung ứng đủ điện cho phát triển kinh tế - xã hội, điện thương phẩm đạt 2,9 tỷ kWh, tăng 9,6%; tỷ lệ tổn thất điện năng còn 3,1%; đứng đầu Tổng công ty Điện lực miền Nam về chỉ số độ tin cậy cung cấp điện. Các doanh nghiệp trong khối đều hoàn thành vượt kế hoạch doanh thu, nộp ngân sách, bảo đảm việc làm, thu nhập cho người lao động theo Kế hoạch số 112/KH-UBND của UBND tỉnh về phong trào thi đua năm 2022.

Theo kết quả chấm điểm, Công ty Điện lực Bình Thuận đạt 985/1.000 điểm, đứng đầu Khối; Công ty TNHH MTV Xổ số kiến thiết Bình Thuận xếp thứ hai với 972,5 điểm. Khối thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Công ty Điện lực Bình Thuận.

Phát biểu tại hội nghị, Phó Chủ tịch UBND tỉnh Trịnh Minh Hoàng đề nghị các doanh nghiệp đẩy mạnh chuyển đổi số, quản trị hiện đại, quan tâm hơn nữa đến an toàn lao động. Bà Tôn Nữ Ngọc Diệp lưu ý các doanh nghiệp rà soát hồ sơ khen thưởng theo Nghị định số 98/2023/NĐ-CP.

Lãnh đạo các doanh nghiệp ký kết giao ước thi đua năm 2023. Ảnh: Ngọc Thạch

Tại hội nghị, Công ty cổ phần Cấp thoát nước Bình Thuận - Khối trưởng năm 2022 đã bàn giao nhiệm vụ Khối trưởng năm 2023 cho PC Bình Thuận; Công ty cổ phần Môi trường và Dịch vụ đô thị Bình Thuận được bầu làm Khối phó năm 2023.

Ngọc Thạch - PC Bình Thuận
""", gold(
    "PC Bình Thuận dẫn đầu Khối thi đua các doanh nghiệp tỉnh năm 2022", "2023-01-16", "Ngọc Thạch",
    "2023-01-13", ["tong_ket", "cham_diem", "ky_ket_giao_uoc"], 2022,
    "Hội trường Công ty cổ phần Cấp thoát nước Bình Thuận",
    ("Khối thi đua các doanh nghiệp tỉnh Bình Thuận", "khoi", None),
    ["Công ty Điện lực Bình Thuận", "Công ty TNHH MTV Xổ số kiến thiết Bình Thuận",
     "Công ty cổ phần Cấp thoát nước Bình Thuận", "Công ty cổ phần Môi trường và Dịch vụ đô thị Bình Thuận",
     "Công ty TNHH MTV Khai thác công trình thủy lợi Bình Thuận", "Công ty cổ phần Công trình giao thông Bình Thuận"],
    [("Trịnh Minh Hoàng", "Phó Chủ tịch UBND tỉnh Bình Thuận", "UBND tỉnh Bình Thuận"),
     ("Tôn Nữ Ngọc Diệp", "Phó Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh", "Sở Nội vụ"),
     ("Võ Tấn Lực", "Phó Chủ tịch Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh"),
     ("Lê Văn Tùng", "Giám đốc Công ty cổ phần Cấp thoát nước Bình Thuận", "Công ty cổ phần Cấp thoát nước Bình Thuận"),
     ("Trần Hữu Phước", "Giám đốc Công ty", "Công ty Điện lực Bình Thuận")],
    [("Công ty Điện lực Bình Thuận", 1, 985), ("Công ty TNHH MTV Xổ số kiến thiết Bình Thuận", 2, 972.5)],
    [("Công ty cổ phần Cấp thoát nước Bình Thuận", "truong", 2022), ("PC Bình Thuận", "truong", 2023),
     ("Công ty cổ phần Môi trường và Dịch vụ đô thị Bình Thuận", "pho", 2023)],
    ["112/KH-UBND", "98/2023/NĐ-CP"]))


# --------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------
def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 stores most tone marks as combining characters after a base letter."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        # base letter (with its vowel marks, e.g. "ê" out of "ệ") + combining tone mark
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        out += base.encode("cp1258") + tones.encode("cp1258")
    data = bytes(out)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text, "cp1258 round trip failed"
    return data


def write_txt(s: dict, path: Path) -> None:
    text = s["text"] + "\n"
    newline = s.get("newline", "\n")
    if newline != "\n":
        text = text.replace("\n", newline)
    encoding = s.get("encoding", "utf-8")
    data = encode_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    path.write_bytes(data)


HTML_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Cổng Thông tin điện tử Đảng bộ tỉnh Sóc Trăng</title>
<link rel="stylesheet" href="/Portals/_default/skins/dangbo/css/style.css">
<script type="text/javascript">var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-0000000-1']);</script>
</head>
<body>
<div id="wrapper">
<header class="site-header">
  <div class="logo"><a href="/"><img src="/images/logo-dang.png" alt="Logo"></a></div>
  <div class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH SÓC TRĂNG</div>
  <div class="slogan">Đảng Cộng sản Việt Nam quang vinh muôn năm!</div>
</header>
<nav class="main-menu">
  <ul>
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/gioi-thieu">Giới thiệu</a></li>
    <li><a href="/tin-tuc-su-kien">Tin tức - Sự kiện</a></li>
    <li><a href="/xay-dung-dang">Xây dựng Đảng</a></li>
    <li><a href="/thi-dua-khen-thuong">Thi đua - Khen thưởng</a></li>
    <li><a href="/van-ban">Văn bản</a></li>
    <li><a href="/lien-he">Liên hệ</a></li>
  </ul>
</nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/xay-dung-dang">Xây dựng Đảng</a> &raquo; <a href="/thi-dua-khen-thuong">Thi đua - Khen thưởng</a></div>
<div class="container">
<div class="col-main">
<article class="news-detail">
  <h1 class="news-title">{title}</h1>
  <div class="news-meta"><span class="news-date">{date}</span></div>
  <div class="font-tools">Xem với cỡ chữ <a href="javascript:void(0)" onclick="zoom(-1)">A</a> <a href="javascript:void(0)" onclick="zoom(1)">A</a></div>
  <div class="news-body">
{body}
  </div>
  <div class="news-views">Số lần đọc: 233</div>
  <div class="other-news">
    <h3>Tin khác</h3>
    <ul>
      <li><a href="/tin/3012">Cụm thi đua số 2 các huyện ký kết giao ước thi đua năm 2020</a> (05/03/2020)</li>
      <li><a href="/tin/3050">Khối thi đua các cơ quan Đảng tỉnh sơ kết 6 tháng đầu năm 2020</a> (10/07/2020)</li>
      <li><a href="/tin/3121">Ban Tuyên giáo Tỉnh ủy triển khai nhiệm vụ năm 2021</a> (28/12/2020)</li>
    </ul>
  </div>
</article>
</div>
<aside class="sidebar">
  <div class="box">
    <h3>Tin xem nhiều</h3>
    <ul>
      <li><a href="/tin/2988">Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ hai</a></li>
      <li><a href="/tin/2990">Tổng kết công tác xây dựng Đảng năm 2020</a></li>
      <li><a href="/tin/2995">Cụm thi đua số 5 bầu Cụm trưởng năm 2021</a></li>
    </ul>
  </div>
  <div class="box">
    <h3>Liên kết website</h3>
    <select onchange="window.open(this.value)"><option>-- Chọn liên kết --</option><option value="https://dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</option></select>
  </div>
  <div class="box">Thống kê truy cập: Đang trực tuyến 127 - Tổng lượt truy cập 5.432.118</div>
</aside>
</div>
<footer class="site-footer">
  <p>Cơ quan chủ quản: Tỉnh ủy Sóc Trăng. Chịu trách nhiệm chính: Trưởng Ban Tuyên giáo Tỉnh ủy.</p>
  <p>Địa chỉ: số 1 đường Trần Hưng Đạo, phường 2, thành phố Sóc Trăng. Điện thoại: 0299.3821.xxx</p>
  <p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>
</footer>
</div>
</body>
</html>
"""


def write_html(s: dict, path: Path) -> None:
    import html as htmllib
    paras = paragraphs(s["text"])
    title, date, body, byline = paras[0], paras[1], paras[2:-1], paras[-1]
    lines = []
    for i, p in enumerate(body):
        esc = htmllib.escape(p, quote=False)
        if p == s.get("caption"):
            lines.append('    <figure class="image"><img src="/uploads/2020/12/khoi-dang-tong-ket.jpg" alt="">'
                         f"<figcaption>{esc}</figcaption></figure>")
        elif i == 0:
            lines.append(f"    <p class=\"sapo\"><strong>{esc}</strong></p>")
        else:
            lines.append(f"    <p>{esc}</p>")
    lines.append(f'    <p class="author" style="text-align: right;"><strong>{htmllib.escape(byline)}</strong></p>')
    page = HTML_PAGE.format(title=htmllib.escape(title, quote=False), date=htmllib.escape(date),
                            body="\n".join(lines))
    path.write_bytes(page.encode("utf-8"))


def _fix_docx(doc, s: dict) -> None:
    cp = doc.core_properties
    cp.author = s.get("docx_author") or ("Cụm thi đua" if s["fmt"] == "docx_minutes" else "Sở Công Thương Quảng Ngãi")
    cp.last_modified_by = cp.author
    cp.title = s["gold"]["title"]
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1
    cp.comments = ""


def _normalize_zip(path: Path) -> None:
    """python-docx stamps zip members with the current time; rewrite them with a fixed one."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(buf.getvalue())


def _set_cell(cell, text, bold=False, align=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    p.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.CENTER


def write_docx(s: dict, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = docx.Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = doc.sections[0]
    section.header.paragraphs[0].text = s["header"]
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    section.footer.paragraphs[0].text = s["footer"]
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    paras = paragraphs(s["text"])
    if s["fmt"] == "docx_minutes":
        head = doc.add_table(rows=len(s["letterhead"]), cols=2)
        for r, (left, right) in enumerate(s["letterhead"]):
            _set_cell(head.cell(r, 0), left, bold=True)
            _set_cell(head.cell(r, 1), right, bold=True)
        left_cols = s.get("left_cols", (1,))
        for p in paras:
            if p == "[TABLE]":
                rows = s["table"]
                t = doc.add_table(rows=len(rows), cols=len(rows[0]))
                t.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, val in enumerate(row):
                        _set_cell(t.cell(r, c), val, bold=(r == 0),
                                  align=WD_ALIGN_PARAGRAPH.LEFT if (c in left_cols and r > 0) else None)
                continue
            if p.startswith(s.get("dateline", "Nam Đàn, ngày")):
                para = doc.add_paragraph()
                para.add_run(p).italic = True
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif p.startswith("BIÊN BẢN"):
                para = doc.add_paragraph()
                para.add_run(p).bold = True
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif p.startswith(s.get("subtitle", "Về việc")):
                para = doc.add_paragraph()
                para.add_run(p).italic = True
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif re.match(r"^[IVX]+\. ", p):
                doc.add_paragraph().add_run(p).bold = True
            else:
                doc.add_paragraph(p).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        doc.add_paragraph("")
        sig = doc.add_table(rows=len(s["signatures"]), cols=2)
        for r, (left, right) in enumerate(s["signatures"]):
            _set_cell(sig.cell(r, 0), left, bold=(r == 0))
            _set_cell(sig.cell(r, 1), right, bold=(r == 0))
    else:
        doc.add_heading(paras[0], level=1)
        doc.add_paragraph().add_run(paras[1]).italic = True
        for p in paras[2:-1]:
            doc.add_paragraph(p).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        byline = doc.add_paragraph()
        byline.add_run(paras[-1]).bold = True
        byline.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _fix_docx(doc, s)
    doc.save(str(path))
    _normalize_zip(path)


def write_pdf(s: dict, path: Path) -> None:
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", FONT_BOLD))
    big = s.get("page_numbers")
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=12 if big else 10.5,
                          leading=19 if big else 15, alignment=TA_LEFT, spaceAfter=8)
    title = ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold", fontSize=15, leading=20,
                           spaceAfter=6)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor="#555555")
    byline = ParagraphStyle("byline", parent=body, fontName="DejaVuSans-Bold", alignment=TA_RIGHT)

    paras = paragraphs(s["text"])
    story = [Paragraph(s["site"], small), Spacer(1, 4), Paragraph(paras[0], title), Paragraph(paras[1], small)]
    for p in paras[2:-1]:
        story.append(Paragraph(p.replace("&", "&amp;").replace("<", "&lt;"), body))
    story.append(Paragraph(paras[-1], byline))

    def footer(canvas, doc):
        if big:
            canvas.saveState()
            canvas.setFont("DejaVuSans", 9)
            canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Trang {doc.page}")
            canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, leftMargin=2.5 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm, title=s["gold"]["title"],
                            author=s["gold"]["author"] or "", creator="thidua samples", subject="")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


WRITERS = {"txt": write_txt, "html": write_html, "docx_minutes": write_docx, "docx_report": write_docx,
           "pdf": write_pdf}
EXT = {"txt": ".txt", "html": ".html", "docx_minutes": ".docx", "docx_report": ".docx", "pdf": ".pdf"}


# --------------------------------------------------------------------------------------------
# read-back and gold checks (independent of the project's readers)
# --------------------------------------------------------------------------------------------
def extract(path: Path) -> str:
    data = path.read_bytes()
    suffix = path.suffix
    if suffix == ".txt":
        for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16")):
            if data.startswith(bom):
                return data.decode(enc)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1258")
    if suffix == ".html":
        import lxml.html
        root = lxml.html.document_fromstring(data.decode("utf-8"))
        return root.find(".//article").text_content()
    if suffix == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        return "\n".join(parts)
    if suffix == ".pdf":
        import pdfplumber
        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(page.extract_text(x_tolerance=1.5, y_tolerance=3) or "" for page in pdf.pages)
    raise ValueError(path)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


GENERIC_PREFIX = re.compile(r"^(huyện|thị xã|quận|thành phố)\s+", re.IGNORECASE)


def check(s: dict, path: Path) -> list[str]:
    problems = []
    raw = extract(path)
    text = norm(raw)
    g = s["gold"]

    def must(label, value, loose=False):
        if value is None:
            return
        v = norm(value)
        if v in text:
            return
        # seed convention: "các huyện A (Cụm trưởng), B" gives the units "huyện A", "huyện B"
        if loose and GENERIC_PREFIX.match(value) and norm(GENERIC_PREFIX.sub("", value)) in text:
            return
        problems.append(f"{label} not in text: {value!r}")

    must("title", g["title"])
    must("author", g["author"])
    must("venue", g["meeting"]["venue"])
    must("cluster", g["cluster"]["name"])
    for m in g["members"]:
        must("member", m, loose=True)
    for p in g["participants"]:
        must("participant", p["name"])
        # titles: every comma-separated part occurs (hyphen separators become commas)
        for part in (p["title"] or "").split(", "):
            must("title part", part)
        must("organization", p["organization"])
    for r in g["ranks"]:
        must("rank unit", r["unit"], loose=True)
    for h in g["heads"]:
        must("head unit", h["unit"], loose=True)
    for ref in g["legal_refs"]:
        must("legal ref", ref)
    for field in ("published",):
        if g[field]:
            y, m, d = g[field].split("-")
            if not re.search(rf"0?{int(d)}\s*[./-]\s*0?{int(m)}\s*[./-]\s*{y}|ngày 0?{int(d)} tháng 0?{int(m)} năm {y}",
                             raw):
                problems.append(f"{field} date not found: {g[field]}")
    if s["fmt"] == "pdf":
        for word in ("thi đua", "khen thưởng", "Cụm trưởng" if "Cụm" in s["text"] else "Khối trưởng"):
            if norm(word) not in text:
                problems.append(f"pdf text lacks {word!r}")
    words = len(s["text"].split())
    if not 150 <= words <= 600:
        problems.append(f"{words} words (want 150-600)")
    if unicodedata.normalize("NFC", s["text"]) != s["text"]:
        problems.append("source text is not NFC")
    return problems


def main() -> int:
    failures = 0
    stems = set()
    for s in SAMPLES:
        assert s["stem"] not in stems, s["stem"]
        stems.add(s["stem"])
        path = HERE / (s["stem"] + EXT[s["fmt"]])
        WRITERS[s["fmt"]](s, path)
        record = {"doc_id": s["stem"], **s["gold"]}
        (HERE / (s["stem"] + ".json")).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
        problems = check(s, path)
        status = "ok" if not problems else "FAIL"
        print(f"{status:4} {path.name} ({len(s['text'].split())} words)")
        for p in problems:
            print(f"     - {p}")
        failures += bool(problems)
    print(f"{len(SAMPLES)} samples, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
