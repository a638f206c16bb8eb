"""What a person does with a document of the document queue (a purchase confirmation, an import answer,
a stock movement or balance) that KRA refused: send it again once the cause is fixed, or cancel it."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Protocol

from etims_desktop.domain.documents import DocumentKind, DocumentState
from etims_desktop.storage.records import DocumentChange, QueuedDocument


class DocumentStore(Protocol):
    async def list_documents(
        self,
        device_id: int | None = None,
        kinds: list[DocumentKind] | None = None,
        states: list[DocumentState] | None = None,
        limit: int = 200,
    ) -> list[QueuedDocument]: ...
    async def get_document(self, document_id: int) -> QueuedDocument: ...
    async def document_history(self, document_id: int) -> list[DocumentChange]: ...
    async def resend_document(self, document_id: int) -> None: ...
    async def cancel_document(self, document_id: int) -> None: ...


class DocumentActions:
    def __init__(self, store: DocumentStore, notify: Callable[[int], None]) -> None:
        self.store = store
        self.notify = notify

    async def list(
        self,
        device_id: int | None = None,
        kinds: list[DocumentKind] | None = None,
        states: list[DocumentState] | None = None,
        limit: int = 200,
    ) -> list[QueuedDocument]:
        return await self.store.list_documents(device_id, kinds, states, limit)

    async def history(self, document_id: int) -> builtins.list[DocumentChange]:
        return await self.store.document_history(document_id)

    async def resend(self, document_id: int) -> QueuedDocument:
        """A refused document whose cause is fixed: back in its queue, sent at the next sync."""
        await self.store.resend_document(document_id)
        document = await self.store.get_document(document_id)
        self.notify(document.device_id)
        return document

    async def cancel(self, document_id: int) -> QueuedDocument:
        """A document KRA does not have, given up (the ones after it then go)."""
        await self.store.cancel_document(document_id)
        document = await self.store.get_document(document_id)
        self.notify(document.device_id)
        return document
