"""``desk check``: the data-quality report on the seed data."""

from __future__ import annotations

from datetime import date

from bot.desk import Desk
from bot.ingest.quality import quality_report, render_report


def test_report_figures(desk: Desk) -> None:
    report = quality_report(desk.engine)
    assert (report.rows, report.total) == (110, 6476)
    (source,) = report.sources
    assert (source.stated_total, source.summed, source.mismatch) == (6473, 6476, 3)
    assert len(report.joint_rows) == 7
    assert [r.party_text for r in report.non_party_rows] == ["Political Analyst"]
    assert sum(r.number for r in report.unnamed_rows) == 193  # joint rows are not "unnamed"
    assert [(r.reported_on, r.number) for r in report.out_of_order] == [
        (date(2023, 4, 23), 1),
        (date(2023, 5, 3), 1),
    ]
    assert report.alias_collisions == []
    assert report.table_only_people == 7
    (dissolved,) = report.after_dissolution
    assert dissolved[:2] == ("Cambodia National Rescue Party", 2017)


def test_rendered_report_mentions_the_mismatch(desk: Desk) -> None:
    text = render_report(quality_report(desk.engine))
    assert "the document's text states 6,473" in text
    assert "MISMATCH" in text
    assert "Rows out of chronological order: 2" in text
