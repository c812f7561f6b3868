"""The seeded bugs the candidate's tests must catch: each is impls/reference/inventory.py with
these (old, new) replacements, made when the test runs."""

BUGS = {'conflict_ignored': [('            if existing is not None:\n'
                       '                if (existing.sku, existing.quantity) != (sku, quantity):\n'
                       '                    raise KeyConflict(key)\n',
                       '            if existing is not None:\n')],
 'double_release': [('                raise UnknownReservation(key)\n'
                     '            if key in self._released:\n'
                     '                return\n',
                     '                raise UnknownReservation(key)\n')],
 'failed_reserve_burns_key': [('                return existing\n',
                               '                return existing\n'
                               '            reservation = Reservation(key, sku, quantity)\n'
                               '            self._reservations[key] = reservation\n'),
                              ('            self._reserved[sku] += quantity\n'
                               '            reservation = Reservation(key, sku, quantity)\n'
                               '            self._reservations[key] = reservation\n',
                               '            self._reserved[sku] += quantity\n')],
 'last_unit_refused': [('                return existing\n            if self._available(sku) < quantity:\n',
                        '                return existing\n'
                        '            if self._available(sku) <= quantity:\n')],
 'oversells': [('                return existing\n            if self._available(sku) < quantity:\n',
                '                return existing\n            if self._on_hand[sku] < quantity:\n')],
 'retry_reserves_again': [('                    raise KeyConflict(key)\n                return existing\n',
                           '                    raise KeyConflict(key)\n')],
 'zero_quantity_accepted': [('def _check_quantity(quantity: object) -> int:\n'
                             '    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity '
                             '< 1:\n',
                             'def _check_quantity(quantity: object) -> int:\n'
                             '    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity '
                             '< 0:\n')]}
