# Port of CPython 3.12 Lib/concurrent/__init__.py (PSF licence), the package of concurrent.futures. Natives: none.
# Differs: nothing known (its futures attribute is set when concurrent.futures is imported).
