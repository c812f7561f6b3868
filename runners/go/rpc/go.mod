module assayrpc

go 1.19
