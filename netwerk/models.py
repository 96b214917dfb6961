# The network's groups, meetings and action points arrive with the network issue.
