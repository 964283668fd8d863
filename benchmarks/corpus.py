"""Generated batches for the scaling benchmark, in the three shapes a national collection has:
``distinct`` (every agency writes its own prose from the sentences real reports use), ``template`` (one
county text copied by every township with its own name put in: the near-duplicate case) and
``identical`` (the same files again: the five samples copied over and over). Every corpus pairs agencies
over two years so the year-over-year checks run too."""
from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.engine.render_text import STYLES, random_tables, render_report  # noqa: E402

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))
KINDS = ("distinct", "template", "identical")
_WORDS = ("政务公开", "信息发布", "政策解读", "依申请公开", "公开目录", "政府网站", "新媒体", "保密审查", "基层公开", "公示栏",
          "考核评议", "惠民资金", "重点领域", "决策公开", "开放日", "办事指南", "便民服务", "数据同源", "专栏", "培训")


def _sample_sentences() -> list[str]:
    """The prose of the bundled samples cut into sentences (tables and headings left out)."""
    out = []
    for path in SAMPLES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line) > 40 and "|" not in line and "\t" not in line:
                out += [s for s in re.split(r"[。；]", line) if len(s) > 12]
    return out


_NAME_CHARS = "安宝昌长城川春大德东丰福富和河红华吉嘉江金康乐利林龙隆明南宁平青庆仁荣瑞山胜石顺太泰天通兴新阳永裕元云中"


def town_name(i: int) -> str:
    """A distinct town name for every i below 56³, in characters (the similarity measure masks digits)."""
    n = len(_NAME_CHARS)
    return f"某某县{_NAME_CHARS[i // (n * n) % n]}{_NAME_CHARS[i // n % n]}{_NAME_CHARS[i % n]}镇"


def _own_sentence(rng: random.Random, name: str) -> str:
    a, b, c = rng.sample(_WORDS, 3)
    return f"{name}围绕{a}和{b}开展专项工作{rng.randint(2, 40)}次，推动{c}{rng.choice(('落地见效', '提质增效', '规范运行'))}"


def _report(rng: random.Random, agency: str, year: int, story: str, style: str) -> str:
    text = render_report(random_tables(rng), style, rng, agency=agency, year=year)
    return text.replace("扎实推进政务公开工作。", "扎实推进政务公开工作。" + story)


def write_corpus(kind: str, n: int, folder: Path, seed: int = 17) -> list[Path]:
    """``n`` report files in ``folder`` (created), named in argument order."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pool = _sample_sentences()
    template = "。".join(rng.sample(pool, 24)) + "。"
    files = []
    for i in range(n):
        path = folder / f"r{i:05d}.txt"
        if kind == "identical":
            shutil.copyfile(SAMPLES[i % len(SAMPLES)], path)
            files.append(path)
            continue
        town = town_name(i // 2)
        agency, year = f"{town}人民政府", 2023 + i % 2
        if kind == "distinct":
            parts = rng.sample(pool, 10) + [_own_sentence(rng, town) for _ in range(10)]
            rng.shuffle(parts)
            story = "。".join(parts) + "。"
        elif kind == "template":
            story = template.replace("大进镇", town).replace("良口镇", town)
            story = f"{town}坚持以人民为中心。{story}全年开展培训{rng.randint(1, 30)}次。"
        else:
            raise ValueError(kind)
        path.write_text(_report(rng, agency, year, story, STYLES[i % len(STYLES)]),
                        encoding="gb18030" if i % 3 == 0 else "utf-8")
        files.append(path)
    return files


if __name__ == "__main__":
    write_corpus(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
