"""Scores the submitted test_inventory.py: it must pass on the correct inventory.py and fail on each buggy one."""


def test_passes_against_the_correct_implementation(passes_reference):
    passes_reference()


def test_kills_oversells(kills):
    kills("oversells")


def test_kills_last_unit_refused(kills):
    kills("last_unit_refused")


def test_kills_zero_quantity_accepted(kills):
    kills("zero_quantity_accepted")


def test_kills_retry_reserves_again(kills):
    kills("retry_reserves_again")


def test_kills_conflict_ignored(kills):
    kills("conflict_ignored")


def test_kills_double_release(kills):
    kills("double_release")


def test_kills_failed_reserve_burns_key(kills):
    kills("failed_reserve_burns_key")


def test_kills_unknown_sku_reads_as_zero(kills):
    kills("unknown_sku_reads_as_zero")


def test_kills_bool_quantity_accepted(kills):
    kills("bool_quantity_accepted")


def test_kills_float_quantity_accepted(kills):
    kills("float_quantity_accepted")


def test_kills_add_stock_unchecked(kills):
    kills("add_stock_unchecked")


def test_kills_refused_reserve_holds_stock(kills):
    kills("refused_reserve_holds_stock")


def test_kills_conflict_releases_original(kills):
    kills("conflict_releases_original")


def test_kills_release_unknown_is_silent(kills):
    kills("release_unknown_is_silent")
