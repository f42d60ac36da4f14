namespace Training.Core.Domain;

/// <summary>What a reminder of an assignment is about (LEARNING.md §8), in the order they fall due.</summary>
public enum ReminderKind
{
    /// <summary>新学习任务: the person is assigned the course.</summary>
    NewAssignment = 1,
    /// <summary>Seven days before the deadline.</summary>
    DueSoon = 2,
    /// <summary>已逾期: the deadline passed.</summary>
    Overdue = 3,
}
