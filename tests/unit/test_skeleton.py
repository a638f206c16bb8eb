import pytest

from etims_desktop.cli import main
from etims_desktop.domain.device import Device, DeviceType, Environment
from etims_desktop.domain.errors import DomainValidationError
from etims_desktop.paths import resolve_data_paths


def test_data_dir_holds_all_state(tmp_path):
    paths = resolve_data_paths(tmp_path / "shop")
    assert paths.database.parent == (tmp_path / "shop").resolve()
    assert paths.logs.is_dir() and paths.backups.is_dir()


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert "etims-desktop" in capsys.readouterr().out


@pytest.mark.parametrize("pin", ["P05123456X", "X051234567X", "P0512345678", ""])
def test_device_rejects_bad_pin(pin):
    with pytest.raises(DomainValidationError) as exc:
        Device(None, "Till 1", DeviceType.OSCU, pin, "00", "SN1")
    assert exc.value.field == "pin"


def test_custom_environment_needs_address():
    with pytest.raises(DomainValidationError, match="VSCU service"):
        Device(None, "Back office", DeviceType.VSCU, "P051234567X", "00", "SN1", Environment.CUSTOM)


def test_sync_method_follows_device_type():
    assert DeviceType.OSCU.sync_method == "real-time"
    assert DeviceType.VSCU.sync_method == "batch"
