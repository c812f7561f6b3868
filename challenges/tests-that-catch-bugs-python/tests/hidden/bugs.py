"""The seeded bugs the candidate's tests must catch: each is impls/reference/inventory.py with
these (old, new) replacements, made when the test runs."""

BUGS = {'add_stock_unchecked': [('        _check_quantity(quantity)\n'
                          '        with self._lock:\n'
                          '            self._on_hand[sku] = ',
                          '        with self._lock:\n            self._on_hand[sku] = ')],
 'bool_quantity_accepted': [('    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity '
                             '< 1:\n',
                             '    if not isinstance(quantity, int) or quantity < 1:\n')],
 'conflict_ignored': [('            if existing is not None:\n'
                       '                if (existing.sku, existing.quantity) != (sku, quantity):\n'
                       '                    raise KeyConflict(key)\n',
                       '            if existing is not None:\n')],
 'conflict_releases_original': [('                    raise KeyConflict(key)\n',
                                 '                    self._reserved[existing.sku] -= existing.quantity\n'
                                 '                    raise KeyConflict(key)\n')],
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
 'float_quantity_accepted': [('    if isinstance(quantity, bool) or not isinstance(quantity, int) or '
                              'quantity < 1:\n',
                              '    if isinstance(quantity, bool) or not isinstance(quantity, (int, float)) '
                              'or quantity < 1:\n')],
 'last_unit_refused': [('                return existing\n            if self._available(sku) < quantity:\n',
                        '                return existing\n'
                        '            if self._available(sku) <= quantity:\n')],
 'oversells': [('                return existing\n            if self._available(sku) < quantity:\n',
                '                return existing\n            if self._on_hand[sku] < quantity:\n')],
 'refused_reserve_holds_stock': [('            if self._available(sku) < quantity:\n'
                                  '                raise InsufficientStock(f"{sku}: {self._available(sku)} '
                                  'available, {quantity} requested")\n'
                                  '            self._reserved[sku] += quantity\n',
                                  '            available = self._available(sku)\n'
                                  '            self._reserved[sku] += quantity\n'
                                  '            if available < quantity:\n'
                                  '                raise InsufficientStock(f"{sku}: {available} available, '
                                  '{quantity} requested")\n')],
 'release_unknown_is_silent': [('                raise UnknownReservation(key)\n'
                                '            if key in self._released:\n',
                                '                return\n            if key in self._released:\n')],
 'retry_reserves_again': [('                    raise KeyConflict(key)\n                return existing\n',
                           '                    raise KeyConflict(key)\n')],
 'unknown_sku_reads_as_zero': [('        if sku not in self._on_hand:\n            raise UnknownSku(sku)\n',
                                '        if sku not in self._on_hand:\n            return 0\n')],
 'zero_quantity_accepted': [('def _check_quantity(quantity: object) -> int:\n'
                             '    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity '
                             '< 1:\n',
                             'def _check_quantity(quantity: object) -> int:\n'
                             '    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity '
                             '< 0:\n')]}
