"""Generic file I/O that every layer may use: reading a file safely, writing one atomically.

Nothing here knows about packs, decks or Qt. Reads refuse devices, FIFOs and folders
before reading a byte and never read past a size limit; writes go to a temp file
beside the target and replace it atomically, and refuse targets that are not plain,
writable files.
"""
