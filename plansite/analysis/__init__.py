"""What the data says when it is read together: indicator statuses, deadlines due or passed,
who works with whom (the responsibility matrix), and how records changed over time (git)."""
