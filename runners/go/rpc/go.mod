module solution/assayrpc

go 1.19
