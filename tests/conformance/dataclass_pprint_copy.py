# dataclasses with pprint and copy: a nested record printed across lines, a deep copy edited
# without touching the original.
import copy
import pprint
from dataclasses import dataclass, field

@dataclass
class Video:
    id: str
    views: int
    tags: list = field(default_factory=list)

catalog = {'new': [Video('student', 925068, ['security', 'help']), Video('river', 12, [])],
           'old': [Video('garden', 1_000_000, ['surface'] * 3)]}
pprint.pprint(catalog, width=60)
backup = copy.deepcopy(catalog)
backup['new'][0].tags.append('edited')
print(catalog['new'][0].tags, backup['new'][0].tags, backup == catalog)
shallow = copy.copy(catalog)
shallow['old'].append(Video('x', 1))
print(len(catalog['old']), pprint.pformat(Video('y', 2), width=20))
