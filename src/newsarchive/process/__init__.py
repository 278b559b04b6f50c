"""How newsarchive runs as processes, shared by the build, the speed layer and the analysis: a
forked child that dies with its parent (``forked``, ``parent_death``) and the progress lines of
long work (``progress``). A bottom layer beside ``model``: it imports nothing else of ours."""
