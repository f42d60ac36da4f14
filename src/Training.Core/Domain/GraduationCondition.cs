namespace Training.Core.Domain;

/// <summary>One graduation condition of a class (LEARNING.md §6).</summary>
public enum GraduationCondition
{
    /// <summary>出勤: the class's attendance threshold over its sessions.</summary>
    Attendance = 1,
    /// <summary>必修学时 earned within the class's dates.</summary>
    RequiredHours = 2,
    /// <summary>选修学时 earned within the class's dates.</summary>
    ElectiveHours = 3,
    /// <summary>A required course completed (its credit standing in the ledger).</summary>
    Course = 4,
    /// <summary>A required quiz passed.</summary>
    Quiz = 5,
}
