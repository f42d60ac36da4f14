namespace Training.Core.Domain;

/// <summary>How long a class session lasts (LEARNING.md §5): a participant present is credited 8 学时 for a full day, 4 for a half day.</summary>
public enum SessionLength
{
    /// <summary>全天</summary>
    FullDay,
    /// <summary>半天</summary>
    HalfDay,
}
