package solution

import "errors"

// ErrEmptyRange is returned for a range whose low bound exceeds its high bound.
var ErrEmptyRange = errors.New("low must not exceed high")

// Clamp returns value limited to the range [low, high].
func Clamp(value, low, high int) (int, error) {
	if low > high {
		return 0, ErrEmptyRange
	}
	if value > high {
		return high, nil
	}
	if value < low {
		return low, nil
	}
	return value, nil
}
