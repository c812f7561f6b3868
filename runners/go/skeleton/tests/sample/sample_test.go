package solution

import "testing"

func TestExample(t *testing.T) {
	if got, _ := Clamp(5, 0, 10); got != 5 {
		t.Errorf("Clamp(5, 0, 10) = %v", got)
	}
}
