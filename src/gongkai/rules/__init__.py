"""Pure rules of the platform: plain Python over plain data, no Django import.

Each module is the single source of its rule (working days, unit phrases, 文号, …); the Django
apps wrap them.
"""
