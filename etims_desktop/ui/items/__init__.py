"""The items the shop sells and their stock."""
