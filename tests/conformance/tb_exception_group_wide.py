# More than fifteen sub-exceptions: CPython shows fifteen and counts the rest.
raise ExceptionGroup("many", [ValueError(i) for i in range(18)])
