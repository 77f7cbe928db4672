"""Which written names the registry may treat as one unit (pure rules, no database)."""
import pytest

from pipeline.store.registry.names import provinces_in, same_registry_unit, unit_key
from pipeline.store.registry.scope import cluster_name_key

SAME = [("UBND huyện Châu Thành", "huyện Châu Thành"), ("UBND huyện Châu Thành", "Ủy ban nhân dân huyện Châu Thành"),
        ("Ủy ban MTTQ Việt Nam quận Tây Hồ", "UBMTTQ quận Tây Hồ"), ("LĐLĐ huyện Châu Thành", "Liên đoàn Lao động"),
        ("Hội LHPN huyện Hải Hậu", "Hội Liên hiệp Phụ nữ huyện Hải Hậu"), ("Trường THPT Duy Tân", "THPT Duy Tân"),
        ("UBND các huyện Kiên Hải", "UBND huyện Kiên Hải"), ("Kon Tum", "Hội Nông dân tỉnh Kon Tum"),
        ("An Thạnh", "UBND xã An Thạnh")]
DIFFERENT = [("LĐLĐ huyện Châu Phú", "Liên đoàn Lao động huyện Thoại Sơn"),
             ("Trường THPT Duy Tân", "Trường THPT chuyên Nguyễn Tất Thành"), ("THPT Duy Tân", "THPT Kon Tum"),
             ("Công ty TNHH MTV Lâm nghiệp Sông Hinh", "Công ty TNHH MTV Khai thác thủy lợi Phú Yên"),
             ("Văn phòng UBND tỉnh", "Văn phòng HĐND tỉnh"), ("Sở Nội vụ", "Sở Ngoại vụ"),
             ("Bộ Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"), ("Công an tỉnh Hà Giang", "Công an tỉnh Lạng Sơn"),
             ("Ủy ban MTTQ Việt Nam huyện", "UBND huyện"), ("Trường THPT Kon Tum", "Hội Nông dân tỉnh Kon Tum"),
             ("Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối Doanh nghiệp tỉnh")]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_unit_match(a, b):
    assert same_registry_unit(unit_key(a), unit_key(b)) and same_registry_unit(unit_key(b), unit_key(a))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_units_never_match(a, b):
    assert not same_registry_unit(unit_key(a), unit_key(b)) and not same_registry_unit(unit_key(b), unit_key(a))


def test_provinces_named_in_text_and_cluster_names_without_them():
    text = "Cụm thi đua số 2 tỉnh Kiên Giang; TP.HCM; tư tưởng Hồ Chí Minh; Thừa Thiên Huế; Kiên Giang"
    assert provinces_in(text) == {"Kiên Giang": 2, "Hồ Chí Minh": 1, "Thừa Thiên Huế": 1}
    assert cluster_name_key("Khối thi đua các doanh nghiệp tỉnh Phú Yên") == "doanh nghiep"
    assert cluster_name_key("Cụm thi đua Khối Mặt trận, đoàn thể huyện Phú Vang") == "mat tran doan the huyen phu vang"
