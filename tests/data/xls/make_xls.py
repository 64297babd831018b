"""Writes ``cms_split_interval.xls``: an Avaya CMS-style "Split/Skill Interval" report saved as an
old Excel 97-2003 workbook (BIFF8), as CMS Supervisor and Cisco CUIC still export.

Needs ``xlwt`` (not a project dependency: ``pip install xlwt``); the .xls it writes is
committed, so the tests do not need it. Run by hand: ``python tests/data/xls/make_xls.py``.

Layout: two title lines and a blank line above the header; real date cells (Excel serials with
a date format); half-hour intervals as text; counts; "Avg Speed Ans" and "Avg ACD Time" as
seconds; a "Totals" line at the bottom. Expected values are in ``EXPECTED`` below (computed
here, by hand).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlwt

OUT = Path(__file__).resolve().parent / "cms_split_interval.xls"

#: (date, interval, ACD Calls, Aban Calls, Avg Speed Ans, Avg ACD Time, ACD Calls within 20s)
ROWS = [
    (dt.date(2024, 5, 6), "08:00-08:30", 20, 2, 15, 300, 16),
    (dt.date(2024, 5, 6), "08:30-09:00", 30, 3, 25, 280, 20),
    (dt.date(2024, 5, 7), "08:00-08:30", 25, 0, 10, 320, 24),
    (dt.date(2024, 5, 7), "08:30-09:00", 25, 5, 40, 260, 12),
]

ANSWERED = sum(r[2] for r in ROWS)  # 100
ABANDONED = sum(r[3] for r in ROWS)  # 10
EXPECTED = {
    "rows": len(ROWS),
    "contacts": ANSWERED + ABANDONED,  # 110 (offered = answered + abandoned)
    "abandonment_rate": round(ABANDONED / (ANSWERED + ABANDONED), 4),  # 0.0909
    "asa": round(sum(r[2] * r[4] for r in ROWS) / ANSWERED, 4),  # 2,300 / 100 = 23.0
    "service_level": round(sum(r[6] for r in ROWS) / (ANSWERED + ABANDONED), 4),  # 0.6545
}


def main() -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Split Interval")
    day = xlwt.easyxf(num_format_str="mm/dd/yyyy")
    sheet.write(0, 0, "Split/Skill Interval Report")
    sheet.write(1, 0, "Split/Skill: 1 Customer Care    Dates: 05/06/2024 - 05/07/2024")
    header = ["Date", "Interval", "ACD Calls", "Aban Calls", "Avg Speed Ans", "Avg ACD Time",
              "ACD Calls within 20s"]  # fmt: skip
    for j, h in enumerate(header):
        sheet.write(3, j, h)
    for i, row in enumerate(ROWS, start=4):
        sheet.write(i, 0, row[0], day)
        for j, v in enumerate(row[1:], start=1):
            sheet.write(i, j, v)
    last = 4 + len(ROWS)
    sheet.write(last, 0, "Totals")
    sheet.write(last, 2, ANSWERED)
    sheet.write(last, 3, ABANDONED)
    book.save(str(OUT))


if __name__ == "__main__":
    main()
