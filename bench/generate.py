#!/usr/bin/env python3
"""Generate synthetic news articles for the KhuyenCong.Web benchmark.

Writes N Markdown files with YAML front matter (the format of content/articles/*.md) into OUT/articles/.
The text is Vietnamese with diacritics, assembled from word lists and sentence templates about khuyến công
(industrial extension), rural industry, product kinds and places of Bến Tre, so that a search term matches a
realistic share of the corpus instead of every article: the phrase "đào tạo" occurs in about a third of the
articles, "sản xuất sạch hơn" in an eighth, a product ("kẹo dừa") or a commune ("Phú Nhuận") in a few per cent.

Standard library only. Output is deterministic for a given --seed (each article has its own RNG seeded from
the seed and its number, so the result does not depend on how the work is split between processes).

    python3 bench/generate.py --count 100000 --out /tmp/x/content [--topics /tmp/x/content/topics.yml]
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import time
import unicodedata
from multiprocessing import Pool

# ---------------------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------------------

# District -> communes (real place names of the former Bến Tre province).
PLACES = {
    "huyện Ba Tri": ["An Đức", "Vĩnh Hòa", "Mỹ Chánh", "Bảo Thạnh", "An Thủy", "Tân Xuân", "Phú Lễ", "An Ngãi Trung"],
    "huyện Bình Đại": ["Thới Lai", "Thạnh Phước", "Lộc Thuận", "Bình Thắng", "Thừa Đức", "Phú Thuận", "Đại Hòa Lộc"],
    "huyện Châu Thành": ["Tân Thạch", "Quới Sơn", "An Khánh", "Tam Phước", "Phú Túc", "Tiên Thủy", "Sơn Hòa"],
    "huyện Chợ Lách": ["Vĩnh Thành", "Long Thới", "Sơn Định", "Phú Phụng", "Hòa Nghĩa", "Tân Thiềng"],
    "huyện Giồng Trôm": ["Lương Quới", "Phong Nẫm", "Sơn Phú", "Châu Hòa", "Bình Thành", "Hưng Lễ", "Tân Hào"],
    "huyện Mỏ Cày Bắc": ["Tân Thành Bình", "Thạnh Ngãi", "Phước Mỹ Trung", "Hòa Lộc", "Nhuận Phú Tân"],
    "huyện Mỏ Cày Nam": ["Đa Phước Hội", "Thành Thới A", "Hương Mỹ", "Cẩm Sơn", "An Định", "Định Thủy"],
    "huyện Thạnh Phú": ["An Thạnh", "Giao Thạnh", "Thạnh Phong", "Bình Thạnh", "Mỹ Hưng", "An Nhơn"],
    "thành phố Bến Tre": ["Phú Nhuận", "Mỹ Thạnh An", "Sơn Đông", "Bình Phú", "Phú Hưng", "Nhơn Thạnh"],
}
DISTRICTS = list(PLACES)

# (product, product group) — the group feeds tags and some sentences.
PRODUCTS = [
    ("kẹo dừa", "chế biến dừa"), ("bánh tráng", "chế biến thực phẩm"), ("bánh phồng sữa", "chế biến thực phẩm"),
    ("thạch dừa", "chế biến dừa"), ("chỉ xơ dừa", "chế biến dừa"), ("thảm xơ dừa", "chế biến dừa"),
    ("mụn dừa", "chế biến dừa"), ("than gáo dừa", "chế biến dừa"), ("đồ mỹ nghệ từ gáo dừa", "thủ công mỹ nghệ"),
    ("dầu dừa tinh luyện", "chế biến dừa"), ("sữa dừa", "chế biến dừa"), ("cơm dừa sấy", "chế biến dừa"),
    ("mứt dừa", "chế biến dừa"), ("rượu dừa", "chế biến thực phẩm"), ("bột cá", "chế biến thủy sản"),
    ("nước mắm", "chế biến thủy sản"), ("cá khô", "chế biến thủy sản"), ("tôm khô", "chế biến thủy sản"),
    ("mắm tôm chà", "chế biến thủy sản"), ("chiếu cói", "thủ công mỹ nghệ"), ("giỏ lục bình", "thủ công mỹ nghệ"),
    ("hàng mây tre đan", "thủ công mỹ nghệ"), ("nông cụ cầm tay", "cơ khí"),
    ("phụ tùng máy chế biến dừa", "cơ khí"), ("máy ép dầu dừa", "cơ khí"), ("đồ gỗ gia dụng", "chế biến gỗ"),
    ("gạch không nung", "vật liệu xây dựng"), ("phân hữu cơ vi sinh", "chế biến phụ phẩm"),
    ("viên nén sinh học", "chế biến phụ phẩm"), ("mật ong", "chế biến thực phẩm"),
    ("bưởi da xanh sấy dẻo", "chế biến nông sản"), ("nước ép trái cây", "chế biến nông sản"),
    ("trà thảo mộc", "chế biến nông sản"), ("hủ tiếu khô", "chế biến thực phẩm"), ("bún khô", "chế biến thực phẩm"),
    ("rượu nếp", "chế biến thực phẩm"), ("chuối sấy", "chế biến nông sản"), ("ca cao lên men", "chế biến nông sản"),
    ("tinh dầu bưởi", "chế biến nông sản"), ("bánh tráng sữa", "chế biến thực phẩm"),
]

EQUIPMENT = [
    "máy sấy bơm nhiệt", "lò sấy tiết kiệm năng lượng", "máy ép thủy lực", "máy đóng gói tự động",
    "máy hàn miệng túi liên tục", "máy chà nhám băng", "máy tiện CNC", "máy phay đứng", "máy cắt laser",
    "hệ thống xử lý nước thải", "lò hơi đốt sinh khối", "máy xay nghiền", "máy trộn nguyên liệu",
    "dây chuyền chiết rót", "máy tráng bánh tự động", "máy xe chỉ xơ dừa", "máy đánh tơ xơ dừa", "kho lạnh",
    "tủ cấp đông", "máy nén khí", "hệ thống điện mặt trời áp mái", "máy cô đặc chân không", "máy dán nhãn",
    "máy đo độ ẩm", "nồi nấu hai vỏ",
]

COURSES = [
    "khởi sự doanh nghiệp", "quản trị kinh doanh", "marketing trực tuyến", "thương mại điện tử",
    "quản lý chất lượng theo ISO 22000", "an toàn vệ sinh thực phẩm", "kế toán cho cơ sở nhỏ",
    "cải tiến năng suất chất lượng", "thực hành 5S và Kaizen", "xây dựng thương hiệu", "quản trị tài chính",
    "kỹ năng bán hàng", "vận hành máy móc an toàn",
]

CONSULTING = [
    "lập dự án đầu tư", "thiết kế bao bì", "xây dựng nhãn hiệu", "đăng ký mã số mã vạch", "chuyển đổi số",
    "quản lý tài chính", "tiếp cận vốn tín dụng", "áp dụng tiêu chuẩn HACCP", "thiết kế mẫu mã",
    "bố trí lại mặt bằng nhà xưởng", "tính giá thành sản phẩm",
]

DOCS = [
    "Nghị định số 45/2012/NĐ-CP", "Nghị định số 235/2025/NĐ-CP", "Thông tư số 46/2012/TT-BCT",
    "Thông tư số 20/2017/TT-BCT", "Thông tư số 28/2018/TT-BTC", "Thông tư số 17/2018/TT-BCT",
    "Quyết định số 1881/QĐ-TTg", "Quyết định số 1625/QĐ-UBND", "Chỉ thị số 04/CT-BCT",
    "Thông tư số 26/2014/TT-BCT", "Quyết định số 08/2019/QĐ-UBND",
]

POLICY_SUBJECTS = [
    "mức hỗ trợ ứng dụng máy móc thiết bị", "hồ sơ đề nghị hỗ trợ", "đối tượng được hưởng chính sách",
    "kinh phí khuyến công địa phương", "thủ tục nghiệm thu đề án", "hỗ trợ xây dựng mô hình trình diễn",
    "hỗ trợ tham gia hội chợ", "hỗ trợ đánh giá sản xuất sạch hơn", "quản lý kinh phí khuyến công",
]

FAIRS = [
    "Hội chợ hàng công nghiệp nông thôn tiêu biểu khu vực phía Nam", "Hội chợ Xúc tiến thương mại tỉnh",
    "Lễ hội Dừa", "Hội chợ Công Thương vùng Đồng bằng sông Cửu Long", "Tuần lễ hàng Việt",
    "Hội chợ triển lãm hàng thủ công mỹ nghệ", "Phiên chợ hàng Việt về nông thôn",
]

MARKETS = [
    "Thành phố Hồ Chí Minh", "Hà Nội", "Cần Thơ", "các tỉnh miền Tây", "thị trường Nhật Bản",
    "thị trường Hàn Quốc", "thị trường châu Âu", "thị trường Úc", "các sàn thương mại điện tử",
    "chuỗi siêu thị trong nước", "các điểm du lịch trong tỉnh",
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Hữu", "Kim", "Quốc", "Thị Kim", "Văn Út"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hạnh", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Quang", "Tâm", "Thảo",
         "Trung", "Tuấn", "Vy", "Yến", "Hiếu", "Lộc", "Nhân", "Sang", "Tài", "Nhung", "Phương", "Đạt"]
ROLES = [
    "chủ cơ sở", "Giám đốc Trung tâm Khuyến công và Xúc tiến thương mại", "Phó Giám đốc Sở Công Thương",
    "cán bộ phụ trách khuyến công của huyện", "Chủ tịch UBND xã", "Giám đốc hợp tác xã", "một công nhân lâu năm",
]
AUTHORS = ["Trung tâm Khuyến công và Xúc tiến thương mại", "Phòng Quản lý công nghiệp", "Ban biên tập",
           "Phòng Kinh tế huyện", "Cộng tác viên khuyến công"]
SOURCES = ["Sở Công Thương tỉnh Bến Tre", "Trung tâm Khuyến công và Xúc tiến thương mại",
           "Cổng thông tin điện tử tỉnh", "Báo Đồng Khởi"]

# ---------------------------------------------------------------------------------------------------------
# Sentence templates. Slots: {product} {product2} {group} {district} {commune} {equipment} {course} {consult}
# {doc} {policy} {fair} {market} {person} {role} {facility} {year} {money} {workers} {pct} {output} {n}
# ---------------------------------------------------------------------------------------------------------

TITLES = {
    "tin-khuyen-cong": [
        "Nghiệm thu đề án khuyến công hỗ trợ cơ sở {product} tại xã {commune}",
        "{district_cap} hỗ trợ {n} cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị",
        "Kinh phí khuyến công giúp cơ sở {product} ở {district} mở rộng sản xuất",
        "Kiểm tra tiến độ các đề án khuyến công năm {year} tại {district}",
        "Cơ sở {product} xã {commune} đổi mới nhờ {equipment}",
    ],
    "chinh-sach": [
        "Những điểm cần biết về {policy} theo {doc}",
        "Hỏi đáp: {policy} cho cơ sở {product}",
        "Hướng dẫn thực hiện {doc} đối với cơ sở công nghiệp nông thôn",
        "{doc} và {policy}: cơ sở sản xuất cần lưu ý gì",
    ],
    "san-xuat-sach-hon": [
        "Cơ sở {product} ở {district} giảm {pct}% điện năng nhờ sản xuất sạch hơn",
        "Sản xuất sạch hơn tại cơ sở {product} xã {commune}: chi phí giảm, môi trường sạch",
        "Đánh giá sản xuất sạch hơn cho {n} cơ sở chế biến ở {district}",
        "Tiết kiệm năng lượng với {equipment} tại cơ sở {product}",
    ],
    "cong-nghiep-ho-tro": [
        "Cơ sở cơ khí ở {district} đầu tư {equipment} phục vụ ngành {group}",
        "Liên kết chuỗi giá trị giữa cơ sở cơ khí và doanh nghiệp {product}",
        "Phát triển công nghiệp hỗ trợ cho ngành {group} giai đoạn {year}–2025",
        "Cụm công nghiệp {commune} thu hút cơ sở sản xuất {product}",
    ],
    "san-pham-cnnt-tieu-bieu": [
        "{product_cap} của {facility} đạt sản phẩm công nghiệp nông thôn tiêu biểu",
        "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm {year}: {n} sản phẩm được công nhận",
        "Từ làng nghề xã {commune}: {product} vươn tới {market}",
        "{product_cap} xã {commune} được công nhận sản phẩm tiêu biểu cấp tỉnh",
    ],
    "hoi-cho-trien-lam": [
        "{n} gian hàng công nghiệp nông thôn tham gia {fair} năm {year}",
        "{product_cap} {district} hút khách tại {fair}",
        "Khai mạc {fair} với sự tham gia của {n} cơ sở",
        "Cơ sở {product} tìm được đối tác mới qua {fair}",
    ],
    "dao-tao": [
        "Khai giảng lớp đào tạo {course} cho cơ sở công nghiệp nông thôn tại {district}",
        "Tập huấn {course} cho {n} học viên là chủ cơ sở {product}",
        "Đào tạo {course}: chủ cơ sở {product} ở xã {commune} tự tin hơn",
        "Bế giảng khóa đào tạo {course} năm {year}",
    ],
    "tu-van-cong-nghiep": [
        "Tư vấn {consult} giúp cơ sở {product} ở {district} tăng doanh thu",
        "Cơ sở {product} xã {commune} được hỗ trợ {consult}",
        "Tư vấn ứng dụng {equipment} cho cơ sở {product}",
        "Hỗ trợ thuê tư vấn {consult} cho {n} cơ sở công nghiệp nông thôn",
    ],
}
GENERIC_TITLES = [
    "Hoạt động khuyến công tại {district} năm {year}",
    "Cơ sở {product} xã {commune} phát triển nhờ khuyến công",
]

INTROS = {
    "tin-khuyen-cong": [
        "Năm {year}, Trung tâm Khuyến công và Xúc tiến thương mại phối hợp với UBND {district} triển khai đề án hỗ trợ cơ sở {product} tại xã {commune} ứng dụng {equipment}.",
        "Đoàn công tác của Sở Công Thương vừa kiểm tra, nghiệm thu đề án khuyến công tại {facility}, xã {commune}, {district}.",
        "Tổng kinh phí khuyến công hỗ trợ cho {district} trong năm {year} đạt {money} triệu đồng, tập trung vào các cơ sở {group}.",
    ],
    "chinh-sach": [
        "{doc} quy định rõ {policy}, nhưng nhiều cơ sở công nghiệp nông thôn vẫn chưa nắm hết các điều kiện để được hỗ trợ.",
        "Trung tâm Khuyến công nhận được nhiều câu hỏi của các cơ sở {product} về {policy}; bài viết này tóm tắt những điểm chính.",
        "Theo {doc}, cơ sở công nghiệp nông thôn gồm doanh nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác và hộ kinh doanh sản xuất tại huyện, xã.",
    ],
    "san-xuat-sach-hon": [
        "Sau khi áp dụng các giải pháp sản xuất sạch hơn, {facility} ở xã {commune} đã giảm khoảng {pct}% lượng điện tiêu thụ và lượng nước thải.",
        "Chương trình đánh giá sản xuất sạch hơn năm {year} đã chọn {n} cơ sở chế biến tại {district} để thực hiện thí điểm.",
        "Ngành {group} sử dụng nhiều năng lượng và nước, nên tiết kiệm nguyên liệu và giảm ô nhiễm là bài toán sống còn của các cơ sở.",
    ],
    "cong-nghiep-ho-tro": [
        "Các cơ sở cơ khí ở {district} đang chuyển từ sửa chữa sang chế tạo thiết bị cho ngành {group}.",
        "Liên kết giữa cơ sở cơ khí địa phương và doanh nghiệp {product} giúp rút ngắn thời gian sửa chữa và giảm chi phí nhập khẩu phụ tùng.",
        "Theo định hướng phát triển công nghiệp hỗ trợ, tỉnh ưu tiên các sản phẩm cơ khí phục vụ chế biến nông sản, thủy sản và dừa.",
    ],
    "san-pham-cnnt-tieu-bieu": [
        "Kỳ bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm {year} có {n} sản phẩm được công nhận, trong đó có {product} của {facility}.",
        "Từ một cơ sở nhỏ ở xã {commune}, {product} của {person} đã có mặt tại {market}.",
        "Danh hiệu sản phẩm công nghiệp nông thôn tiêu biểu giúp {product} của {district} được nhiều khách hàng biết đến.",
    ],
    "hoi-cho-trien-lam": [
        "{fair} năm {year} có {n} gian hàng, trong đó nhiều gian trưng bày {product} và các sản phẩm {group} của tỉnh.",
        "Trung tâm Khuyến công hỗ trợ {n} cơ sở công nghiệp nông thôn tham gia {fair} để quảng bá sản phẩm và tìm đối tác.",
        "Tại {fair}, gian hàng {product} của {district} thu hút đông đảo khách tham quan và đặt hàng.",
    ],
    "dao-tao": [
        "Lớp đào tạo {course} khai giảng tại {district} với {n} học viên là chủ cơ sở và cán bộ quản lý của các cơ sở công nghiệp nông thôn.",
        "Trong khuôn khổ Chương trình khuyến công, Trung tâm tổ chức khóa tập huấn {course} cho các cơ sở {product} và {product2}.",
        "Khóa đào tạo {course} năm {year} giúp học viên nắm được kiến thức thực tế để áp dụng ngay tại cơ sở.",
    ],
    "tu-van-cong-nghiep": [
        "Được hỗ trợ kinh phí thuê tư vấn {consult}, {facility} ở xã {commune} đã cải thiện rõ rệt hiệu quả sản xuất kinh doanh.",
        "Nhiều cơ sở {product} có sản phẩm tốt nhưng chưa biết {consult}; hoạt động tư vấn của khuyến công giúp họ lấp khoảng trống này.",
        "Năm {year}, Trung tâm Khuyến công hỗ trợ {n} cơ sở thuê chuyên gia tư vấn {consult} và ứng dụng {equipment}.",
    ],
}

# Sentences any article may use (about khuyến công in general), plus topic-flavoured pools below.
GENERIC = [
    "Cơ sở hiện có {workers} lao động thường xuyên, phần lớn là người địa phương, với thu nhập ổn định quanh năm.",
    "Sản lượng hiện đạt khoảng {output} sản phẩm mỗi tháng, tiêu thụ chủ yếu tại {market}.",
    "Nguồn nguyên liệu được thu mua từ các hộ nông dân trong xã {commune} và các xã lân cận.",
    "Theo {person}, {role}, khó khăn lớn nhất hiện nay là vốn đầu tư và mặt bằng sản xuất.",
    "Kinh phí khuyến công hỗ trợ khoảng {pct}% giá trị thiết bị, phần còn lại do cơ sở đối ứng.",
    "Trước đây, công đoạn này hoàn toàn làm thủ công nên năng suất thấp và chất lượng không đồng đều.",
    "Đại diện UBND {district} đánh giá cao hiệu quả của đề án và đề nghị nhân rộng mô hình.",
    "Chương trình khuyến công giai đoạn 2021–2025 ưu tiên các sản phẩm sử dụng nguyên liệu tại chỗ và tạo việc làm cho lao động nông thôn.",
    "Cơ sở dự kiến tiếp tục đầu tư {equipment} trong năm tới để đáp ứng các đơn hàng lớn.",
    "Sản phẩm đã có mã số mã vạch, nhãn hàng hóa đầy đủ và được bày bán tại {market}.",
    "Nhiều cơ sở {group} trên địa bàn vẫn còn quy mô nhỏ, thiết bị cũ và thiếu kỹ năng quản lý.",
    "Cán bộ khuyến công thường xuyên đến tận cơ sở để hướng dẫn lập hồ sơ và theo dõi kết quả sau hỗ trợ.",
    "Doanh thu năm {year} của cơ sở ước đạt {money} triệu đồng, tăng đáng kể so với năm trước.",
    "Bên cạnh {product}, cơ sở còn sản xuất thêm {product2} để tận dụng nguyên liệu và nhân công.",
    "Hồ sơ đề nghị hỗ trợ gồm đơn đề nghị, giấy đăng ký kinh doanh, phương án sản xuất và báo giá thiết bị.",
    "Theo kế hoạch, trong năm {year} tỉnh sẽ hỗ trợ thêm {n} đề án khuyến công địa phương.",
    "Phụ nữ chiếm tỷ lệ lớn trong lực lượng lao động của các cơ sở {group}.",
    "Việc chuyển sang máy móc giúp người lao động đỡ vất vả và giảm tai nạn lao động.",
    "Cơ sở cũng chú trọng an toàn vệ sinh thực phẩm và bảo vệ môi trường xung quanh khu sản xuất.",
    "Trung tâm Khuyến công khuyến nghị các cơ sở chủ động liên hệ sớm để được hướng dẫn đăng ký kế hoạch năm sau.",
    "Người dân xã {commune} có truyền thống làm {product} từ nhiều thế hệ.",
    "Cơ sở đã ký hợp đồng bao tiêu với một doanh nghiệp thương mại tại {market}.",
    "Nhờ được tập huấn, chủ cơ sở biết cách tính giá thành và lập kế hoạch sản xuất theo mùa vụ.",
    "Giá bán {product} dao động tùy loại, sản phẩm cao cấp được đóng hộp làm quà biếu.",
    "{person} cho biết cơ sở đang tìm hiểu thêm các chương trình hỗ trợ đào tạo nghề cho lao động mới.",
    "Sau đề án, năng suất tăng khoảng {pct}% và tỷ lệ sản phẩm lỗi giảm rõ rệt.",
    "Điện năng tiêu thụ được theo dõi hằng tháng để đánh giá hiệu quả tiết kiệm năng lượng.",
    "Mô hình này phù hợp với nhiều cơ sở {group} có quy mô vừa và nhỏ.",
    "Chính quyền địa phương tạo điều kiện về mặt bằng để cơ sở mở rộng nhà xưởng.",
    "Khách hàng ở {market} đánh giá cao chất lượng ổn định và mẫu mã bao bì mới.",
    "Mùa cao điểm cuối năm, cơ sở phải tăng ca để kịp giao hàng cho đối tác.",
    "Hiện tỉnh có hàng nghìn cơ sở công nghiệp nông thôn, tập trung ở các ngành chế biến dừa, thủy sản và thực phẩm.",
    "Đường giao thông nông thôn được nâng cấp giúp việc vận chuyển nguyên liệu và hàng hóa thuận lợi hơn.",
    "Cơ sở đang hoàn thiện hồ sơ công bố chất lượng để đưa sản phẩm vào hệ thống siêu thị.",
    "Thời gian qua, giá nguyên liệu biến động mạnh khiến nhiều cơ sở gặp khó khăn.",
    "Các cơ sở được khuyến khích liên kết với nhau để cùng mua nguyên liệu và chia sẻ đơn hàng.",
    "Sở Công Thương đã phối hợp với UBND các huyện rà soát nhu cầu hỗ trợ của từng cơ sở.",
    "Cơ sở bán hàng qua mạng xã hội và sàn thương mại điện tử, giúp tiếp cận khách hàng ở xa.",
    "Mỗi năm, cơ sở tiêu thụ hàng trăm tấn nguyên liệu, góp phần ổn định đầu ra cho nông dân.",
    "Các cơ sở cần chủ động đổi mới thiết bị, cải tiến mẫu mã để nâng sức cạnh tranh.",
    "Nhiều lao động lớn tuổi vẫn gắn bó với nghề, truyền lại kinh nghiệm cho lớp trẻ.",
    "Việc đầu tư nhà xưởng kiên cố giúp cơ sở sản xuất ổn định cả trong mùa mưa.",
    "Khâu đóng gói được cải tiến, sản phẩm giữ được chất lượng lâu hơn khi vận chuyển đi xa.",
    "Theo số liệu của ngành Công Thương, giá trị sản xuất công nghiệp nông thôn của tỉnh tăng đều qua các năm.",
    "Cơ sở còn nhận dạy nghề miễn phí cho phụ nữ và thanh niên trong xã.",
    "Hoạt động khuyến công góp phần chuyển dịch cơ cấu kinh tế nông thôn theo hướng công nghiệp hóa.",
    "Các đề án được lựa chọn dựa trên tính khả thi, hiệu quả kinh tế và khả năng nhân rộng.",
    "Sau mỗi đề án, Trung tâm Khuyến công tổ chức hội nghị để các cơ sở khác đến tham quan, học hỏi.",
]

TOPIC_SENTENCES = {
    "tin-khuyen-cong": [
        "Đề án được nghiệm thu đúng tiến độ, thiết bị vận hành ổn định và đạt các chỉ tiêu đề ra.",
        "Hội đồng nghiệm thu gồm đại diện Sở Công Thương, Sở Tài chính và UBND {district}.",
        "Tổng vốn đầu tư của đề án khoảng {money} triệu đồng, trong đó kinh phí khuyến công hỗ trợ một phần.",
        "Cơ sở được hỗ trợ ứng dụng {equipment} thay cho công đoạn thủ công trước đây.",
        "Đề án khuyến công năm {year} tập trung vào ứng dụng máy móc thiết bị tiên tiến.",
        "Thiết bị mới giúp rút ngắn thời gian sản xuất và giảm hao hụt nguyên liệu.",
        "Cơ sở cam kết duy trì sản xuất và báo cáo kết quả sau hỗ trợ cho cơ quan khuyến công.",
        "Các đề án khuyến công ở {district} năm nay đều được triển khai đúng kế hoạch.",
    ],
    "chinh-sach": [
        "Mức hỗ trợ tối đa được quy định cụ thể theo từng nội dung tại {doc}.",
        "Cơ sở cần đăng ký kế hoạch khuyến công trước ngày 30 tháng 6 của năm trước năm thực hiện.",
        "Văn bản cũng quy định trách nhiệm của các sở, ngành và UBND cấp huyện trong quản lý kinh phí khuyến công.",
        "Những nội dung về {policy} được hướng dẫn chi tiết tại {doc}.",
        "Cơ sở không được hỗ trợ trùng lặp cùng một nội dung từ nhiều nguồn kinh phí khác nhau.",
        "Kinh phí khuyến công địa phương được bố trí hằng năm từ ngân sách tỉnh.",
        "Các cơ sở có thể tra cứu toàn văn văn bản trên trang thông tin của Sở Công Thương.",
        "Chính sách mới mở rộng thêm đối tượng và nâng mức hỗ trợ cho một số nội dung.",
    ],
    "san-xuat-sach-hon": [
        "Các giải pháp sản xuất sạch hơn chủ yếu là quản lý nội vi, thay đổi thiết bị và tận dụng phụ phẩm.",
        "Nước thải được thu gom và xử lý trước khi thải ra môi trường, giảm mùi hôi cho khu dân cư.",
        "Chuyên gia đánh giá sản xuất sạch hơn đã khảo sát dây chuyền và đề xuất {n} giải pháp cụ thể.",
        "Việc thay lò đốt cũ bằng {equipment} giúp giảm khói bụi và tiết kiệm chất đốt.",
        "Tiết kiệm năng lượng không chỉ giảm chi phí mà còn giúp sản phẩm đáp ứng yêu cầu của thị trường xuất khẩu.",
        "Phụ phẩm như vỏ, xơ và nước thải được tận dụng làm nguyên liệu cho sản phẩm khác.",
        "Cơ sở đã thay toàn bộ bóng đèn cũ bằng đèn LED và lắp biến tần cho động cơ.",
        "Sản xuất sạch hơn giúp cơ sở đáp ứng các quy định ngày càng chặt chẽ về bảo vệ môi trường.",
    ],
    "cong-nghiep-ho-tro": [
        "Các sản phẩm cơ khí phục vụ chế biến dừa trước đây chủ yếu phải mua từ nơi khác.",
        "Cơ sở cơ khí đã chế tạo thành công {equipment} với giá thành thấp hơn hàng nhập khẩu.",
        "Liên kết chuỗi giá trị giúp doanh nghiệp chế biến chủ động phụ tùng thay thế khi máy hỏng.",
        "Cụm công nghiệp được đầu tư hạ tầng đồng bộ, thuận tiện cho cơ sở sản xuất di dời vào.",
        "Nhu cầu về phụ tùng và thiết bị cho ngành {group} ngày càng tăng.",
        "Các cơ sở cơ khí cần đầu tư máy gia công chính xác để đáp ứng yêu cầu kỹ thuật.",
        "Hội nghị kết nối cung cầu giúp cơ sở cơ khí gặp gỡ trực tiếp doanh nghiệp chế biến.",
        "Nguồn nhân lực kỹ thuật có tay nghề là điều kiện quan trọng để phát triển công nghiệp hỗ trợ.",
    ],
    "san-pham-cnnt-tieu-bieu": [
        "Sản phẩm được hội đồng bình chọn đánh giá cao về tính độc đáo, chất lượng và khả năng phát triển thị trường.",
        "Sản phẩm đạt danh hiệu được cấp giấy chứng nhận và ưu tiên tham gia các hội chợ do ngành Công Thương tổ chức.",
        "Bộ sản phẩm {product} tham gia bình chọn gồm nhiều mẫu mã, đóng gói trong bao bì thân thiện môi trường.",
        "Cơ sở đang chuẩn bị hồ sơ để tham gia bình chọn sản phẩm tiêu biểu cấp khu vực.",
        "Nhiều sản phẩm tiêu biểu đồng thời đạt chứng nhận OCOP của tỉnh.",
        "Kỳ bình chọn cấp tỉnh được tổ chức hai năm một lần theo quy định của Bộ Công Thương.",
        "Sản phẩm dự thi phải có câu chuyện rõ ràng về nguồn gốc, nguyên liệu và giá trị văn hóa.",
        "Các sản phẩm đạt giải được giới thiệu tại phòng trưng bày sản phẩm công nghiệp nông thôn tiêu biểu.",
    ],
    "hoi-cho-trien-lam": [
        "Trong những ngày diễn ra hội chợ, nhiều hợp đồng nguyên tắc đã được ký kết.",
        "Khách tham quan có thể dùng thử {product} và tìm hiểu quy trình sản xuất ngay tại gian hàng.",
        "Trung tâm Khuyến công hỗ trợ chi phí thuê gian hàng và vận chuyển sản phẩm cho các cơ sở tham gia.",
        "Hội chợ là dịp để cơ sở gặp gỡ nhà phân phối, khảo sát giá cả và thị hiếu người tiêu dùng.",
        "Doanh số bán hàng tại hội chợ ước đạt {money} triệu đồng.",
        "Ban tổ chức bố trí khu vực riêng cho sản phẩm công nghiệp nông thôn tiêu biểu.",
        "Nhiều khách hàng đến từ {market} đã đặt hàng thử sau khi tham quan gian hàng.",
        "Bên lề hội chợ còn có hội thảo về xây dựng thương hiệu và phát triển thị trường.",
    ],
    "dao-tao": [
        "Học viên được đào tạo kiến thức về {course} và thực hành lập kế hoạch cho chính cơ sở của mình.",
        "Giảng viên là các chuyên gia có nhiều kinh nghiệm tư vấn cho doanh nghiệp nhỏ và vừa.",
        "Cuối khóa, học viên được cấp giấy chứng nhận hoàn thành chương trình đào tạo.",
        "Nhiều học viên mong muốn tiếp tục được tập huấn các chuyên đề về marketing và thương mại điện tử.",
        "Kinh phí đào tạo do Chương trình khuyến công hỗ trợ, học viên không phải đóng học phí.",
        "Chương trình đào tạo được thiết kế ngắn gọn, phù hợp với người vừa làm vừa học.",
        "Học viên được tham quan thực tế tại một doanh nghiệp làm ăn hiệu quả trong tỉnh.",
        "Sau khóa học, nhiều cơ sở đã mở gian hàng trực tuyến và bán được đơn hàng đầu tiên.",
    ],
    "tu-van-cong-nghiep": [
        "Chuyên gia tư vấn đã làm việc trực tiếp tại cơ sở trong nhiều tuần để khảo sát và đề xuất giải pháp.",
        "Bộ nhận diện thương hiệu mới gồm logo, bao bì và tài liệu giới thiệu sản phẩm.",
        "Nhờ tư vấn {consult}, cơ sở tiếp cận được khách hàng mới tại {market}.",
        "Dự án đầu tư được tư vấn lập đầy đủ để cơ sở làm hồ sơ vay vốn ngân hàng.",
        "Nội dung tư vấn được xây dựng dựa trên nhu cầu thực tế của từng cơ sở.",
        "Bao bì mới ghi đầy đủ thông tin theo quy định về nhãn hàng hóa.",
        "Cơ sở được hướng dẫn cách tính giá thành và xây dựng chính sách giá bán hợp lý.",
        "Kinh phí thuê tư vấn được khuyến công hỗ trợ theo mức quy định của tỉnh.",
    ],
}

HEADINGS = [
    "Từ thủ công đến máy móc", "Hiệu quả sau đầu tư", "Khó khăn còn lại", "Hướng đi mới", "Kết quả bước đầu",
    "Những con số ấn tượng", "Nhân rộng mô hình", "Kế hoạch thời gian tới", "Tiếp cận chính sách",
    "Thị trường mở rộng", "Tiết kiệm chi phí", "Chất lượng là trên hết", "Liên kết để phát triển",
    "Câu chuyện của {product}", "Từ xã {commune} đến {market}",
]

QUOTES = [
    "Có máy móc, chúng tôi yên tâm nhận đơn hàng lớn mà không lo trễ hạn",
    "Điều quan trọng nhất là sản phẩm phải giữ được hương vị truyền thống",
    "Nếu không có kinh phí khuyến công, cơ sở khó có thể đầu tư thiết bị trong lúc này",
    "Mình muốn mỗi sản phẩm kể được câu chuyện về quê hương",
    "Học xong lớp này, tôi biết cách tính toán chi phí rõ ràng hơn",
    "Chúng tôi sẽ tiếp tục đồng hành cùng các cơ sở công nghiệp nông thôn",
]

TAGS_BY_TOPIC = {
    "tin-khuyen-cong": ["đề án khuyến công", "máy móc thiết bị", "nghiệm thu"],
    "chinh-sach": ["chính sách khuyến công", "kinh phí khuyến công", "hướng dẫn"],
    "san-xuat-sach-hon": ["sản xuất sạch hơn", "tiết kiệm năng lượng", "môi trường"],
    "cong-nghiep-ho-tro": ["công nghiệp hỗ trợ", "cơ khí", "liên kết chuỗi giá trị"],
    "san-pham-cnnt-tieu-bieu": ["bình chọn", "sản phẩm tiêu biểu", "OCOP"],
    "hoi-cho-trien-lam": ["hội chợ", "xúc tiến thương mại", "triển lãm"],
    "dao-tao": ["đào tạo", "tập huấn", "khởi sự doanh nghiệp"],
    "tu-van-cong-nghiep": ["tư vấn", "bao bì", "thương hiệu"],
}

# ---------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------


def _fold_table():
    """str.translate table: every Latin letter with marks (U+00C0..U+1EFF) to its base letter, đ/Đ to d."""
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for code in range(0xC0, 0x1F00):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if unicodedata.category(c) != "Mn")
        if base and base != chr(code) and base.isascii():
            table[code] = base.lower()
    return table


FOLD = _fold_table()


def fold(text):
    """Lower case, diacritics stripped, đ -> d (same idea as the app's TextFolding)."""
    return text.translate(FOLD).lower()


def slugify(text, max_length):
    """ASCII slug, cut at a dash so the app's Slugifier (max 80 chars) leaves it unchanged."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length]
        cut = slug.rfind("-")
        slug = slug[:cut] if cut > 0 else slug
    return slug.strip("-")


def cap(text):
    return text[:1].upper() + text[1:]


def read_topics(path):
    """Topic slugs from topics.yml (lines '- slug: x'); falls back to the built-in list."""
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            slugs = re.findall(r"^-\s*slug:\s*[\"']?([a-z0-9-]+)", f.read(), flags=re.M)
        if slugs:
            return slugs
    return list(TITLES)


class Article:
    """Everything random about one article, drawn once so its sentences tell a consistent story."""

    def __init__(self, rng, topic):
        district = rng.choice(DISTRICTS)
        product, group = rng.choice(PRODUCTS)
        product2 = rng.choice(PRODUCTS)[0]
        commune = rng.choice(PLACES[district])
        person = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        facility = rng.choice([
            f"cơ sở {product} {rng.choice(GIVEN)}", f"Hợp tác xã {commune}",
            f"Công ty TNHH {rng.choice(GIVEN)} {commune}", f"doanh nghiệp tư nhân {rng.choice(GIVEN)}",
        ])
        self.topic = topic
        self.slots = {
            "product": product, "product_cap": cap(product), "product2": product2, "group": group,
            "district": district, "district_cap": cap(district), "commune": commune,
            "equipment": rng.choice(EQUIPMENT), "course": rng.choice(COURSES), "consult": rng.choice(CONSULTING),
            "doc": rng.choice(DOCS), "policy": rng.choice(POLICY_SUBJECTS), "fair": rng.choice(FAIRS),
            "market": rng.choice(MARKETS), "person": person, "role": rng.choice(ROLES), "facility": facility,
            "year": str(rng.randint(2021, 2025)), "money": f"{rng.randint(80, 2500):,}".replace(",", "."),
            "workers": str(rng.randint(5, 120)), "pct": str(rng.randint(10, 60)),
            "output": f"{rng.randint(1, 80) * 500:,}".replace(",", "."), "n": str(rng.randint(3, 60)),
        }


# Pre-shuffled orders of GENERIC, one picked per article.
GENERIC_ORDERS = [random.Random(k).sample(GENERIC, len(GENERIC)) for k in range(256)]


def fill(template, slots):
    return template.format_map(slots)


def make_article(i, rng, topics, start, span_minutes):
    topic = topics[rng.randrange(len(topics))]
    a = Article(rng, topic)
    s = a.slots
    title = fill(rng.choice(TITLES.get(topic, GENERIC_TITLES)), s)
    intro = fill(rng.choice(INTROS.get(topic, INTROS["tin-khuyen-cong"])), s)
    own = list(TOPIC_SENTENCES.get(topic, []))

    # Body: intro, then 2–4 headed sections of 1–2 paragraphs, stopping at a word target of 285–445
    # (headings and a possible quote bring the whole body to about 300–500 words).
    # Sentences are drawn without repetition; a topic sentence is preferred 40% of the time.
    target = rng.randint(285, 445)
    words = len(intro.split())
    parts = [intro]
    rng.shuffle(own)
    generic = list(GENERIC_ORDERS[rng.randrange(len(GENERIC_ORDERS))])  # sample() per article is slow

    def next_sentence():
        nonlocal words
        source = own if own and (rng.random() < 0.4 or not generic) else generic
        template = source.pop() if source else rng.choice(GENERIC)  # repeats only once both run out
        sentence = fill(template, s)
        words += sentence.count(" ") + 1
        return sentence

    sections = rng.randint(2, 4)
    for k, heading in enumerate(rng.sample(HEADINGS, sections)):
        if words >= target:
            break
        parts.append("## " + fill(heading, s))
        for _ in range(rng.randint(1, 2)):
            para = []
            for _ in range(rng.randint(2, 4)):
                para.append(next_sentence())
                if words >= target:
                    break
            parts.append(" ".join(para))
            if words >= target:
                break
        if k == 0 and rng.random() < 0.4:
            parts.append(f"> \"{rng.choice(QUOTES)}\", {s['person']}, {s['role']}, chia sẻ.")
    if words < target:
        if parts[-1].startswith((">", "##")):
            parts.append(next_sentence())
        while words < target:  # top up the last paragraph
            parts[-1] += " " + next_sentence()
    body = "\n\n".join(parts)

    summary = intro
    when = start + dt.timedelta(minutes=rng.randrange(span_minutes))
    tags = TAGS_BY_TOPIC.get(topic, ["khuyến công"])[: rng.randint(1, 2)]
    tags += [s["product"], s["district"].replace("huyện ", "").replace("thành phố", "Thành phố")]
    if rng.random() < 0.3:
        tags.append("Chương trình 1625")
    prefix = f"bai-mau-{i:06d}"
    slug = prefix + "-" + slugify(title, 80 - len(prefix) - 1)
    front = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"slug: {slug}",
        f"date: {when:%Y-%m-%d %H:%M}",
        f"topic: {topic}",
        f"tags: {json.dumps(tags, ensure_ascii=False)}",
        f"area: {rng.randint(1, 6)}",
        f"summary: {json.dumps(summary, ensure_ascii=False)}",
        f"author: {json.dumps(rng.choice(AUTHORS), ensure_ascii=False)}",
        f"source: {json.dumps(rng.choice(SOURCES), ensure_ascii=False)}",
        f"featured: {'true' if rng.random() < 0.02 else 'false'}",
        "sample: true",
        "---",
        "",
    ]
    return prefix + ".md", "\n".join(front) + body + "\n"


def work(args):
    """Writes articles [lo, hi) — one process of the pool."""
    lo, hi, seed, out, topics, start_iso, span_minutes = args
    start = dt.datetime.fromisoformat(start_iso)
    for i in range(lo, hi):
        rng = random.Random(seed * 1_000_003 + i)
        name, text = make_article(i, rng, topics, start, span_minutes)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    return hi - lo


# ---------------------------------------------------------------------------------------------------------
# Products and establishments (--products N): content/establishments.yml, content/products/*.md and one shared
# generated PNG (the importer stores an image once however many products use it).
# ---------------------------------------------------------------------------------------------------------

PRODUCT_PLACES = ["thanh-pho-ben-tre", "huyen-ba-tri", "huyen-binh-dai", "huyen-chau-thanh-ben-tre", "huyen-cho-lach",
                  "huyen-giong-trom", "huyen-mo-cay-bac", "huyen-mo-cay-nam", "huyen-thanh-phu"]
PRODUCT_GROUPS = {"thủ công mỹ nghệ": "handicraft", "chế biến dừa": "processed-food", "chế biến thực phẩm": "processed-food",
                  "chế biến thủy sản": "processed-food", "chế biến nông sản": "processed-food", "cơ khí": "machinery"}
KINDS = [("enterprise", "Công ty TNHH"), ("cooperative", "Hợp tác xã"), ("cooperative-group", "Tổ hợp tác"),
         ("household-business", "Cơ sở")]
ROUNDS = [2016, 2018, 2020, 2022, 2024]
LEVELS = ["provincial"] * 6 + ["regional"] * 3 + ["national"]


def png(width, height, rgb):
    """A solid-colour RGB PNG (standard library only)."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def yq(text):
    return json.dumps(text, ensure_ascii=False)


def write_products(n, out, seed):
    rng = random.Random(seed * 7919 + 5)
    os.makedirs(os.path.join(out, "products"), exist_ok=True)
    os.makedirs(os.path.join(out, "images", "bench"), exist_ok=True)
    with open(os.path.join(out, "images", "bench", "product.png"), "wb") as f:
        f.write(png(1200, 800, (46, 125, 80)))
    communes = [c for cs in PLACES.values() for c in cs]
    establishments = []
    lines = ["# Generated by bench/generate.py --products: invented establishments."]
    for i in range(max(1, n // 5)):
        kind, prefix = KINDS[i % len(KINDS)]
        place = PRODUCT_PLACES[rng.randrange(len(PRODUCT_PLACES))]
        slug = f"co-so-mau-{i:06d}"
        establishments.append((slug, place))
        lines += [f"- slug: {slug}", f"  name: {yq(f'{prefix} {rng.choice(communes)} số {i}')}", f"  kind: {kind}",
                  f"  address: {yq('xã ' + rng.choice(communes))}", f"  place: {place}",
                  f"  description: {yq('Cơ sở mẫu sinh cho phép đo hiệu năng.')}",
                  f"  consented_to_publish: {'true' if i % 3 else 'false'}", "  sample: true", ""]
    with open(os.path.join(out, "establishments.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    for i in range(n):
        product, group = PRODUCTS[rng.randrange(len(PRODUCTS))]
        producer, place = establishments[rng.randrange(len(establishments))]
        rounds = sorted(rng.sample(ROUNDS, rng.choice([1, 1, 1, 2, 2, 3])))
        certs = []
        for r in rounds:
            certs += [f"  - level: {rng.choice(LEVELS)}", f"    round: {r}", f"    decision: \"{rng.randrange(100, 9999)}/QĐ-UBND\"",
                      f"    date: {r}-11-{rng.randrange(1, 28):02d}", "    issuer: \"UBND tỉnh Bến Tre\""]
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(1700))
        title = f"{cap(product)} {rng.choice(communes)} loại {i}"
        text = "\n".join([
            "---", f"title: {yq(title)}", f"slug: san-pham-mau-{i:06d}", f"date: {day.isoformat()} 08:00",
            f"set: {'true' if i % 17 == 0 else 'false'}", f"group: {PRODUCT_GROUPS.get(group, 'other')}",
            f"producer: {producer}", f"place: {place}", f"summary: {yq(f'{cap(product)} được chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu.')}",
            "certifications:", *certs,
            "image: images/bench/product.png", f"image_alt: {yq(f'Ảnh minh họa {product}')}", "sample: true", "---",
            f"{cap(product)} của cơ sở là sản phẩm mẫu sinh tự động để đo hiệu năng. "
            f"Sản phẩm được làm tại {rng.choice(communes)} theo quy trình truyền thống.", ""])
        with open(os.path.join(out, "products", f"san-pham-mau-{i:06d}.md"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"generate: {n} products, {len(establishments)} establishments", file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=1000, help="number of articles (default 1000)")
    p.add_argument("--out", required=True, help="content folder; articles go to OUT/articles/")
    p.add_argument("--topics", help="topics.yml to take topic slugs from (default: OUT/topics.yml)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--products", type=int, default=0, help="also generate N products and N/5 establishments (default 0)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: nproc)")
    args = p.parse_args()

    started = time.monotonic()
    out = os.path.join(args.out, "articles")
    os.makedirs(out, exist_ok=True)
    topics = read_topics(args.topics or os.path.join(args.out, "topics.yml"))

    # Dates spread over 2021-01-01 .. 2025-12-31, never in the future (a future date means "scheduled").
    start = dt.datetime(2021, 1, 1, 7, 0)
    end = min(dt.datetime(2025, 12, 31, 18, 0), dt.datetime.now() - dt.timedelta(days=1))
    span_minutes = max(1, int((end - start).total_seconds() // 60))

    n = args.count
    chunk = max(1, min(5000, n // (args.jobs * 4) or 1))
    tasks = [(lo, min(n, lo + chunk), args.seed, out, topics, start.isoformat(), span_minutes)
             for lo in range(0, n, chunk)]
    if args.jobs > 1 and n >= 2000:
        with Pool(args.jobs) as pool:
            written = sum(pool.imap_unordered(work, tasks))
    else:
        written = sum(map(work, tasks))
    print(f"generate: {written} articles in {out} ({time.monotonic() - started:.1f} s, "
          f"{len(topics)} topics)", file=sys.stderr)
    if args.products > 0:
        write_products(args.products, args.out, args.seed)


if __name__ == "__main__":
    main()
