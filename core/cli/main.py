"""Argument parsing for the headless commands."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

COMMANDS = ("check", "export", "fetch")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="年报审阅：政府信息公开工作年度报告审阅工具")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="读取并检查报告，输出摘要或 JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件或文件夹（递归查找）")
    p.add_argument("--json", action="store_true", help="在标准输出打印 JSON 数组（公开接口）")
    p.add_argument("--jobs", type=int, default=None, help="并行进程数（默认：报告较多时使用全部 CPU 核）")
    e = sub.add_parser("export", help="批量生成审阅底稿（每个机关一个 Excel 工作簿）和汇总表")
    e.add_argument("inputs", nargs="+", metavar="INPUT", help="报告文件或文件夹（递归查找）")
    e.add_argument("--out", required=True, metavar="DIR", help="输出文件夹")
    e.add_argument("--reviewer", default="", help="审阅人姓名（写入工作簿）")
    e.add_argument("--jobs", type=int, default=None, help="并行进程数（默认：报告较多时使用全部 CPU 核）")
    for cmd in (p, e):
        cmd.add_argument("--repeat-threshold", type=float, default=None, metavar="PCT",
                         help="X07：与上年报告重复的句子超过此百分比时警告（默认 50）")
    f = sub.add_parser("fetch", help="从网址下载报告（网页或 PDF/DOC/DOCX 附件），连同证据保存到文件夹")
    f.add_argument("urls", nargs="*", metavar="URL", help="报告网页或附件的网址")
    f.add_argument("--list", dest="list_file", metavar="FILE", help="网址列表文件（每行一个，# 开头为注释）")
    f.add_argument("--out", required=True, metavar="DIR", help="证据文件夹（已有的记录保留，重新下载不覆盖）")
    f.add_argument("--ignore-robots", action="store_true", help="不检查网站的 robots.txt（须确有授权）")
    f.add_argument("--timeout", type=float, default=20.0, metavar="S", help="连接与读取超时，秒（默认 20）")
    f.add_argument("--retries", type=int, default=2, metavar="N", help="超时或服务器出错时重试次数（默认 2）")
    f.add_argument("--delay", type=float, default=1.0, metavar="S", help="对同一网站两次请求的间隔，秒（默认 1）")
    f.add_argument("--per-host", type=int, default=2, metavar="N", help="对同一网站同时进行的请求数（默认 2）")
    f.add_argument("--jobs", type=int, default=4, metavar="N", help="同时处理的网址数（默认 4）")
    return parser


def main(argv: Sequence[str]) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # a file name of bytes that are not UTF-8 (a zip made on a GBK system) holds lone surrogates:
            # written as \udcXX, which inside a JSON string is the escape of that very character
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    args = build_parser().parse_args(argv)
    if args.command == "fetch":
        from core.cli.fetch_cmd import run as fetch
        from core.collect.client import FetchOptions

        options = FetchOptions(timeout=args.timeout, retries=max(0, args.retries), delay=max(0.0, args.delay),
                               per_host=max(1, args.per_host), jobs=max(1, args.jobs), robots=not args.ignore_robots)
        return fetch(args.urls, args.list_file, args.out, options)
    if args.repeat_threshold is not None:
        from core.checks.repeats import set_threshold

        try:
            set_threshold(args.repeat_threshold)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    try:
        if args.command == "check":
            from core.cli.check_cmd import run

            return run(args.files, args.json, args.jobs)
        from core.cli.export_cmd import run as export

        return export(args.inputs, args.out, args.reviewer, args.jobs)
    except KeyboardInterrupt:  # Ctrl+C, e.g. during a long OCR: stop cleanly
        print("\n已取消", file=sys.stderr)
        return 130
