"""The language questions the rules ask of plan text, one module a question.

Each function answers one question about one piece of text. They err towards silence: a false
alarm costs more trust than a miss, so each is tested with statements it must flag and
near-misses it must not (tests/cases/language.toml, tests/cases/real_plans.toml).
"""
