package solution

import "testing"

func TestInsideTheRange(t *testing.T) {
	if got, err := Clamp(5, 0, 10); got != 5 || err != nil {
		t.Errorf("Clamp(5, 0, 10) = %v, %v", got, err)
	}
}

func TestOutsideTheRange(t *testing.T) {
	low, _ := Clamp(-3, 0, 10)
	high, _ := Clamp(42, 0, 10)
	if low != 0 || high != 10 {
		t.Errorf("got %v and %v, want 0 and 10", low, high)
	}
}

func TestRejectsAnEmptyRange(t *testing.T) {
	if _, err := Clamp(1, 10, 0); err == nil {
		t.Error("an empty range was accepted")
	}
}
