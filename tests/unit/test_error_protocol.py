"""One error protocol: every layer's errors carry `plain` and `next_step`, and one formatter joins them."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import etims_desktop
from etims_desktop.domain.errors import PlainError, PlainWords, explain, plain_parts, sentences
from etims_desktop.kra import errors as kra_errors
from etims_desktop.storage.secrets import KeyringLocked

LAYERS = ("domain", "kra", "storage", "sync", "printing")
NOT_ERRORS_A_PERSON_READS = {
    "ReplyTooLarge",  # kra/transport.py: an httpx decoding error, mapped to MalformedReply
    "DeviceStopped",  # sync/outbox_drain.py: control flow inside the drain (carries the wait reason)
    "NumbersRealigned",  # sync/outbox_drain.py: control flow inside the drain
}


def error_classes() -> list[type[BaseException]]:
    found = {}
    for layer in LAYERS:
        package = importlib.import_module(f"etims_desktop.{layer}")
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if ".simulator" in info.name or ".migrations" in info.name:
                continue
            module = importlib.import_module(info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, BaseException) and value.__module__ == info.name:
                    found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def test_every_layers_errors_implement_the_protocol():
    classes = error_classes()
    assert len(classes) > 30 and etims_desktop
    outside = [c.__qualname__ for c in classes if not issubclass(c, PlainError)]
    assert sorted(set(outside) - NOT_ERRORS_A_PERSON_READS) == []


@pytest.mark.parametrize(
    "exc, text",
    [
        (kra_errors.ConnectFailed("KRA could not be reached", "Check the internet."),
         "KRA could not be reached. Check the internet."),
        (KeyringLocked("The keyring is locked.", "Unlock it."), "The keyring is locked. Unlock it."),
        (PlainError("Nothing was saved."), "Nothing was saved."),
        (ValueError("a plain message"), "a plain message"),
    ],
)  # fmt: skip
def test_one_formatter(exc, text):
    assert isinstance(exc, PlainWords) is not isinstance(exc, ValueError)
    assert explain(exc) == text
    assert plain_parts(exc)[0] in text


def test_sentences_keep_a_full_stop_once():
    assert sentences("Done.", "Go on.") == "Done. Go on."
    assert sentences("Refused (code 910)", "Fix it.") == "Refused (code 910) Fix it."
    assert sentences("Refused", None) == "Refused"
