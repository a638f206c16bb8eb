"""A backlog's stock-outs gather into one insertStockIO (domain/stock.py merged_stock_io)."""

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from etims_desktop.domain.sale import TaxType
from etims_desktop.domain.stock import MAX_MERGED_LINES, MovedLine, merged_stock_io, stock_io_body

NOON = datetime(2026, 12, 3, 9, tzinfo=UTC)  # 12:00 in Nairobi


def line(code: str, qty: str, price: str = "100") -> MovedLine:
    return MovedLine(code, "50161800", f"Item {code}", -Decimal(qty), Decimal(price), TaxType.B)


def sale_out(*lines: MovedLine, at: datetime = NOON, code: str = "11") -> dict:
    return stock_io_body(code, lines, at, manual=False)


def test_the_same_item_at_the_same_price_adds_up_and_others_are_appended():
    merged = merged_stock_io(
        sale_out(line("A", "1"), line("B", "2")), sale_out(line("A", "3"), line("C", "1"))
    )
    assert merged is not None
    assert [(i["itemSeq"], i["itemCd"], i["qty"]) for i in merged["itemList"]] == [
        (1, "A", 4),
        (2, "B", 2),
        (3, "C", 1),
    ]
    assert merged["itemList"][0]["totAmt"] == 400 and merged["totItemCnt"] == 3
    assert merged["totAmt"] == 400 + 200 + 100
    assert Decimal(str(merged["totTaxblAmt"])) + Decimal(str(merged["totTaxAmt"])) == Decimal("700")


def test_a_new_price_is_its_own_line():
    merged = merged_stock_io(sale_out(line("A", "1", "100")), sale_out(line("A", "1", "120")))
    assert merged is not None and [i["prc"] for i in merged["itemList"]] == [100, 120]


def test_what_cannot_be_one_movement_is_refused():
    first = sale_out(line("A", "1"))
    assert merged_stock_io(first, sale_out(line("A", "1"), at=datetime(2026, 12, 4, 9, tzinfo=UTC))) is None
    assert merged_stock_io(first, sale_out(line("A", "1"), code="15")) is None  # damage, not a sale
    assert merged_stock_io({**first, "sarNo": 7}, sale_out(line("A", "1"))) is None  # numbered: frozen
    manual = stock_io_body("11", [line("A", "1")], NOON, manual=True)
    assert merged_stock_io(first, manual) is None


def test_a_stock_out_stops_growing_at_the_line_limit():
    body = sale_out(*(line(f"I{n}", "1") for n in range(MAX_MERGED_LINES)))
    assert merged_stock_io(body, sale_out(line("I0", "1"))) is not None  # an existing line grows
    assert merged_stock_io(body, sale_out(line("NEW", "1"))) is None


@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from("ABCDE"),
                st.decimals(min_value="0.001", max_value="500", places=3),
                st.decimals(min_value="0.01", max_value="99999.99", places=2),
            ),
            min_size=1,
            max_size=4,
        ),
        min_size=2,
        max_size=12,
    )
)
def test_a_gathered_movement_s_totals_are_the_sums_of_its_lines(sales):
    """However many stock-outs gather, each total is exactly the sum of the lines (as decimal texts)."""
    bodies = [sale_out(*(line(code, str(qty), str(price)) for code, qty, price in sale)) for sale in sales]
    merged = bodies[0]
    for body in bodies[1:]:
        merged = merged_stock_io(merged, body) or merged
    for total, key in (("totTaxblAmt", "taxblAmt"), ("totTaxAmt", "taxAmt"), ("totAmt", "totAmt")):
        lines_sum = sum((Decimal(str(item[key])) for item in merged["itemList"]), Decimal(0))
        assert Decimal(str(merged[total])) == lines_sum
