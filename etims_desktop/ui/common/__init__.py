"""What every screen shares: words and translation, icons, formatting, reloads, tasks, settings."""
