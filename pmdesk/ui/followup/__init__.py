"""Follow-through views: overdue actions, weekly review, the schedule dashboard, practice metrics."""
