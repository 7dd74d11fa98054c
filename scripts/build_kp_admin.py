"""Rebuild src/kirok/data/kp_admin.jsonl from the Open Admin Data files.

Source: open-admin-data/north-korea-administrative-divisions (CC BY 4.0), kept in
../shared/data/kp-admin-divisions. Run: python scripts/build_kp_admin.py [FOLDER]
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

# Spellings that sources use beside the dataset's romanisation.
VARIANTS = {
    "Ryanggang": ["Yanggang", "Ryanggang Province", "Yanggang Province"],
    "North Hamgyong": ["North Hamgyong Province", "North Hamgyŏng", "Hamgyongbuk-do"],
    "South Hamgyong": ["South Hamgyong Province", "South Hamgyŏng", "Hamgyongnam-do"],
    "North Pyongan": ["North Pyongan Province", "North P'yŏngan"],
    "South Pyongan": ["South Pyongan Province", "South P'yŏngan"],
    "North Hwanghae": ["North Hwanghae Province"],
    "South Hwanghae": ["South Hwanghae Province"],
    "Jagang": ["Chagang", "Jagang Province", "Chagang Province"],
    "Kangwon": ["Kangwon Province"],
    "Sinuiju": ["Sinŭiju", "Shinuiju"],
    "Hyesan": ["Hyesan City"],
    "Chongjin": ["Chŏngjin", "Chongjin City"],
    "Hoeryong": ["Hoeryŏng", "Hoeryong City"],
    "Onsong": ["Onsŏng", "Onsong County"],
    "Musan": ["Musan County"],
    "Yodok": ["Yodŏk", "Yodok County"],
    "Kaechon": ["Kaech'ŏn", "Kaechon City"],
    "Hamhung": ["Hamhŭng", "Hamheung"],
    "Kaesong": ["Kaesŏng"],
    "Rason": ["Rajin", "Rason City", "Rajin-Sonbong"],
    "Taehongdan": ["Taehongdan County"],
    "Kim Chaek": ["Kimchaek"],
    "Nampo": ["Nampho", "Namp'o", "Nampo City"],
    "Kabsan": ["Kapsan", "Kapsan County", "Kabsan County"],
    # (counties named for people: the one-word spelling the state's media use)
    "Kim Hyong Gwon": ["Kimhyonggwon County", "Kim Hyong-gwon County"],
    "Kim Hyong Jik": ["Kimhyongjik County", "Kim Hyong-jik County"],
    "Kim Jong Suk": ["Kimjongsuk County", "Kim Jong-suk County"],
}
PERSON_NAMED = ("Kim Hyong Gwon", "Kim Hyong Jik", "Kim Jong Suk")  # need "County" after them


def common_spellings(name: str) -> set[str]:
    """Spellings news use for the dataset's "ph": "Sinpo" for "Sinpho", "Nampo"
    for "Nampho" (McCune-Reischauer's aspirated p, written without its mark)."""
    return {name.replace("ph", "p").replace("Ph", "P")} - {name}


def plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def rows(folder: Path) -> list[dict[str, object]]:
    out = []
    for file, kind in (("all-province.json", "province"), ("all-county.json", "county")):
        for item in json.loads((folder / file).read_text(encoding="utf-8")):
            full = item["name"]["en"]
            name = full.removesuffix(" City").removesuffix(" Dist.")
            aliases = {full, *VARIANTS.get(name, [])} - {name}
            if name in PERSON_NAMED:
                aliases = {f"{name} County", *VARIANTS.get(name, [])}
                name = f"{name} County"
            aliases |= {plain(a) for a in aliases} - {name}
            aliases |= {v for a in [name, *aliases] for v in common_spellings(a)}
            aliases.discard(name)
            parent = item["parent"]["name"]["en"] if item.get("parent") else None
            out.append(
                {
                    "name": name,
                    "aliases": sorted(aliases),
                    "kind": kind,
                    "country": "KP",
                    "admin1": parent,
                    "lat": float(item["geo"]["lat"]),
                    "lon": float(item["geo"]["lon"]),
                    "id": item["id"],
                }
            )
    return out


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/kp-admin-divisions")
    target = Path(__file__).parent.parent / "src/kirok/data/kp_admin.jsonl"
    with target.open("w", encoding="utf-8") as handle:
        for row in rows(folder):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
