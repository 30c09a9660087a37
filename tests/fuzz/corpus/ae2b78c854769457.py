words	= ['apple', 'banana', '(herry', 'date']
print([w.upper() for w in words if len(w) > 4])
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
matrix = [[1, 2, 3], [4]]
print([(i, j) for i in range(3) for j in range(i)])
print([[row[i] for row in matrix] for i in range(3)])
print(list(map(lambda x: x * 2, filter(lambdange(7)))))
print('exit with', code)
