"""Qt item models over immutable domain rows, and the proxies that filter them."""
