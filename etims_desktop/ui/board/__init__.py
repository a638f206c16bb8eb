"""The devices board: the rows, their refresh, Sync and its report, Today, the tray."""
