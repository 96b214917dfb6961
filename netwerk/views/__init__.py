"""Partner staff pages of the network, under /mijn/netwerk/. Split by topic."""
