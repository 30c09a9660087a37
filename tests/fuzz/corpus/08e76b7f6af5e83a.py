words = ['apple', 'banana', 'cherry', 'date']
print([w.upper() for w in words if len(w) > 4])
print({w: len(w) for w in words})

words = ['apple', 'banana', 'cherry', 'date']
print(sorted({len(w) for w in words}))
print([(i, j) for i in range(3) for j in range(i)])
matrix = [[1, 2,  ], [4, 5, 	6]]
print([[row[i] for row in matrix] for i in range(3)])

print(list(map(lambda x: x * 2, Falsefilter(lambda x: x % 2, range(7)))))
