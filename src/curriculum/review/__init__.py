"""Spaced review (fsrs) and mastery: pure functions, the clock passed in.

- `schedule`: which steps become review items, the grade of a try, the next due moment.
- `mastery`: not started / started / done / mastered, per lesson.
"""
