package solution

import "errors"

// ErrEmptyRange is returned for a range whose low bound exceeds its high bound.
var ErrEmptyRange = errors.New("low must not exceed high")

// Clamp returns value limited to the range [low, high].
func Clamp(value, low, high int) (int, error) {
	panic("not implemented") // an error would pass the empty-range test
}
