"""Plain types and rules shared by every layer. No I/O, no Qt."""
