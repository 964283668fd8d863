"""``fetch URL... | --list FILE --out DIR``: download reports into an evidence folder; one line per
address (its reports, or why it gave none), remarks for attachments and changed content. Exit status:
0 every address gave a report, 2 some did not (the others were still collected)."""
from __future__ import annotations

import sys
from collections.abc import Sequence

from core.cli.export_cmd import ProgressBar
from core.collect.client import FetchOptions
from core.collect.collector import collect, read_list
from core.collect.evidence import INDEX_NAME
from core.errors import ReportError


def run(urls: Sequence[str], list_file: str | None, out_dir: str, options: FetchOptions) -> int:
    addresses = list(urls)
    if list_file:
        try:
            addresses += read_list(list_file)
        except ReportError as exc:
            print(f"无法读取网址列表 {exc.path}：{exc.reason}", file=sys.stderr)
            return 2
    if not addresses:
        print("没有要下载的网址（请给出网址，或用 --list 指定网址列表文件）", file=sys.stderr)
        return 2
    try:
        result = collect(addresses, out_dir, options, progress=ProgressBar())
    except ReportError as exc:
        print(f"{exc.path}：{exc.reason}", file=sys.stderr)
        return 2
    for r in result.results:
        print("\n".join(r.lines()), file=sys.stdout if r.ok else sys.stderr)
    failed = sum(not r.ok for r in result.results)
    print(f"已下载 {len(result.report_files)} 份报告到 {result.folder}（证据索引 {result.folder / INDEX_NAME}）"
          + (f"；{failed} 个网址未取得报告" if failed else ""))
    return result.exit_status
