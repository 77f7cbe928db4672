"""Words about units and clusters, without a database: the key a written unit name is compared by,
the province a text names, a unit's kind and a cluster's sector.

Built on pipeline.units (the abbreviations and generic words scoring uses) so a unit that scores as
the same unit resolves to the same registry entry.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from collections.abc import Iterable

from pipeline.units import _units, canon

# The 63 provinces and centrally-run cities (before the 2025 mergers, as the archive's reports name them).
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
    "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
    "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
# Written without "tỉnh"/"thành phố", these names also mean other things ("tư tưởng Hồ Chí Minh").
_NEEDS_PREFIX = {"Hồ Chí Minh", "Hòa Bình", "Long An", "Hà Nam", "Gia Lai"}
_ALIASES = {"TP.HCM": "Hồ Chí Minh", "TP HCM": "Hồ Chí Minh", "TP. HCM": "Hồ Chí Minh", "Huế": "Thừa Thiên Huế",
            "Đắc Lắc": "Đắk Lắk", "Đăk Lăk": "Đắk Lắk", "Thanh Hoá": "Thanh Hóa", "Khánh Hoà": "Khánh Hòa",
            "Hoà Bình": "Hòa Bình"}

# Sectors, most specific first: the first pattern a unit name matches is its sector.
SECTORS: tuple[tuple[str, str], ...] = (
    ("Công an", r"\bcông an\b"),
    ("Công đoàn", r"\bliên đoàn lao động\b|\bcông đoàn\b"),
    ("Hội Nông dân", r"\bhội nông dân\b"),
    ("Hội Phụ nữ", r"\bphụ nữ\b"),
    ("Hội Cựu chiến binh", r"\bcựu chiến binh\b"),
    ("Đoàn Thanh niên", r"\bđoàn thanh niên\b|\b(huyện|tỉnh|thành|thị|quận) đoàn\b"),
    ("Mặt trận Tổ quốc", r"\bmặt trận tổ quốc\b"),
    ("Khối Đảng", r"\b(tỉnh|huyện|thành|thị|quận|đảng) ủy\b|\bcác cơ quan đảng\b"),
    ("Bộ, ngành", r"^bộ\b|\bcác bộ\b"),
    ("Sở, ngành", r"^sở\b|\bsở, ban\b|^ban\b"),
    ("Giáo dục", r"\btrường\b|\bgiáo dục\b"),
    ("Y tế", r"\bbệnh viện\b|\by tế\b"),
    ("Doanh nghiệp", r"\bcông ty\b|\bdoanh nghiệp\b|\bhợp tác xã\b"),
    ("Chính quyền", r"\bủy ban nhân dân\b|^(huyện|quận|xã|phường|thị xã|thành phố|thị trấn)\b"),
)

# Kinds of unit, by the words a canonical name starts with (or holds).
KINDS: tuple[tuple[str, str], ...] = (
    ("công an tỉnh", r"^công an (tỉnh|thành phố)\b"),
    ("công an huyện", r"^công an (huyện|quận|thị xã|thành phố)\b"),
    ("Sở", r"^sở\b"),
    ("Bộ", r"^bộ\b"),
    ("Ban", r"^ban\b|^ủy ban kiểm tra\b"),
    ("công đoàn", r"^liên đoàn lao động\b|^công đoàn\b"),
    ("đoàn thanh niên", r"^(huyện|tỉnh|thành|thị|quận) đoàn\b|^đoàn thanh niên\b"),
    ("mặt trận", r"mặt trận tổ quốc"),
    ("hội", r"^hội\b"),
    ("doanh nghiệp", r"^(tổng )?công ty\b|\bdoanh nghiệp\b|^ngân hàng\b|^hợp tác xã\b"),
    ("trường học", r"^trường\b"),
    ("bệnh viện", r"^bệnh viện\b|^trung tâm y tế\b"),
    ("xã", r"^(ủy ban nhân dân )?(xã|phường|thị trấn)\b"),
    ("huyện", r"^(ủy ban nhân dân )?(huyện|quận|thị xã|thành phố)\b"),
)
_TONE_PLACEMENT = {"uỷ": "ủy", "hoà": "hòa", "hoá": "hóa", "khoẻ": "khỏe", "thuỷ": "thủy", "tuỳ": "tùy"}
_PLACE_WORDS = ("thị xã", "thành phố", "thị trấn", "huyện", "quận", "xã", "phường")


def fold(text: str | None) -> str:
    """Lower case without accents (đ as d): how people type a search or a command argument."""
    s = unicodedata.normalize("NFD", str(text or "").lower().replace("đ", "d"))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())


def slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def unit_key(name: str | None) -> str:
    """How two written unit names are compared exactly: canon() (NFC, lower case, UBND/MTTQ/LĐLĐ... expanded)
    plus the registry's own abbreviations, old tone placement and punctuation removed, 'việt nam' dropped."""
    s = canon(name)
    for old, new in _TONE_PLACEMENT.items():
        s = s.replace(old, new)
    extra = _units().get("registry_abbreviations", {})
    words = [extra.get(w.rstrip("."), w) for w in re.sub(r"[,;:()\"'“”.\-–]", " ", s).split()]
    s = " ".join(words).replace("tổ quốc việt nam", "tổ quốc")
    s = re.sub(r"\bcác (?=huyện|quận|xã|phường|thị xã|thành phố|tỉnh|trường)", "", s)  # 'UBND các huyện A'
    return " ".join(s.split())


def distinct_words(key: str) -> set[str]:
    """The words that tell one unit from another (what is left after generic words)."""
    return set(key.split()) - set(_units()["generic"])


@lru_cache(maxsize=1)
def _province_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation, longest names first ('Thừa Thiên Huế' before 'Huế'); names that mean other
    things too are only taken after 'tỉnh', 'thành phố' or 'TP'."""
    names = {p: p for p in PROVINCES} | _ALIASES
    ordered = sorted(names, key=len, reverse=True)

    def alternation(items):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)

    prefix = r"(?:tỉnh|thành\s+phố|TP\.?)\s+"
    pattern = re.compile(rf"(?<!\w)(?:{prefix}(?P<named>{alternation(ordered)})"
                         rf"|(?P<bare>{alternation(w for w in ordered if w not in _NEEDS_PREFIX)}))(?!\w)",
                         re.IGNORECASE)
    return pattern, {re.sub(r"\s+", " ", w).lower(): p for w, p in names.items()}


def provinces_in(text: str | None) -> Counter:
    """How often each province is named in `text` ('tỉnh Kiên Giang', 'Kiên Giang', 'TP.HCM')."""
    pattern, province_of = _province_pattern()
    found: Counter = Counter()
    for m in pattern.finditer(unicodedata.normalize("NFC", text or "")):
        found[province_of[" ".join((m.group("named") or m.group("bare")).split()).lower()]] += 1
    return found


def sector_of(name: str | None) -> str | None:
    key = unit_key(name)
    for sector, pattern in SECTORS:
        if re.search(pattern, key):
            return sector
    return None


def majority_sector(unit_names: Iterable[str], cluster_name: str | None = None) -> str | None:
    """The sector most of a cluster's units belong to; the cluster's own name counts three times."""
    votes = Counter(s for s in map(sector_of, unit_names) if s)
    named = sector_of(cluster_name) if cluster_name else None
    if named and named != "Chính quyền":
        votes[named] += 3
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def kind_of(name: str | None) -> str | None:
    key = unit_key(name)
    for kind, pattern in KINDS:
        if re.search(pattern, key):
            return kind
    return None


def district_of(name: str | None) -> str | None:
    """'UBND huyện Châu Thành' -> 'huyện Châu Thành': the place word and the capitalised words after it."""
    words = unicodedata.normalize("NFC", name or "").split()
    for i in range(len(words)):
        for place in _PLACE_WORDS:
            n = len(place.split())
            if " ".join(words[i:i + n]).lower() == place:
                proper = []
                for w in words[i + n:]:
                    if not w[:1].isupper():
                        break
                    proper.append(w)
                if proper:
                    return " ".join([place, *proper])
    return None


_PLACE_KEY = re.compile(r"\b(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|tỉnh)\s+(.+?)(?=\s+(?:huyện|quận|thị xã|"
                        r"thành phố|xã|phường|thị trấn|tỉnh)\b|$)")


def place_of(key: str) -> str | None:
    """The place a unit key names first ('liên đoàn lao động huyện thoại sơn' -> 'thoại sơn')."""
    m = _PLACE_KEY.search(key)
    return m.group(1).strip() if m else None


# Words that say what kind of body a unit is, not which one ('Công ty TNHH MTV ...', 'Trường THPT ...').
_TYPE_WORDS = {"trường", "chuyên", "trung", "học", "phổ", "thông", "cơ", "sở", "công", "ty", "cổ", "phần", "trách",
               "nhiệm", "hữu", "hạn", "một", "thành", "viên", "lao", "động", "nông", "phụ", "nữ", "cựu", "chiến",
               "binh", "thanh", "niên", "bệnh", "viện", "liên", "hiệp", "kiểm", "tra", "điện", "lực"}


# Kinds of body that are never spellings of one another (places are left out: 'huyện X' often
# stands for the union or the committee of district X).
_BODY_KINDS = {"Bộ", "Sở", "Ban", "trường học", "bệnh viện", "doanh nghiệp", "công an tỉnh", "công an huyện",
               "công đoàn", "đoàn thanh niên", "mặt trận", "hội"}
_BODIES = ("ủy ban nhân dân", "hội đồng nhân dân", "mặt trận tổ quốc", "ủy ban kiểm tra", "đoàn thanh niên",
           "liên đoàn lao động", "hội nông dân", "phụ nữ", "cựu chiến binh", "công an", "tỉnh ủy", "huyện ủy")


@lru_cache(maxsize=1)
def _province_keys() -> tuple[str, ...]:
    return tuple(sorted((p.lower() for p in PROVINCES), key=len, reverse=True))


def identity_words(key: str) -> set[str]:
    """The words that say which unit this is: no generic or type words, no province name (unless the
    province is all there is: 'Trường THPT Kon Tum')."""
    bare = key
    for province in _province_keys():
        bare = bare.replace(province, " ")
    return distinct_words(bare) - _TYPE_WORDS or distinct_words(key) - _TYPE_WORDS


def same_registry_unit(a: str, b: str) -> bool:
    """Scoring's loose same_unit, made stricter for a registry: names of different places never match
    ('LĐLĐ huyện Châu Phú', 'LĐLĐ huyện Thoại Sơn'), nor names whose identifying words are disjoint
    ('Trường THPT Duy Tân', 'Trường THPT Lê Lợi' share 'trung học phổ thông', not a school)."""
    from pipeline.units import same_unit

    pa, pb = place_of(a), place_of(b)
    if pa and pb and not (pa.startswith(pb) or pb.startswith(pa)):
        return False
    ba, bb = {x for x in _BODIES if x in a}, {x for x in _BODIES if x in b}
    if ba and bb and not ba & bb:
        return False  # 'Văn phòng UBND tỉnh' is not 'Văn phòng HĐND tỉnh'
    ka, kb = kind_of(a), kind_of(b)
    if ka != kb and {ka, kb} <= _BODY_KINDS:
        return False  # 'Bộ Kế hoạch và Đầu tư' is not 'Sở Kế hoạch và Đầu tư', a school is not a union
    ia, ib = identity_words(a), identity_words(b)
    if ia and ib and not (ia <= ib or ib <= ia):
        return False  # 'Sở Nội vụ' and 'Sở Ngoại vụ' share 'vụ' only
    if _different_after_shared_head(a, b):
        return False  # 'Đảng ủy Khối các cơ quan tỉnh' is not 'Đảng ủy Khối Doanh nghiệp tỉnh'
    return same_unit(a, b)


_PLACE_ONLY = {"tỉnh", "thành", "phố", "huyện", "quận", "thị", "xã", "phường", "trấn"}


def _different_after_shared_head(a: str, b: str) -> bool:
    """Two names that start alike and then name different things: what follows the shared words,
    places left out, is there on both sides and has no word in common. Generic words count here
    ('các cơ quan' against 'doanh nghiệp'): they are all a bloc's name may have."""
    wa, wb = a.split(), b.split()
    shared = 0
    while shared < min(len(wa), len(wb)) and wa[shared] == wb[shared]:
        shared += 1
    if not shared:
        return False

    def rest(words: list[str]) -> set[str]:
        text = " ".join(words[shared:])
        for province in _province_keys():
            text = text.replace(province, " ")
        return set(text.split()) - _PLACE_ONLY

    ra, rb = rest(wa), rest(wb)
    return bool(ra and rb and not ra & rb)
