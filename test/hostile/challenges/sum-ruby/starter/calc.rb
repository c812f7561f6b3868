def add(a, b)
  0
end
