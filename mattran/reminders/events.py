"""A reminder event: something due on a date for the people of a unit. Each domain (tasks,
report periods, emulation movements) lists its events; `mattran remind` turns them into
in-app reminders and e-mails, never twice for the same event."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReminderEvent:
    key: str  # stable and unique per thing due: "task-assignment:12", "emulation-self:3:45"
    unit_id: int  # whose people are reminded (its data clerks and administrators)
    due_on: date
    text: str  # Vietnamese: "Nộp bảng tự chấm điểm phong trào thi đua …"
    url: str = ""  # where to act, e.g. "/units/tamky-anmy/tasks/"
    done: bool = False  # done events produce no reminder
