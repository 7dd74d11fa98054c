"""Statistics: counts of records over time, by perpetrator and by place, and charts."""
