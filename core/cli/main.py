"""Argument parsing for the headless commands."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

COMMANDS = ("check", "export")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="年报审阅：政府信息公开工作年度报告审阅工具")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="读取并检查报告，输出摘要或 JSON")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="在标准输出打印 JSON 数组（公开接口）")
    e = sub.add_parser("export", help="批量生成审阅底稿（每个机关一个 Excel 工作簿）和汇总表")
    e.add_argument("inputs", nargs="+", metavar="INPUT", help="报告文件或文件夹（递归查找）")
    e.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    e.add_argument("--reviewer", default="", help="审阅人姓名（写入工作簿）")
    e.add_argument("--jobs", type=int, default=None, help="并行进程数（默认为 CPU 核数）")
    return parser


def main(argv: Sequence[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    if args.command == "check":
        from core.cli.check_cmd import run

        return run(args.files, args.json)
    from core.cli.export_cmd import run as export

    return export(args.inputs, args.out, args.reviewer, args.jobs)
