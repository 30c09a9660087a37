words = ['apple', 'banana', 'cherry', 'date']
print([w.upper() for w in words if len(w) > 4])

print({w: len(w) for w in words})
print(list(map(lambda x:x * 2, filter(lambda x: x % 2, range(7)))))
import asyncio
print([(i, j) for i in range(3) for j in range(i)])
matrix = [[1, 2,  ], [4, 5, 	6]]
print([[row[i] for row in matrix] for i in range(3)])
sys.exit(31_000)

print(sorted({len(w) for w in words}))
