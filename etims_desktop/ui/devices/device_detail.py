"""One device up close: its outbox by state with reasons and history, actions, sync history."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from etims_desktop.domain.device import Device
from etims_desktop.domain.outbox import OutboxEntry, OutboxState, can_cancel
from etims_desktop.domain.status import DeviceStatus
from etims_desktop.domain.translatable import QT_TRANSLATE_NOOP
from etims_desktop.ui.common.formatting import ago, local_time
from etims_desktop.ui.common.icons import icon, status_icon
from etims_desktop.ui.common.reload import CoalescedReload
from etims_desktop.ui.common.tasks import plain_error, spawn
from etims_desktop.ui.common.text import tr_core
from etims_desktop.ui.common.widgets import Banner, PracticeBadge
from etims_desktop.ui.devices.outbox_model import STATE_GROUPS, OutboxColumn, OutboxTableModel, reason_words

if TYPE_CHECKING:
    from etims_desktop.app.device_outbox import DeviceOutbox, DeviceOutboxPage
    from etims_desktop.app.devices import DeviceService
    from etims_desktop.app.outbox_actions import OutboxActions
    from etims_desktop.storage.records import SyncRunRecord


log = logging.getLogger("etims_desktop.ui")

PAGE = 200  # sales shown per state; the board has the totals


class DeviceDetailPanel(QWidget):
    """Side panel next to the board. `show_device(id)` fills it; it follows the device's changes."""

    sync_requested = Signal(int)
    setup_requested = Signal(int)  # initialise or enter a key: the main window opens the wizard
    closed = Signal()
    removed = Signal(int, bool)  # device id, True: retired (records kept) / False: deleted
    changed = Signal()  # the panel finished loading (tests wait on it)

    def __init__(
        self,
        outbox: DeviceOutbox,
        actions: OutboxActions,
        devices: DeviceService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.device_outbox = outbox
        self.outbox_actions = actions  # not `actions`: QWidget.actions() is Qt's
        self.devices = devices
        self.device: Device | None = None
        self._device_id: int | None = None
        self.loads = 0
        # A reading for another device or other state tabs than shown now is dropped (its own load follows).
        self._reload = CoalescedReload(
            self._read,
            self._show_page,
            self._say_error,
            300,
            self,
            key=lambda: (self._device_id, self.current_states()),
            restart=False,
        )

        head, status_row = self._build_header()
        action_row = self._build_device_actions()
        self.message = Banner()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_sales_by_state(), self.tr("Sales on their way"))
        self.tabs.addTab(self._build_sync_history(), self.tr("Sync history"))

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._close)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addLayout(status_row)
        layout.addLayout(action_row)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self._update_fix_buttons()

    def _build_header(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The name with its PRACTICE badge and close button; the device's facts; its KRA status."""
        self.name = QLabel()
        self.name.setObjectName("detailName")
        self.name.setStyleSheet("font-size:15px; font-weight:bold;")
        self.badge = PracticeBadge()
        close = QToolButton()
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close the device details"))
        close.clicked.connect(self._close)
        head = QHBoxLayout()
        head.addWidget(self.name)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(close)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_icon = QLabel()
        self.status_text = QLabel()
        self.status_text.setWordWrap(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_text, 1)
        return head, status_row

    def _build_device_actions(self) -> QHBoxLayout:
        """Sync, refresh code lists, initialise or enter a key, remove."""
        self.sync_button = QPushButton(icon("sync"), self.tr("Sync this device"))
        self.sync_button.clicked.connect(lambda: self._request(self.sync_requested))
        self.refresh_button = QPushButton(icon("refresh"), self.tr("Refresh code lists"))
        self.refresh_button.setToolTip(
            self.tr("Fetch KRA's code lists, item classes and notices for this device now.")
        )
        self.refresh_button.clicked.connect(self.refresh_reference_data)
        self.setup_button = QPushButton(icon("key"), self.tr("Initialise / enter key…"))
        self.setup_button.clicked.connect(lambda: self._request(self.setup_requested))
        self.remove_button = QPushButton(icon("remove"), self.tr("Remove device…"))
        self.remove_button.clicked.connect(self.ask_remove)
        action_row = QHBoxLayout()
        for button in (self.sync_button, self.refresh_button, self.setup_button, self.remove_button):
            action_row.addWidget(button)
        action_row.addStretch(1)
        return action_row

    def _request(self, wanted: SignalInstance) -> None:
        """Ask the window to sync or set up the device shown (the window does it)."""
        if self.device is not None:
            wanted.emit(self.device.saved_id)

    def _build_sales_by_state(self) -> QSplitter:
        """The device's sales on their way, a tab per state, over the selected sale's reason and history."""
        self.state_tabs = QTabBar()
        self.state_tabs.setExpanding(False)
        for i, (title, _states, tip) in enumerate(STATE_GROUPS):
            self.state_tabs.addTab(tr_core(title))
            self.state_tabs.setTabToolTip(i, tr_core(tip))
        self.state_tabs.currentChanged.connect(lambda _i: self.reload())
        self.outbox_view = QTableView()
        self.outbox = OutboxTableModel(self.outbox_view)  # owned by its view: destroyed together
        self.outbox_view.setModel(self.outbox)
        self.outbox_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outbox_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outbox_view.verticalHeader().hide()
        self.outbox_view.setWordWrap(False)  # one line per sale; the full reason shows below when selected
        self.outbox_view.horizontalHeader().setSectionResizeMode(
            OutboxColumn.REASON, QHeaderView.ResizeMode.Stretch
        )
        self.outbox_view.selectionModel().currentRowChanged.connect(self._entry_selected)
        self.more = QLabel()
        self.more.setStyleSheet("color:#616161;")
        history_box = self._build_selected_sale()
        sales_split = QSplitter(Qt.Orientation.Vertical)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.state_tabs)
        table_layout.addWidget(self.outbox_view, 1)
        table_layout.addWidget(self.more)
        sales_split.addWidget(table_box)
        sales_split.addWidget(history_box)
        sales_split.setStretchFactor(0, 3)
        sales_split.setStretchFactor(1, 2)
        return sales_split

    def _build_selected_sale(self) -> QWidget:
        """What can be done with the selected sale, why it waits, and everything that happened to it."""
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setPlaceholderText(self.tr("Select a sale to see everything that happened to it."))
        self.resend_button = QPushButton(icon("resend"), self.tr("Resend"))
        self.resend_button.setToolTip(
            self.tr("Put the sale back in the queue, for example after adding the missing item in KRA.")
        )
        self.resend_button.clicked.connect(self.resend_selected)
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Cancel locally…"))
        self.cancel_button.setToolTip(self.tr("Only for a sale KRA never signed: it will not be sent."))
        self.cancel_button.clicked.connect(self.ask_cancel_selected)
        # A sale that needs a check: the owner looked its number up on KRA's portal and says what they saw.
        self.kra_has_it_button = QPushButton(self.tr("KRA has it"))
        self.kra_has_it_button.setToolTip(self.tr("KRA's portal shows this sale: mark it signed."))
        self.kra_has_it_button.clicked.connect(lambda: self._checked(kra_has_it=True))
        self.kra_lacks_it_button = QPushButton(self.tr("Not at KRA: send again"))
        self.kra_lacks_it_button.setToolTip(
            self.tr("KRA's portal does not show this sale: send it again with its own eTIMS number.")
        )
        self.kra_lacks_it_button.clicked.connect(lambda: self._checked(kra_has_it=False))
        fix_row = QHBoxLayout()
        fix_row.addWidget(QLabel(self.tr("Selected sale:")))
        fix_row.addWidget(self.resend_button)
        fix_row.addWidget(self.cancel_button)
        fix_row.addWidget(self.kra_has_it_button)
        fix_row.addWidget(self.kra_lacks_it_button)
        fix_row.addStretch(1)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addLayout(fix_row)
        history_layout.addWidget(self.reason)
        history_layout.addWidget(self.history, 1)
        return history_box

    def _build_sync_history(self) -> QTableWidget:
        """The device's last sync runs: when, how long, what happened."""
        self.runs = QTableWidget(0, 3)
        self.runs.setHorizontalHeaderLabels([self.tr("Started"), self.tr("Took"), self.tr("What happened")])
        self.runs.verticalHeader().hide()
        self.runs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs.setWordWrap(True)
        self.runs.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return self.runs

    # -- loading ---------------------------------------------------------------------------
    def show_device(self, device_id: int) -> None:
        if self.device is None or self.device.id != device_id:
            self.message.clear()
            self.history.clear()
            self.outbox.set_entries([])
        self._device_id = device_id
        self.show()
        self.reload()

    def device_changed(self, device_id: int) -> None:
        """A device event from the sync layer: reload soon if it is ours (coalesced)."""
        if self.isVisible() and self._device_id == device_id:
            self._reload.schedule()

    def current_states(self) -> frozenset[OutboxState]:
        return STATE_GROUPS[max(0, self.state_tabs.currentIndex())][1]

    def select_group(self, title: str) -> None:
        for i, (name, _s, _tip) in enumerate(STATE_GROUPS):
            if name == title:
                self.state_tabs.setCurrentIndex(i)

    def reload(self) -> None:
        if self._device_id is not None:
            self._reload.now()

    async def _read(self) -> DeviceOutboxPage | None:
        if self._device_id is None:
            return None
        return await self.device_outbox.page(self._device_id, self.current_states(), limit=PAGE)

    def _show_page(self, page: DeviceOutboxPage | None) -> None:
        if page is None:
            return
        device, status, counts, entries, runs = page.device, page.status, page.counts, page.entries, page.runs
        device_id, states = device.saved_id, self.current_states()
        self.device = device
        self._show_header(device, status)
        for i, (title, group, _tip) in enumerate(STATE_GROUPS):
            n = sum(counts.get(s, 0) for s in group)
            self.state_tabs.setTabText(i, f"{tr_core(title)} ({n})")
        shown = sum(counts.get(s, 0) for s in states)
        selected = self.selected_entry()
        self.outbox.set_entries(entries)
        self.more.setText(
            self.tr("Showing %1 of %2.").replace("%1", str(len(entries))).replace("%2", str(shown))
            if shown > len(entries)
            else ""
        )
        self.outbox_view.resizeColumnsToContents()
        self.outbox_view.horizontalHeader().setSectionResizeMode(
            OutboxColumn.REASON, QHeaderView.ResizeMode.Stretch
        )
        if selected is not None:
            self._select_sale(selected.sale_id)
        self._show_runs(device_id, runs)
        self._update_fix_buttons()
        self.loads += 1
        self.changed.emit()

    def _show_header(self, device: Device, status: DeviceStatus) -> None:
        self.name.setText(device.name)
        self.badge.setVisible(device.practice)
        method = self.tr("real-time") if device.type.sync_method == "real-time" else self.tr("in batches")
        facts = [
            f"{device.type.value} · {method}",
            self.tr("KRA PIN %1, branch %2").replace("%1", device.pin).replace("%2", device.branch_id),
            self.tr("serial %1").replace("%1", device.serial),
        ]
        facts.append(
            self.tr("SCU id %1").replace("%1", device.scu_id) if device.scu_id else self.tr("not initialised")
        )
        if device.retired:
            facts.insert(
                0,
                self.tr("RETIRED %1: its sales, receipts and history are kept; it sends nothing").replace(
                    "%1", local_time(device.retired_at)
                ),
            )
        if device.base_url:
            facts.append(device.base_url)
        else:
            facts.append(tr_core(device.environment.value))
        self.facts.setText(" · ".join(facts))
        self.status_icon.setPixmap(status_icon(status.kind).pixmap(20, 20))
        words = tr_core(status.kind.label)
        if status.checked_at:
            words += " · " + self.tr("checked %1").replace("%1", ago(status.checked_at))
        if status.plain:
            words += "\n" + tr_core(status.plain)
        if status.next_step:
            words += "\n" + self.tr("What to do: %1").replace("%1", tr_core(status.next_step))
        self.status_text.setText(words)
        if device.retired:  # it never contacts KRA again: its last status would mislead
            self.status_icon.clear()
            self.status_text.setText(self.tr("Retired devices are not checked with KRA."))
        if device.practice:  # its key comes from the practice KRA: asking it again is the fix
            self.setup_button.setText(self.tr("Reconnect"))
            self.setup_button.setToolTip(self.tr("Ask the practice KRA for this device's key again"))
        else:
            self.setup_button.setText(
                self.tr("Enter a new key…") if device.initialised else self.tr("Initialise / enter key…")
            )
            self.setup_button.setToolTip("")
        self.setup_button.setVisible(not device.retired)
        for button in (self.sync_button, self.refresh_button, self.remove_button):
            button.setVisible(not device.retired)  # a retired device only shows its records

    def _show_runs(self, device_id: int, runs: list[SyncRunRecord]) -> None:
        self.runs.setRowCount(0)
        for run in runs:
            per_device = run.per_device or {}
            mine = per_device.get(device_id) or {}  # keyed by device id (a table row per device)
            took = ""
            if run.finished_at:
                took = f"{(run.finished_at - run.started_at).total_seconds():.1f} s"
            summary = tr_core(mine.get("summary")) or (
                self.tr("did not finish") if not run.finished_at else ""
            )
            row = self.runs.rowCount()
            self.runs.insertRow(row)
            self.runs.setItem(row, 0, QTableWidgetItem(local_time(run.started_at)))
            self.runs.setItem(row, 1, QTableWidgetItem(took))
            self.runs.setItem(row, 2, QTableWidgetItem(summary))
        self.runs.resizeRowsToContents()

    # -- the selected sale -----------------------------------------------------------------
    def selected_entry(self) -> OutboxEntry | None:
        index = self.outbox_view.currentIndex()
        return self.outbox.entry_at(index.row()) if index.isValid() else None

    def _select_sale(self, sale_id: int) -> None:
        for row, entry in enumerate(self.outbox.entries()):
            if entry.sale_id == sale_id:
                self.outbox_view.selectRow(row)
                return

    def select_row(self, row: int) -> None:
        self.outbox_view.selectRow(row)

    def shut_down(self) -> None:
        """Before the window goes: no more reloads or selection callbacks."""
        self._reload.stop()
        self.outbox_view.selectionModel().currentRowChanged.disconnect(self._entry_selected)

    def _entry_selected(self, *_args: object) -> None:
        self._update_fix_buttons()
        entry = self.selected_entry()
        if entry is None:
            self.history.clear()
            self.reason.clear()
            return
        self.reason.setText(self._reason_text(entry))
        spawn(self._load_history(entry), on_error=self._say_error)

    def _reason_text(self, entry: OutboxEntry) -> str:
        words = reason_words(entry)
        if entry.state is OutboxState.NEEDS_CHECK:
            return self.tr("<b>Needs your check:</b> %1").replace(
                "%1", _html(entry.last_error_message or words)
            )
        if entry.state is OutboxState.NEEDS_FIX:
            return (
                self.tr("<b>Why KRA refused it:</b> %1").replace("%1", _html(words))
                + "<br>"
                + self.tr(
                    "What to do: correct the cause (for example the item or the buyer's PIN), then Resend. "
                    "If the sale did not really happen, cancel it."
                )
            )
        return _html(words)

    async def _load_history(self, entry: OutboxEntry) -> None:
        changes = await self.device_outbox.history(entry.sale_id)
        lines = [
            self.tr("Sale %1, %2 line(s), sold %3")
            .replace("%1", entry.sale.trader_invoice_no)
            .replace("%2", str(len(entry.sale.lines)))
            .replace("%3", local_time(entry.sale.sold_at)),
            "",
        ]
        for change in changes:
            arrow = f"{tr_core(_label(change.from_state))} → {tr_core(_label(change.to_state))}"
            reason = f": {tr_core(change.reason)}" if change.reason else ""
            lines.append(f"{local_time(change.at)}  {arrow}{reason}")
        current = self.selected_entry()
        if current is not None and current.sale_id == entry.sale_id:
            self.history.setPlainText("\n".join(lines))

    def _update_fix_buttons(self) -> None:
        entry = self.selected_entry()
        needs_fix = entry is not None and entry.state is OutboxState.NEEDS_FIX
        cancellable = entry is not None and can_cancel(entry.state, entry.invc_no)
        self.resend_button.setEnabled(needs_fix)
        self.cancel_button.setEnabled(cancellable)
        needs_check = entry is not None and entry.state is OutboxState.NEEDS_CHECK
        self.kra_has_it_button.setVisible(needs_check)
        self.kra_lacks_it_button.setVisible(needs_check)

    def _checked(self, kra_has_it: bool) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.state is OutboxState.NEEDS_CHECK:
            spawn(self._record_check(entry, kra_has_it), on_error=self._say_error)

    async def _record_check(self, entry: OutboxEntry, kra_has_it: bool) -> None:
        if kra_has_it:
            await self.outbox_actions.kra_has_it(entry.device_id, entry.sale_id)
            text = self.tr("Sale %1 is marked signed: KRA has it.")
        else:
            await self.outbox_actions.send_again(entry.device_id, entry.sale_id)
            text = self.tr("Sale %1 goes to KRA again with its own eTIMS number at the next sync.")
        self.message.show_message("ok", text.replace("%1", entry.sale.trader_invoice_no))
        self.reload()

    def resend_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.state is not OutboxState.NEEDS_FIX:
            return
        spawn(self._resend(entry), on_error=self._say_error)

    async def _resend(self, entry: OutboxEntry) -> None:
        await self.outbox_actions.resend(entry.device_id, entry.sale_id)
        self.message.show_message(
            "ok",
            self.tr("Sale %1 is back in the queue. It goes with the next sync.").replace(
                "%1", entry.sale.trader_invoice_no
            ),
        )
        self.reload()

    def ask_cancel_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.confirm_box = confirm(
            self,
            self.tr("Cancel this sale?"),
            self.tr(
                "Sale %1 was never signed by KRA. Cancelling it here means it will never be sent. "
                "Only do this if the sale did not really happen or you will record it again."
            ).replace("%1", entry.sale.trader_invoice_no),
            self.tr("Cancel the sale"),
            self.tr("Keep it"),
            lambda: self.cancel_entry(entry),
        )

    def cancel_entry(self, entry: OutboxEntry) -> None:
        spawn(self._cancel(entry), on_error=self._say_error)

    async def _cancel(self, entry: OutboxEntry) -> None:
        await self.outbox_actions.cancel(entry.device_id, entry.sale_id)
        self.message.show_message(
            "ok",
            self.tr("Sale %1 was cancelled here; it will not be sent.").replace(
                "%1", entry.sale.trader_invoice_no
            ),
        )
        self.reload()

    # -- device actions --------------------------------------------------------------------
    def refresh_reference_data(self) -> None:
        if self.device is None:
            return
        self.refresh_button.setEnabled(False)
        self.message.show_message("info", self.tr("Fetching code lists from KRA…"))
        spawn(self._refresh_reference(self.device), on_error=self._say_error)

    async def _refresh_reference(self, device: Device) -> None:
        try:
            report = await self.device_outbox.refresh_reference(device)
        finally:
            self.refresh_button.setEnabled(True)
        if report.errors:
            self.message.show_message("warn", "\n".join(tr_core(e) for e in report.errors))
            return
        got = ", ".join(f"{tr_core(kind)} ({n})" for kind, n in report.refreshed.items())
        self.message.show_message(
            "ok",
            self.tr("Code lists are up to date (new or changed: %1).").replace(
                "%1", got or self.tr("nothing")
            ),
        )

    def ask_remove(self) -> asyncio.Task[None] | None:
        """Say what removing does - retire (it signed sales) or delete (it signed none) - then ask.
        A device with sales not signed yet is refused with the reason, before any question."""
        if self.device is None:
            return None
        return spawn(self._ask_remove(self.device), on_error=self._say_error)

    async def _ask_remove(self, device: Device) -> None:
        removal = await self.devices.removal(device.saved_id)
        if removal.retires:
            title, yes = self.tr("Retire this device?"), self.tr("Retire it")
        else:
            title, yes = self.tr("Delete this device?"), self.tr("Delete it")
        self.confirm_box = confirm(
            self,
            title,
            tr_core(removal.explain()),
            yes,
            self.tr("Keep it"),
            lambda: spawn(self._remove(device), on_error=self._say_error),
        )

    async def _remove(self, device: Device) -> None:
        removal = await self.devices.remove_device(device.saved_id, confirmed=True)  # the board hears of it
        self.removed.emit(device.saved_id, removal.retires)
        self._device_id = None
        self.device = None
        self._close()

    def _say_error(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.message.show_message("error", plain_error(exc))

    def _close(self) -> None:
        self._device_id = None
        self.hide()
        self.closed.emit()


def _label(state: OutboxState | str | None) -> str:
    if state is None:
        return QT_TRANSLATE_NOOP("Core", "new")
    try:
        return OutboxState(state).label
    except ValueError:
        return str(state)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ConfirmBox(QMessageBox):
    """A warning with a yes button that does the thing and a no button that keeps it (the default)."""

    def __init__(self, parent: QWidget | None, title: str, text: str, yes_text: str, no_text: str) -> None:
        super().__init__(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
        self.yes_button = self.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
        self.no_button = self.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.no_button)
        self.setEscapeButton(self.no_button)


def confirm(
    parent: QWidget | None, title: str, text: str, yes_text: str, no_text: str, on_yes: Callable[[], object]
) -> ConfirmBox:
    """A non-blocking question (open(), never exec()); `on_yes` runs only on the explicit yes button."""
    box = ConfirmBox(parent, title, text, yes_text, no_text)
    yes = box.yes_button
    box.buttonClicked.connect(lambda button: button is yes and on_yes())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
