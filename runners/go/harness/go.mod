module assay/gorunner

go 1.19
