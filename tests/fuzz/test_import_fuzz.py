"""Fuzzing the sales import: malformed, huge and hostile files never crash it, every bad row is named,
and import_file writes all of a file or nothing."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etims_desktop.app.importer import (
    MAX_ROWS,
    ImportPreview,
    ImportRejected,
    parse_csv,
    parse_file,
    parse_json,
)
from etims_desktop.domain.item import Item
from etims_desktop.domain.sale import TaxType

ITEMS = {
    "KE2NTU0000001": Item("KE2NTU0000001", "Sugar 1kg", "50161800", TaxType.B, Decimal("180.00")),
    "KE2NTU0000002": Item("KE2NTU0000002", "Maize flour 2kg", "5022110400", TaxType.A, Decimal("230.00")),
}
HEADER = ["invoice_no", "date", "item_code", "qty", "unit_price", "discount", "buyer_pin", "payment_type"]
HOSTILE = [
    "",
    " ",
    "NaN",
    "-Infinity",
    "1e999999",
    "-1",
    "0",
    "1" * 400,
    "=cmd|' /C calc'!A0",
    "'; DROP TABLE sales; --",
    "\u202e\u0000\ufeff",
    "2026-13-45",
    "9999-12-31T23:59:59+14:00",
    '"quoted, with comma"',
    "line\nbreak",
]


def assert_named(preview: ImportPreview) -> None:
    """Every error names a line of the file and says something; a clean preview holds sales."""
    assert isinstance(preview, ImportPreview)
    for error in preview.errors:
        assert error.line >= 1 and error.reason.strip()
    if not preview.errors:
        assert all(sale.lines for sale in preview.sales)


def good_row(n: int, code: str = "KE2NTU0000001") -> dict:
    return {"invoice_no": f"INV-{n}", "date": "2026-11-24T10:00", "item_code": code, "qty": "2",
            "unit_price": "", "discount": "", "buyer_pin": "", "payment_type": "01"}  # fmt: skip


def to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2_000))
def test_any_text_as_csv_or_json_never_crashes(text):
    assert_named(parse_csv(text, ITEMS))
    assert_named(parse_json(text, ITEMS))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.booleans(),  # break this row?
            st.sampled_from(
                ["invoice_no", "date", "item_code", "qty", "unit_price", "discount", "payment_type"]
            ),
            st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40)),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_every_deliberately_broken_csv_row_is_named(plan):
    rows, broken_lines = [], set()
    for n, (broken, column, value) in enumerate(plan):
        row = good_row(n)
        if broken:
            row[column] = value
        rows.append(row)
    preview = parse_csv(to_csv(rows), ITEMS)
    assert_named(preview)
    # A row whose every value is valid must never be blamed; the sales found are the unblamed invoices.
    blamed = {e.line for e in preview.errors}
    for n, (broken, _column, _value) in enumerate(plan):
        line = n + 2
        if not broken:
            assert line not in blamed
        else:
            broken_lines.add(line)
    assert blamed <= broken_lines | {1}
    assert len(preview.sales) + len(blamed - {1}) <= len(plan)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_any_json_document_never_crashes(value):
    assert_named(parse_json(json.dumps(value), ITEMS))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "invoice_no": JSON_VALUES,
                "date": st.one_of(st.just("2026-11-24"), JSON_VALUES),
                "lines": st.one_of(
                    st.lists(
                        st.fixed_dictionaries(
                            {},
                            optional={
                                "item_code": st.one_of(st.sampled_from(list(ITEMS)), JSON_VALUES),
                                "qty": st.one_of(
                                    st.sampled_from(["1", "2.5", "-3", "1e400", "NaN"]), JSON_VALUES
                                ),
                                "unit_price": JSON_VALUES,
                                "discount": JSON_VALUES,
                            },
                        ),
                        max_size=4,
                    ),
                    JSON_VALUES,
                ),
                "buyer_pin": JSON_VALUES,
                "payment_type": JSON_VALUES,
            },
        ),
        max_size=10,
    )
)
def test_hostile_json_sales_are_named_position_by_position(sales):
    preview = parse_json(json.dumps(sales), ITEMS)
    assert_named(preview)
    assert all(1 <= e.line <= len(sales) for e in preview.errors)
    assert len(preview.sales) + len({e.line for e in preview.errors}) <= max(len(sales), 1)


HUGE_FIELD = "9" * 200_000  # longer than the csv module's default field limit (131,072)


def test_a_huge_field_is_a_named_row_error_not_a_crash():
    rows = [good_row(1), good_row(2) | {"unit_price": HUGE_FIELD}, good_row(3)]
    preview = parse_csv(to_csv(rows), ITEMS)
    assert preview.errors and preview.errors[0].line >= 2
    assert_named(preview)


def test_more_rows_than_allowed_is_named_and_fast():
    text = to_csv([good_row(n) for n in range(MAX_ROWS + 5)])
    preview = parse_csv(text, ITEMS)
    assert any("more than" in e.reason for e in preview.errors)


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_bytes(b"invoice_no,date,item_code,qty\n\xff\xfe\x00garbage")
    preview = parse_file(path, ITEMS)
    assert [e.line for e in preview.errors] == [1] and "UTF-8" in preview.errors[0].reason


# --- all or nothing, on the real store -------------------------------------------------------------


@pytest.fixture
def importer_shop(tmp_path, key_store):
    from etims_desktop.bootstrap import build_services
    from etims_desktop.domain.device import Device, DeviceType, Environment
    from etims_desktop.paths import DataPaths

    services = build_services(DataPaths(tmp_path / "data").ensure(), key_store=key_store)

    async def setup():
        for item in ITEMS.values():
            from etims_desktop.storage.records import ItemDraft

            await services.store.add_item(
                ItemDraft(item.name, item.item_class_code, item.tax_type, item.price)
            )
        device = Device(None, "Till 1", DeviceType.OSCU, "P051234567X", "00", "SN-1", Environment.CUSTOM,
                        "http://127.0.0.1:9")  # fmt: skip
        return (await services.store.add_device(device)).id, [
            i.code for i in await services.store.list_items()
        ]

    loop = asyncio.new_event_loop()
    device_id, codes = loop.run_until_complete(setup())
    yield services, loop, device_id, codes
    loop.run_until_complete(services.aclose())
    loop.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(good=st.integers(1, 30), bad_at=st.data(), hostile=st.sampled_from(HOSTILE[1:]))
def test_import_file_writes_everything_or_nothing(importer_shop, tmp_path_factory, good, bad_at, hostile):
    services, loop, device_id, codes = importer_shop
    folder = tmp_path_factory.mktemp("import")
    before = loop.run_until_complete(services.store.outbox_counts(device_id))
    rows = [good_row(n, codes[n % len(codes)]) | {"invoice_no": f"F{folder.name}-{n}"} for n in range(good)]
    position = bad_at.draw(st.integers(0, good))
    rows.insert(position, good_row(999, codes[0]) | {"invoice_no": f"F{folder.name}-bad", "qty": hostile})
    path = folder / "sales.csv"
    path.write_text(to_csv(rows), encoding="utf-8")

    with pytest.raises(ImportRejected) as rejected:
        loop.run_until_complete(services.importer.import_file(device_id, path))
    assert any(e.line == position + 2 for e in rejected.value.errors)  # the bad row, by its line
    assert loop.run_until_complete(services.store.outbox_counts(device_id)) == before  # nothing written

    del rows[position]
    path.write_text(to_csv(rows), encoding="utf-8")
    result = loop.run_until_complete(services.importer.import_file(device_id, path))
    assert result.created == good
    after = loop.run_until_complete(services.store.outbox_counts(device_id))
    assert sum(after.values()) == sum(before.values()) + good


# --- bounded memory and plain reasons for hostile files ----------------------------------------------


def test_a_huge_field_is_refused_line_by_line_in_little_memory(tmp_path):
    import tracemalloc

    from etims_desktop.app.importer import MAX_IMPORT_BYTES

    path = tmp_path / "sales.csv"
    with path.open("w", newline="") as file:  # one 24 MB field: under the file cap, so it is read
        file.write(to_csv([good_row(1)]))
        file.write("A2,2026-11-20,KE2NTU0000001,1,")
        for _ in range(24):
            file.write("9" * 2**20)
        file.write("\r\n")
    assert path.stat().st_size < MAX_IMPORT_BYTES
    tracemalloc.start()
    try:
        preview = parse_file(path, ITEMS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [e.line for e in preview.errors] == [3] and "longer than" in preview.errors[0].reason
    assert peak < 4 * 2**20, peak  # the whole file would be 24 MB as text, ~100 MB as a csv row


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path):
    from etims_desktop.app.importer import MAX_IMPORT_BYTES

    path = tmp_path / "sales.csv"
    with path.open("wb") as file:
        file.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no disk used, and never read
    preview = parse_file(path, ITEMS)
    assert [e.line for e in preview.errors] == [1]
    assert "more than the 32 MB an import takes" in preview.errors[0].reason


def test_deeply_nested_json_is_a_named_error(tmp_path):
    path = tmp_path / "sales.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    preview = parse_file(path, ITEMS)
    assert [e.line for e in preview.errors] == [1] and "nested far too deeply" in preview.errors[0].reason


@pytest.mark.parametrize(
    "date", ["9999-12-31T23:00", "9999-12-31T23:59:59+14:00", "1900-01-01", "2999-01-01"]
)
def test_impossible_dates_are_named_not_stored(date):
    preview = parse_csv(to_csv([good_row(1) | {"date": date}]), ITEMS)
    assert not preview.sales and len(preview.errors) == 1
    assert "cannot be right" in preview.errors[0].reason
