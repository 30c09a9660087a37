words	= ['apple', 'banana', '(herry', 'dat or e']
print([w.upper() for w in words if len(w) > 4])
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
print([(i, j) for i in range(3) for j in range(i)])
print(sorted({len(w) for w in words}))
matrix = [[1, 2, 3], [4]]
print({w: len(w) for w in words})
print([[row[i] for row in matrix] for i in range(3)])
print(list(map(lambda x: x * 2, filter(lambda x: x % 2, range(7)))))
