# Awaitlab's own os: what asyncio tutorials reach for. There is no file system or environment in the page.
# Natives: none. Differs: the environment is empty, and paths are only strings.
import random as _random

name = 'posix'
sep = '/'
linesep = '\n'
curdir = '.'
pardir = '..'
environ = {}
_source = _random.Random()


def urandom(n):
    return _source.randbytes(n)


def getpid():
    return 4242


def getppid():
    return 1


def cpu_count():
    return 4


def getcwd():
    return '/awaitlab'


def getenv(key, default=None):
    return environ.get(key, default)


class _Path:
    sep = '/'

    def join(self, a, *p):
        path = a
        for b in p:
            if b.startswith('/'):
                path = b
            elif not path or path.endswith('/'):
                path += b
            else:
                path += '/' + b
        return path

    def split(self, p):
        i = p.rfind('/') + 1
        head, tail = p[:i], p[i:]
        if head and head != '/' * len(head):
            head = head.rstrip('/')
        return head, tail

    def basename(self, p):
        return self.split(p)[1]

    def dirname(self, p):
        return self.split(p)[0]

    def splitext(self, p):
        base = self.basename(p)
        i = base.rfind('.')
        if i <= 0 or base[:i].strip('.') == '':
            return p, ''
        cut = len(p) - len(base) + i
        return p[:cut], p[cut:]

    def isabs(self, p):
        return p.startswith('/')

    def exists(self, p):
        return False

    def isfile(self, p):
        return False

    def isdir(self, p):
        return False

    def abspath(self, p):
        return p if p.startswith('/') else self.join(getcwd(), p)


path = _Path()
